/**
 * Creates a staff account in an agency with its roles (POST /api/admin/users). Without a
 * chosen password the platform makes a temporary one, shown here once to hand over; the
 * person must then set up the authenticator at first sign-in.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { roleLabel } from '../../shared/auth/roles';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { AgencySelect } from './AgencySelect';
import { OneTimeSecret } from './OneTimeSecret';
import { formProblems } from './form-problems';
import { STAFF_ROLES } from './staff-roles';

type Created = paths['/api/admin/users']['post']['responses'][201]['content']['application/json'];

const FIELD_OF_CODE: Record<string, string> = {
  ACCOUNT_EXISTS: 'email',
  PHONE_INVALID: 'phone',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
  PASSWORD_BREACHED: 'password',
  PASSWORD_CONTAINS_IDENTIFIER: 'password',
  ROLE_UNKNOWN: 'roles',
  ROLE_NOT_GRANTABLE: 'roles',
  AGENCY_NOT_FOUND: 'agencyId',
};

export function CreateUserPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('users.createTitle'));
  const client = useQueryClient();
  const [form, setForm] = useState({
    fullName: '',
    email: '',
    phone: '',
    agencyId: '',
    roles: ['officer'] as string[],
    password: '',
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const problems = formProblems(error, i18n, FIELD_OF_CODE);

  const toggleRole = (role: string, on: boolean): void =>
    setForm({
      ...form,
      roles: on ? [...form.roles, role] : form.roles.filter((held) => held !== role),
    });

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const reply = await unwrap(
        api.POST('/api/admin/users', {
          body: {
            fullName: form.fullName.trim(),
            email: form.email.trim(),
            agencyId: form.agencyId,
            roles: form.roles,
            ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
            ...(form.password ? { password: form.password } : {}),
          },
        }),
      );
      setCreated(reply);
      await client.invalidateQueries({ queryKey: ['admin', 'users'] });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <div className="admin-page">
        <h1>{t('users.createdTitle')}</h1>
        <section className="panel" aria-labelledby="created-title">
          <h2 id="created-title">{created.user.fullName}</h2>
          <Alert kind="success">
            <p>{t('users.createdText', { email: created.user.email ?? '' })}</p>
          </Alert>
          {created.temporaryPassword ? (
            <OneTimeSecret
              label={t('users.temporaryPassword')}
              secret={created.temporaryPassword}
            />
          ) : null}
          <p className="button-row">
            <Link to={`/console/users/${created.user.id}`} className="button">
              {t('users.openCreated')}
            </Link>
            <Link to="/console/users" className="button button-secondary">
              {t('users.backToList')}
            </Link>
          </p>
        </section>
      </div>
    );
  }

  return (
    <div className="admin-page">
      <p>
        <Link to="/console/users">{t('users.backToList')}</Link>
      </p>
      <h1>{t('users.createTitle')}</h1>
      <p className="lead">{t('users.createLead')}</p>
      <section className="panel narrow-form">
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
        <form onSubmit={(event) => void submit(event)} noValidate className="form">
          <Field
            label={t('auth.fullName')}
            name="fullName"
            autoComplete="off"
            required
            value={form.fullName}
            onChange={(event) => setForm({ ...form, fullName: event.target.value })}
            error={problems.fullName}
          />
          <Field
            label={t('auth.email')}
            name="email"
            type="email"
            autoComplete="off"
            required
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
            error={problems.email}
          />
          <Field
            label={t('auth.phone')}
            name="phone"
            type="tel"
            autoComplete="off"
            optional
            hint={t('auth.phoneHint')}
            value={form.phone}
            onChange={(event) => setForm({ ...form, phone: event.target.value })}
            error={problems.phone}
          />
          <div className={`field${problems.agencyId ? ' field-invalid' : ''}`}>
            <label htmlFor="new-user-agency">{t('users.agency')}</label>
            <AgencySelect
              id="new-user-agency"
              required
              value={form.agencyId}
              emptyLabel={t('users.chooseAgency')}
              onChange={(agencyId) => setForm({ ...form, agencyId })}
              {...(problems.agencyId ? { error: problems.agencyId } : {})}
            />
          </div>
          <fieldset
            className={`field checkbox-group${problems.roles ? ' field-invalid' : ''}`}
            aria-describedby={problems.roles ? 'new-user-roles-error' : undefined}
          >
            <legend>{t('profile.roles')}</legend>
            {STAFF_ROLES.map((role) => (
              <label key={role} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.roles.includes(role)}
                  onChange={(event) => toggleRole(role, event.target.checked)}
                />
                {roleLabel(role, t)}
              </label>
            ))}
            {problems.roles ? (
              <p id="new-user-roles-error" className="field-error">
                {problems.roles}
              </p>
            ) : null}
          </fieldset>
          <Field
            label={t('users.initialPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            optional
            hint={t('users.initialPasswordHint')}
            value={form.password}
            onChange={(event) => setForm({ ...form, password: event.target.value })}
            error={problems.password}
          />
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.submitting') : t('users.createSubmit')}
          </button>
        </form>
      </section>
    </div>
  );
}
