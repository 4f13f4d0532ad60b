/**
 * Sign-in with an email address or phone number and a password. The answer says what comes
 * next: the authenticator code, the authenticator set-up (staff who have none yet), or the
 * page the person was heading to.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';
import { fieldErrors } from '../../shared/api/error-text';
import { SESSION_KEY, fetchSession, homeFor, safeNext } from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { nextQuery, signInState } from './auth-flow';

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  usePageTitle(t('auth.signInTitle'));
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const next = params.get('next');
  const arrival = signInState(location);

  const [identifier, setIdentifier] = useState(arrival.identifier ?? '');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const problems = fieldErrors(error, locale, t);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await unwrap(
        api.POST('/api/auth/login', { body: { identifier: identifier.trim(), password } }),
      );
      setLocale(result.user.locale);
      await client.fetchQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
      if (result.mfaEnrolmentRequired) await navigate(`/sign-in/enrol${nextQuery(next)}`);
      else if (result.mfaRequired) await navigate(`/sign-in/mfa${nextQuery(next)}`);
      else await navigate(safeNext(next, homeFor(result.user)));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('auth.signInTitle')}</h1>
      {arrival.signedOut ? (
        <Alert kind="success">
          <p>{t('auth.signedOut')}</p>
        </Alert>
      ) : null}
      {arrival.registered ? (
        <Alert kind="success">
          <p>{t('auth.registered')}</p>
        </Alert>
      ) : null}
      <p>{t('auth.signInLead')}</p>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field
          label={t('auth.identifier')}
          name="identifier"
          autoComplete="username"
          required
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          error={problems.identifier}
        />
        <Field
          label={t('auth.password')}
          name="password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.password}
        />
        <div className="checkbox">
          <input
            id="show-password"
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          <label htmlFor="show-password">{t('auth.showPassword')}</label>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('auth.signInSubmit')}
        </button>
      </form>
      <p className="form-aside">
        {t('auth.noAccount')} <Link to="/register">{t('auth.registerLink')}</Link>
      </p>
    </section>
  );
}
