/**
 * Authenticator (TOTP) set-up, required of staff before anything else: the secret is shown
 * as text in groups of four and as an otpauth:// link; a code from the app confirms it; the
 * recovery codes are then shown once.
 */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';
import {
  SESSION_KEY,
  fetchSession,
  homeFor,
  safeNext,
  useSession,
} from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { RecoveryCodes } from './RecoveryCodes';
import { nextQuery, normaliseCode } from './auth-flow';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

export function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

export function EnrolPage() {
  const { t } = useI18n();
  usePageTitle(t('auth.enrolTitle'));
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { session, isLoading } = useSession();

  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (isLoading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in${nextQuery(next)}`} replace />;
  if (session.user.mfaEnabled && !recoveryCodes) {
    return <Navigate to={`/sign-in/mfa${nextQuery(next)}`} replace />;
  }

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setEnrolment(await unwrap(api.POST('/api/auth/mfa/enrol/start')));
    });

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return run(async () => {
      const reply = await unwrap(
        api.POST('/api/auth/mfa/enrol/confirm', { body: { code: normaliseCode(code) } }),
      );
      setRecoveryCodes(reply.recoveryCodes);
    });
  };

  const proceed = () =>
    run(async () => {
      const fresh = await client.fetchQuery({
        queryKey: SESSION_KEY,
        queryFn: fetchSession,
        staleTime: 0,
      });
      if (fresh?.mfaPassed) await navigate(safeNext(next, homeFor(fresh.user)), { replace: true });
      else await navigate(`/sign-in/mfa${nextQuery(next)}`, { replace: true });
    });

  return (
    <section className="panel narrow" aria-labelledby="enrol-title">
      <h1 id="enrol-title">{t('auth.enrolTitle')}</h1>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {recoveryCodes ? (
        <>
          <RecoveryCodes codes={recoveryCodes} />
          <button type="button" className="button" onClick={() => void proceed()} disabled={busy}>
            {t('auth.recoveryContinue')}
          </button>
        </>
      ) : enrolment ? (
        <>
          <p>{t('auth.enrolStep1')}</p>
          <dl className="secret">
            <dt>{t('auth.enrolSecret')}</dt>
            <dd>
              <code className="secret-key">{groupSecret(enrolment.secret)}</code>
            </dd>
            <dt>{t('auth.enrolUri')}</dt>
            <dd>
              <a href={enrolment.otpauthUri} className="otpauth-uri">
                {enrolment.otpauthUri}
              </a>
            </dd>
          </dl>
          <p>{t('auth.enrolStep2')}</p>
          <form onSubmit={(event) => void confirm(event)} noValidate className="form">
            <Field
              label={t('auth.mfaCode')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              className="field-code"
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('form.submitting') : t('auth.enrolConfirm')}
            </button>
          </form>
        </>
      ) : (
        <>
          <p>{t('auth.enrolLead')}</p>
          <button type="button" className="button" onClick={() => void start()} disabled={busy}>
            {busy ? t('form.submitting') : t('auth.enrolStart')}
          </button>
        </>
      )}
    </section>
  );
}
