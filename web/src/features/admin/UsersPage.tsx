/**
 * The accounts of the administrator's reach (GET /api/admin/users): searched, filtered,
 * sorted and paged by the server, with contacts masked. The search lives in the address so
 * a result can be bookmarked and the back button works.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { roleLabel } from '../../shared/auth/roles';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { AgencySelect } from './AgencySelect';
import { PagedTable } from './PagedTable';

type UserQuery = paths['/api/admin/users']['get']['parameters']['query'];
type Sort = NonNullable<UserQuery['sort']>;

const SORTS: readonly Sort[] = [
  '-createdAt',
  'createdAt',
  'fullName',
  '-fullName',
  '-lastLoginAt',
  'lastLoginAt',
];
const PAGE_SIZE = 20;
const TYPES = ['staff', 'citizen'] as const;
const STATUSES = ['active', 'disabled'] as const;

interface Filters {
  q: string;
  agencyId: string;
  type: (typeof TYPES)[number] | '';
  status: (typeof STATUSES)[number] | '';
  sort: Sort;
}

function pick<T extends string>(value: string | null, options: readonly T[]): T | undefined {
  return value !== null && (options as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

export function UsersPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('users.title'));
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? '',
    agencyId: params.get('agencyId') ?? '',
    type: pick(params.get('type'), TYPES) ?? '',
    status: pick(params.get('status'), STATUSES) ?? '',
    sort: pick(params.get('sort'), SORTS) ?? '-createdAt',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(filters);

  const result = useQuery({
    queryKey: ['admin', 'users', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/admin/users', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              sort: filters.sort,
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.agencyId ? { agencyId: filters.agencyId } : {}),
              ...(filters.type ? { type: filters.type } : {}),
              ...(filters.status ? { status: filters.status } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const go = (next: Filters, nextPage: number): void => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.agencyId) search.set('agencyId', next.agencyId);
    if (next.type) search.set('type', next.type);
    if (next.status) search.set('status', next.status);
    if (next.sort !== '-createdAt') search.set('sort', next.sort);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    go({ ...draft, q: draft.q.trim() }, 1);
  };

  const never = t('users.never');

  return (
    <div className="admin-page">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <Link to="/console/users/new" className="button">
          {t('users.create')}
        </Link>
      </div>
      <p className="lead">{t('users.lead')}</p>
      <form className="filters filters-wide" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="users-q">{t('users.search')}</label>
          <input
            id="users-q"
            type="search"
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="users-agency">{t('users.agency')}</label>
          <AgencySelect
            id="users-agency"
            value={draft.agencyId}
            emptyLabel={t('users.allAgencies')}
            onChange={(agencyId) => setDraft({ ...draft, agencyId })}
          />
        </div>
        <div className="field">
          <label htmlFor="users-type">{t('users.type')}</label>
          <select
            id="users-type"
            value={draft.type}
            onChange={(event) =>
              setDraft({ ...draft, type: pick(event.target.value, TYPES) ?? '' })
            }
          >
            <option value="">{t('users.allTypes')}</option>
            <option value="staff">{t('profile.typeStaff')}</option>
            <option value="citizen">{t('profile.typeCitizen')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-status">{t('users.status')}</label>
          <select
            id="users-status"
            value={draft.status}
            onChange={(event) =>
              setDraft({
                ...draft,
                status: pick(event.target.value, STATUSES) ?? '',
              })
            }
          >
            <option value="">{t('users.allStatuses')}</option>
            <option value="active">{t('users.statusActive')}</option>
            <option value="disabled">{t('users.statusDisabled')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-sort">{t('users.sort')}</label>
          <select
            id="users-sort"
            value={draft.sort}
            onChange={(event) =>
              setDraft({ ...draft, sort: pick(event.target.value, SORTS) ?? '-createdAt' })
            }
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`users.sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
      </form>

      <PagedTable
        query={result}
        caption={t('users.title')}
        emptyText={t('users.empty')}
        totalText={(total) => t('users.total', { total })}
        headers={
          <>
            <th scope="col">{t('auth.fullName')}</th>
            <th scope="col">{t('users.contact')}</th>
            <th scope="col">{t('users.agency')}</th>
            <th scope="col">{t('profile.roles')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.lastLogin')}</th>
          </>
        }
        page={page}
        onPage={(next) => go(filters, next)}
        renderRow={(user) => (
          <tr key={user.id}>
            <th scope="row">
              <Link to={`/console/users/${user.id}`}>{user.fullName}</Link>
              <br />
              <span className="muted">
                {user.type === 'staff' ? t('profile.typeStaff') : t('profile.typeCitizen')}
              </span>
            </th>
            <td>{[user.email, user.phone].filter(Boolean).join(' · ') || t('profile.none')}</td>
            <td>{user.agency ? user.agency.name : t('profile.none')}</td>
            <td>{user.roles.map((role) => roleLabel(role, t)).join(', ')}</td>
            <td>
              <span className={`badge badge-${user.status}`}>
                {user.status === 'active' ? t('users.statusActive') : t('users.statusDisabled')}
              </span>
            </td>
            <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : never}</td>
          </tr>
        )}
      />
    </div>
  );
}
