/**
 * The agency directory for staff: searched, filtered and paged by the server (GET
 * /api/agencies). The search lives in the address (?q=&kind=&page=) so a result can be
 * bookmarked and the back button works.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';

type AgencyQuery = NonNullable<paths['/api/agencies']['get']['parameters']['query']>;
type AgencyKind = NonNullable<AgencyQuery['kind']>;

const KINDS: readonly AgencyKind[] = [
  'province_committee',
  'department',
  'public_service_center',
  'district_committee',
  'commune_committee',
  'other',
];
const PAGE_SIZE = 20;

function isKind(value: string | null): value is AgencyKind {
  return value !== null && (KINDS as readonly string[]).includes(value);
}

export function AgenciesPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('agencies.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draftQ, setDraftQ] = useState(q);
  const [draftKind, setDraftKind] = useState<string>(kind ?? '');

  const result = useQuery({
    queryKey: ['agencies', { q, kind, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/agencies', {
          params: {
            query: {
              view: 'flat',
              includeInactive: false,
              page,
              pageSize: PAGE_SIZE,
              ...(q ? { q } : {}),
              ...(kind ? { kind } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const go = (next: { q?: string; kind?: string; page?: number }): void => {
    const search = new URLSearchParams();
    const nextQ = next.q ?? q;
    const nextKind = next.kind ?? kind ?? '';
    if (nextQ) search.set('q', nextQ);
    if (nextKind) search.set('kind', nextKind);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search);
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    go({ q: draftQ.trim(), kind: draftKind, page: 1 });
  };

  const data = result.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="agencies">
      <h1>{t('agencies.title')}</h1>
      <p className="lead">{t('agencies.lead')}</p>
      <form className="filters" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor="agency-q">{t('agencies.search')}</label>
          <input
            id="agency-q"
            type="search"
            value={draftQ}
            onChange={(event) => setDraftQ(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="agency-kind">{t('agencies.kind')}</label>
          <select
            id="agency-kind"
            value={draftKind}
            onChange={(event) => setDraftKind(event.target.value)}
          >
            <option value="">{t('agencies.allKinds')}</option>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`agencyKind.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('agencies.submit')}
        </button>
      </form>

      {result.error ? <Alert kind="error" error={result.error} /> : null}
      {result.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="muted">
            {data.total === 0
              ? t('agencies.empty')
              : t('agencies.total', { total: formatNumber(data.total, locale) })}
          </p>
          {data.items.length > 0 ? (
            <div className="table-wrap" role="region" aria-label={t('agencies.title')} tabIndex={0}>
              <table className="data-table">
                <caption className="visually-hidden">{t('agencies.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agencies.name')}</th>
                    <th scope="col">{t('agencies.code')}</th>
                    <th scope="col">{t('agencies.kind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((agency) => (
                    <tr key={agency.id}>
                      <th scope="row">
                        {locale === 'en' && agency.nameEn ? agency.nameEn : agency.name}
                        {agency.active ? null : (
                          <span className="muted"> ({t('agencies.inactive')})</span>
                        )}
                      </th>
                      <td>
                        <code>{agency.code}</code>
                      </td>
                      <td>{t(`agencyKind.${agency.kind}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {pages > 1 ? (
            <nav className="pagination" aria-label={t('agencies.pagination')}>
              <button
                type="button"
                className="button button-secondary"
                disabled={page <= 1}
                onClick={() => go({ page: page - 1 })}
              >
                {t('agencies.previous')}
              </button>
              <span>{t('agencies.page', { page, pages })}</span>
              <button
                type="button"
                className="button button-secondary"
                disabled={page >= pages}
                onClick={() => go({ page: page + 1 })}
              >
                {t('agencies.next')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
