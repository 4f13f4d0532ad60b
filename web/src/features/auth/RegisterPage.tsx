/** Registration of a citizen account: a name, an email address or phone number, a password. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap, ApiError } from '../../shared/api/client';
import { errorText, fieldErrors } from '../../shared/api/error-text';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import type { SignInState } from './auth-flow';

/** Refusals that concern one field are shown next to it as well as at the top. */
const FIELD_OF_CODE: Record<string, 'password' | 'phone' | 'email'> = {
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  PASSWORD_BREACHED: 'password',
  PASSWORD_CONTAINS_IDENTIFIER: 'password',
  PHONE_INVALID: 'phone',
};

export function RegisterPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('auth.registerTitle'));
  const navigate = useNavigate();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Set<'fullName' | 'contact' | 'password'>>(new Set());
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const problems = fieldErrors(error, locale, t);
  if (error instanceof ApiError && FIELD_OF_CODE[error.code]) {
    problems[FIELD_OF_CODE[error.code]!] = errorText(error, locale, t);
  }

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const contact = { email: email.trim(), phone: phone.trim() };
    // The obvious gaps are named before asking the server; it checks everything else.
    const gaps = new Set<'fullName' | 'contact' | 'password'>();
    if (!fullName.trim()) gaps.add('fullName');
    if (!contact.email && !contact.phone) gaps.add('contact');
    if (!password) gaps.add('password');
    setMissing(gaps);
    if (gaps.size > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/auth/register', {
          body: {
            fullName: fullName.trim(),
            password,
            locale,
            ...(contact.email ? { email: contact.email } : {}),
            ...(contact.phone ? { phone: contact.phone } : {}),
          },
        }),
      );
      const state: SignInState = { registered: true, identifier: contact.email || contact.phone };
      await navigate('/sign-in', { state });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="panel narrow" aria-labelledby="register-title">
      <h1 id="register-title">{t('auth.registerTitle')}</h1>
      <p>{t('auth.registerLead')}</p>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field
          label={t('auth.fullName')}
          name="fullName"
          autoComplete="name"
          required
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          error={problems.fullName ?? (missing.has('fullName') ? t('form.required') : undefined)}
        />
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          optional
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={problems.email ?? (missing.has('contact') ? t('auth.needContact') : undefined)}
        />
        <Field
          label={t('auth.phone')}
          hint={t('auth.phoneHint')}
          name="phone"
          type="tel"
          autoComplete="tel"
          optional
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          error={problems.phone ?? (missing.has('contact') ? t('auth.needContact') : undefined)}
        />
        <Field
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={problems.password ?? (missing.has('password') ? t('form.required') : undefined)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('auth.registerSubmit')}
        </button>
      </form>
      <p className="form-aside">
        {t('auth.haveAccount')} <Link to="/sign-in">{t('app.signIn')}</Link>
      </p>
    </section>
  );
}
