/**
 * The signed-in person's account: name and language (saved to the profile), the account
 * facts (type, contact, agency, roles, second factor) and the password change.
 */
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { isLocale, type Locale } from '../../shared/i18n/translate';
import { api, unwrap } from '../../shared/api/client';
import { fieldErrors } from '../../shared/api/error-text';
import { setSession, useSession, type Session } from '../../shared/auth/session';
import { roleLabel } from '../../shared/auth/roles';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';

export function ProfilePage() {
  const { t } = useI18n();
  usePageTitle(t('profile.title'));
  const { session, isLoading } = useSession();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname);

  if (isLoading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in?next=${next}`} replace />;
  if (session.user.type === 'staff' && !session.mfaPassed) {
    return <Navigate to={`/sign-in/mfa?next=${next}`} replace />;
  }
  return (
    <div className="profile">
      <h1>{t('profile.title')}</h1>
      <div className="profile-grid">
        <DetailsForm session={session} />
        <AccountFacts session={session} />
        <PasswordForm />
      </div>
    </div>
  );
}

function DetailsForm({ session }: { session: Session }) {
  const { t, locale: shownLocale, setLocale } = useI18n();
  const client = useQueryClient();
  const [fullName, setFullName] = useState(session.user.fullName);
  const [locale, setLocaleChoice] = useState<Locale>(session.user.locale);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = fieldErrors(error, shownLocale, t);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const reply = await unwrap(
        api.PATCH('/api/auth/me', { body: { fullName: fullName.trim(), locale } }),
      );
      setSession(client, { ...session, user: reply.user });
      setLocale(reply.user.locale);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('profile.details')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('profile.saved')}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field
          label={t('auth.fullName')}
          name="fullName"
          autoComplete="name"
          required
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          error={problems.fullName}
        />
        <div className="field">
          <label htmlFor="profile-locale">{t('profile.language')}</label>
          <select
            id="profile-locale"
            value={locale}
            onChange={(event) => {
              if (isLocale(event.target.value)) setLocaleChoice(event.target.value);
            }}
          >
            <option value="vi" lang="vi">
              {t('app.languageVi')}
            </option>
            <option value="en" lang="en">
              {t('app.languageEn')}
            </option>
          </select>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('profile.save')}
        </button>
      </form>
    </section>
  );
}

function AccountFacts({ session }: { session: Session }) {
  const { t } = useI18n();
  const { user } = session;
  const none = t('profile.none');
  return (
    <section className="panel" aria-labelledby="account-title">
      <h2 id="account-title">{t('profile.account')}</h2>
      <dl className="facts">
        <dt>{t('profile.type')}</dt>
        <dd>{user.type === 'staff' ? t('profile.typeStaff') : t('profile.typeCitizen')}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email ?? none}</dd>
        <dt>{t('auth.phone')}</dt>
        <dd>{user.phone ?? none}</dd>
        {user.type === 'staff' ? (
          <>
            <dt>{t('profile.agency')}</dt>
            <dd>{user.agency ? `${user.agency.name} (${user.agency.code})` : none}</dd>
            <dt>{t('profile.roles')}</dt>
            <dd>
              {user.roles.length > 0
                ? user.roles.map((role) => roleLabel(role, t)).join(', ')
                : none}
            </dd>
          </>
        ) : null}
        <dt>{t('profile.mfa')}</dt>
        <dd>
          {user.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')}
          {!user.mfaEnabled && user.type === 'staff' ? (
            <>
              {' · '}
              <Link to="/sign-in/enrol">{t('profile.mfaEnrol')}</Link>
            </>
          ) : null}
        </dd>
      </dl>
    </section>
  );
}

function PasswordForm() {
  const { t, locale } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = fieldErrors(error, locale, t);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
      setCurrentPassword('');
      setNewPassword('');
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('profile.passwordTitle')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {done ? (
        <Alert kind="success">
          <p>{t('profile.passwordChanged')}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <Field
          label={t('profile.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={problems.currentPassword}
        />
        <Field
          label={t('profile.newPassword')}
          hint={t('auth.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={problems.newPassword}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('profile.passwordSubmit')}
        </button>
      </form>
    </section>
  );
}
