/** The second step of sign-in: the authenticator's 6-digit code, or a recovery code. */
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';
import { homeFor, safeNext, setSession, useSession } from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { nextQuery, normaliseCode, plausibleCode } from './auth-flow';

export function MfaPage() {
  const { t } = useI18n();
  usePageTitle(t('auth.mfaTitle'));
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const client = useQueryClient();
  const { session, isLoading } = useSession();

  const [code, setCode] = useState('');
  const [formatProblem, setFormatProblem] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (isLoading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in${nextQuery(next)}`} replace />;
  if (!session.user.mfaEnabled) return <Navigate to={`/sign-in/enrol${nextQuery(next)}`} replace />;
  if (session.mfaPassed && !busy) {
    return <Navigate to={safeNext(next, homeFor(session.user))} replace />;
  }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const value = normaliseCode(code);
    setFormatProblem(!plausibleCode(value));
    if (!plausibleCode(value)) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await unwrap(api.POST('/api/auth/mfa/verify', { body: { code: value } }));
      setSession(client, { user: reply.user, mfaPassed: true });
      await navigate(safeNext(next, homeFor(reply.user)), { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="mfa-title">
      <h1 id="mfa-title">{t('auth.mfaTitle')}</h1>
      <p>{t('auth.mfaLead')}</p>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field
          label={t('auth.mfaCode')}
          hint={t('auth.mfaCodeHint')}
          name="code"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="off"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={formatProblem ? t('auth.mfaBadFormat') : undefined}
          className="field-code"
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('auth.mfaSubmit')}
        </button>
      </form>
    </section>
  );
}
