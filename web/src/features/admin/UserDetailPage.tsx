/**
 * One account as its administrator sees it (GET /api/admin/users/:id). The contacts are
 * shown in full, so the platform records this reading in the audit log; the page says so.
 * The administrator can disable or enable the account and change its roles
 * (PATCH /api/admin/users/:id).
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { roleLabel } from '../../shared/auth/roles';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { formProblems } from './form-problems';
import { STAFF_ROLES } from './staff-roles';

type AdminUser =
  paths['/api/admin/users/{id}']['get']['responses'][200]['content']['application/json']['user'];

export function UserDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const result = useQuery({
    queryKey: ['admin', 'users', 'one', id],
    queryFn: () => unwrap(api.GET('/api/admin/users/{id}', { params: { path: { id } } })),
    // Each reading is audited: fetch once per visit, not on every focus.
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  usePageTitle(result.data?.user.fullName ?? t('users.detailTitle'));

  return (
    <div className="admin-page">
      <p>
        <Link to="/console/users">{t('users.backToList')}</Link>
      </p>
      {result.isPending ? <Loading /> : null}
      {result.error ? (
        <>
          <h1>{t('users.detailTitle')}</h1>
          <Alert kind="error" error={result.error} />
        </>
      ) : null}
      {result.data ? <UserDetail user={result.data.user} /> : null}
    </div>
  );
}

function UserDetail({ user }: { user: AdminUser }) {
  const { t, locale } = useI18n();
  const none = t('profile.none');
  return (
    <>
      <h1>{user.fullName}</h1>
      <Alert kind="info">
        <p>{t('users.auditedNotice')}</p>
      </Alert>
      <div className="profile-grid">
        <section className="panel" aria-labelledby="user-facts">
          <h2 id="user-facts">{t('profile.account')}</h2>
          <dl className="facts">
            <dt>{t('profile.type')}</dt>
            <dd>{user.type === 'staff' ? t('profile.typeStaff') : t('profile.typeCitizen')}</dd>
            <dt>{t('auth.email')}</dt>
            <dd>{user.email ?? none}</dd>
            <dt>{t('auth.phone')}</dt>
            <dd>{user.phone ?? none}</dd>
            <dt>{t('profile.agency')}</dt>
            <dd>{user.agency ? `${user.agency.name} (${user.agency.code})` : none}</dd>
            <dt>{t('profile.mfa')}</dt>
            <dd>{user.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')}</dd>
            <dt>{t('users.createdAt')}</dt>
            <dd>{formatDateTime(user.createdAt, locale)}</dd>
            <dt>{t('users.lastLogin')}</dt>
            <dd>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t('users.never')}
            </dd>
            {user.lockedUntil ? (
              <>
                <dt>{t('users.lockedUntil')}</dt>
                <dd>{formatDateTime(user.lockedUntil, locale)}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <StatusPanel user={user} />
        {user.type === 'staff' ? <RolesPanel user={user} /> : null}
      </div>
    </>
  );
}

function useUpdateUser(id: string) {
  const client = useQueryClient();
  return async (body: { status?: 'active' | 'disabled'; roles?: string[] }) => {
    const reply = await unwrap(
      api.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body }),
    );
    client.setQueryData(['admin', 'users', 'one', id], reply);
    await client.invalidateQueries({ queryKey: ['admin', 'users'], exact: false });
    return reply;
  };
}

function StatusPanel({ user }: { user: AdminUser }) {
  const { t } = useI18n();
  const update = useUpdateUser(user.id);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const active = user.status === 'active';

  const toggle = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await update({ status: active ? 'disabled' : 'active' });
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="user-status">
      <h2 id="user-status">{t('users.status')}</h2>
      <p>
        <span className={`badge badge-${user.status}`}>
          {active ? t('users.statusActive') : t('users.statusDisabled')}
        </span>
      </p>
      <p>{active ? t('users.disableHint') : t('users.enableHint')}</p>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {done ? (
        <Alert kind="success">
          <p>{t('users.saved')}</p>
        </Alert>
      ) : null}
      <button
        type="button"
        className={active ? 'button button-danger' : 'button'}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {active ? t('users.disable') : t('users.enable')}
      </button>
    </section>
  );
}

function RolesPanel({ user }: { user: AdminUser }) {
  const i18n = useI18n();
  const { t } = i18n;
  const update = useUpdateUser(user.id);
  // Roles outside the built-in list (added by a module) stay held and are listed too.
  const builtIn: readonly string[] = STAFF_ROLES;
  const options = [...builtIn, ...user.roles.filter((role) => !builtIn.includes(role))];
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const problems = formProblems(error, i18n, {
    ROLE_UNKNOWN: 'roles',
    ROLE_NOT_GRANTABLE: 'roles',
  });

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await update({ roles });
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="user-roles">
      <h2 id="user-roles">{t('profile.roles')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {done ? (
        <Alert kind="success">
          <p>{t('users.saved')}</p>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <fieldset
          className={`field checkbox-group${problems.roles ? ' field-invalid' : ''}`}
          aria-describedby={problems.roles ? 'user-roles-error' : undefined}
        >
          <legend className="visually-hidden">{t('profile.roles')}</legend>
          {options.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(event) =>
                  setRoles(
                    event.target.checked ? [...roles, role] : roles.filter((held) => held !== role),
                  )
                }
              />
              {roleLabel(role, t)}
            </label>
          ))}
          {problems.roles ? (
            <p id="user-roles-error" className="field-error">
              {problems.roles}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('users.saveRoles')}
        </button>
      </form>
    </section>
  );
}
