/**
 * Machine keys for integrations (GET/POST /api/admin/api-keys): who made each, for which
 * agency and permissions, when it was last used. A new key's secret is shown once; a key
 * is revoked in two steps so a slip of the keyboard cannot cut off an integration.
 */
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { useSession } from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { AgencySelect } from './AgencySelect';
import { OneTimeSecret } from './OneTimeSecret';
import { PagedTable } from './PagedTable';
import { formProblems } from './form-problems';
import { provinceDayBound } from './format-date';

type ApiKey =
  paths['/api/admin/api-keys']['get']['responses'][200]['content']['application/json']['items'][number];
type Created =
  paths['/api/admin/api-keys']['post']['responses'][201]['content']['application/json'];

const PAGE_SIZE = 20;
const KEYS = ['admin', 'api-keys'] as const;

export function ApiKeysPage() {
  const { t } = useI18n();
  usePageTitle(t('apiKeys.title'));
  return (
    <div className="admin-page">
      <h1>{t('apiKeys.title')}</h1>
      <p className="lead">{t('apiKeys.lead')}</p>
      <CreateKeyForm />
      <KeyList />
    </div>
  );
}

function CreateKeyForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const client = useQueryClient();
  const [form, setForm] = useState({ name: '', agencyId: '', scopes: [] as string[], expires: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const problems = formProblems(error, i18n, {
    SCOPE_NOT_GRANTABLE: 'scopes',
    AGENCY_NOT_FOUND: 'agencyId',
  });
  // A key can carry only permissions its creator holds; offer exactly those.
  const grantable = [...(user?.permissions ?? [])].sort();

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setCreated(null);
    try {
      const reply = await unwrap(
        api.POST('/api/admin/api-keys', {
          body: {
            name: form.name.trim(),
            agencyId: form.agencyId,
            scopes: form.scopes,
            ...(form.expires ? { expiresAt: provinceDayBound(form.expires, 'end') } : {}),
          },
        }),
      );
      setCreated(reply);
      setForm({ name: '', agencyId: '', scopes: [], expires: '' });
      await client.invalidateQueries({ queryKey: KEYS });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-key-title">
      <h2 id="new-key-title">{t('apiKeys.create')}</h2>
      {created ? (
        <Alert kind="success">
          <p>{t('apiKeys.created', { name: created.apiKey.name })}</p>
          <OneTimeSecret label={t('apiKeys.secret')} secret={created.secret} />
        </Alert>
      ) : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form form-columns">
        <Field
          label={t('apiKeys.name')}
          name="name"
          autoComplete="off"
          required
          hint={t('apiKeys.nameHint')}
          value={form.name}
          onChange={(event) => setForm({ ...form, name: event.target.value })}
          error={problems.name}
        />
        <div className={`field${problems.agencyId ? ' field-invalid' : ''}`}>
          <label htmlFor="new-key-agency">{t('users.agency')}</label>
          <AgencySelect
            id="new-key-agency"
            required
            value={form.agencyId}
            emptyLabel={t('users.chooseAgency')}
            onChange={(agencyId) => setForm({ ...form, agencyId })}
            {...(problems.agencyId ? { error: problems.agencyId } : {})}
          />
        </div>
        <Field
          label={t('apiKeys.expires')}
          name="expires"
          type="date"
          optional
          hint={t('apiKeys.expiresHint')}
          value={form.expires}
          onChange={(event) => setForm({ ...form, expires: event.target.value })}
          error={problems.expiresAt}
        />
        <fieldset
          className={`field checkbox-group${problems.scopes ? ' field-invalid' : ''}`}
          aria-describedby={problems.scopes ? 'new-key-scopes-error' : undefined}
        >
          <legend>{t('apiKeys.scopes')}</legend>
          {grantable.map((permission) => (
            <label key={permission} className="checkbox">
              <input
                type="checkbox"
                checked={form.scopes.includes(permission)}
                onChange={(event) =>
                  setForm({
                    ...form,
                    scopes: event.target.checked
                      ? [...form.scopes, permission]
                      : form.scopes.filter((held) => held !== permission),
                  })
                }
              />
              <code>{permission}</code>
            </label>
          ))}
          {problems.scopes ? (
            <p id="new-key-scopes-error" className="field-error">
              {problems.scopes}
            </p>
          ) : null}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('apiKeys.createSubmit')}
        </button>
      </form>
    </section>
  );
}

function KeyList() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: [...KEYS, page],
    queryFn: () =>
      unwrap(api.GET('/api/admin/api-keys', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('apiKeys.listTitle')}</h2>
      <PagedTable
        query={result}
        caption={t('apiKeys.listTitle')}
        emptyText={t('apiKeys.empty')}
        totalText={(total) => t('apiKeys.total', { total })}
        headers={
          <>
            <th scope="col">{t('apiKeys.name')}</th>
            <th scope="col">{t('users.agency')}</th>
            <th scope="col">{t('apiKeys.scopes')}</th>
            <th scope="col">{t('apiKeys.createdBy')}</th>
            <th scope="col">{t('apiKeys.lastUsed')}</th>
            <th scope="col">{t('users.status')}</th>
          </>
        }
        page={page}
        onPage={setPage}
        renderRow={(key) => <KeyRow key={key.id} apiKey={key} />}
      />
    </section>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt) <= new Date();

  const revoke = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/admin/api-keys/{id}/revoke', { params: { path: { id: apiKey.id } } }),
      );
      setConfirming(false);
      await client.invalidateQueries({ queryKey: KEYS });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row">
        {apiKey.name}
        <br />
        <code className="muted">{apiKey.prefix}</code>
      </th>
      <td>{apiKey.agency.name}</td>
      <td>
        {apiKey.scopes.length > 0 ? (
          <ul className="tags">
            {apiKey.scopes.map((scope) => (
              <li key={scope}>
                <code>{scope}</code>
              </li>
            ))}
          </ul>
        ) : (
          t('profile.none')
        )}
      </td>
      <td>
        {apiKey.createdBy?.fullName ?? t('profile.none')}
        <br />
        <span className="muted">{formatDateTime(apiKey.createdAt, locale)}</span>
      </td>
      <td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt, locale) : t('users.never')}</td>
      <td>
        {apiKey.revokedAt ? (
          <span className="badge badge-disabled">
            {t('apiKeys.revokedAt', { time: formatDateTime(apiKey.revokedAt, locale) })}
          </span>
        ) : expired ? (
          <span className="badge badge-disabled">{t('apiKeys.expired')}</span>
        ) : (
          <>
            <span className="badge badge-active">{t('apiKeys.active')}</span>
            {apiKey.expiresAt ? (
              <p className="muted">
                {t('apiKeys.expiresAt', { time: formatDateTime(apiKey.expiresAt, locale) })}
              </p>
            ) : null}
            {confirming ? (
              <div className="button-row" role="group" aria-label={t('apiKeys.confirmRevoke')}>
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => void revoke()}
                >
                  {t('apiKeys.confirmRevoke')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirming(false)}
                >
                  {t('list.cancel')}
                </button>
              </div>
            ) : (
              <p>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('apiKeys.revokeNamed', { name: apiKey.name })}
                  onClick={() => setConfirming(true)}
                >
                  {t('apiKeys.revoke')}
                </button>
              </p>
            )}
          </>
        )}
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
      </td>
    </tr>
  );
}
