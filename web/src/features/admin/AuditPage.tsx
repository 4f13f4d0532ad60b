/**
 * The audit log (GET /api/audit/events), newest first, filtered and paged by the server;
 * and a check that re-walks the hash chain and its signed checkpoints (GET
 * /api/audit/verify), so an administrator can show that no entry was altered or removed.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { Alert } from '../../shared/ui/Alert';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from './PagedTable';
import { formProblems } from './form-problems';
import { provinceDayBound } from './format-date';

type Verification =
  paths['/api/audit/verify']['get']['responses'][200]['content']['application/json'];

const PAGE_SIZE = 25;
const FILTERS = ['action', 'recordType', 'recordId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function AuditPage() {
  const { t } = useI18n();
  usePageTitle(t('audit.title'));
  return (
    <div className="admin-page">
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.lead')}</p>
      <VerifyPanel />
      <EventList />
    </div>
  );
}

function VerifyPanel() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Verification | null>(null);

  const verify = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setOutcome(null);
    try {
      setOutcome(await unwrap(api.GET('/api/audit/verify')));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyText')}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void verify()}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <div aria-live="polite">
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
        {outcome ? (
          <div className={`alert ${outcome.ok ? 'alert-success' : 'alert-error'}`}>
            <p>
              <strong>{outcome.ok ? t('audit.chainOk') : t('audit.chainBroken')}</strong>
            </p>
            <p>
              {t('audit.checked', {
                rows: formatNumber(outcome.checkedRows, locale),
                checkpoints: formatNumber(outcome.checkpointsVerified, locale),
              })}
            </p>
            {outcome.problem ? (
              <p>
                {t(`audit.problem.${outcome.problem}`)}
                {outcome.firstBadEventId !== undefined
                  ? ` ${t('audit.firstBad', { id: outcome.firstBadEventId })}`
                  : ''}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function EventList() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, params.get(name) ?? '']),
  ) as Filters;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState<Filters>(filters);

  const result = useQuery({
    queryKey: ['audit', 'events', filters, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit/events', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              ...(filters.action ? { action: filters.action } : {}),
              ...(filters.recordType ? { recordType: filters.recordType } : {}),
              ...(filters.recordId ? { recordId: filters.recordId } : {}),
              ...(DATE.test(filters.from) ? { from: provinceDayBound(filters.from, 'start') } : {}),
              ...(DATE.test(filters.to) ? { to: provinceDayBound(filters.to, 'end') } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const problems = formProblems(result.error, i18n, { AUDIT_PERIOD_INVALID: 'from' });

  const go = (next: Filters, nextPage: number): void => {
    const search = new URLSearchParams();
    for (const name of FILTERS) if (next[name].trim()) search.set(name, next[name].trim());
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    go(draft, 1);
  };

  return (
    <section aria-labelledby="events-title">
      <h2 id="events-title">{t('audit.eventsTitle')}</h2>
      <form className="filters filters-wide" role="search" onSubmit={submit}>
        {FILTERS.map((name) => {
          const id = `audit-${name}`;
          const problem = problems[name];
          return (
            <div key={name} className={`field${problem ? ' field-invalid' : ''}`}>
              <label htmlFor={id}>{t(`audit.filter.${name}`)}</label>
              <input
                id={id}
                type={name === 'from' || name === 'to' ? 'date' : 'text'}
                value={draft[name]}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error` : undefined}
                onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
              />
              {problem ? (
                <p id={`${id}-error`} className="field-error">
                  {problem}
                </p>
              ) : null}
            </div>
          );
        })}
        <button type="submit" className="button">
          {t('list.submit')}
        </button>
      </form>

      <PagedTable
        query={result}
        caption={t('audit.eventsTitle')}
        emptyText={t('audit.empty')}
        totalText={(total) => t('audit.total', { total })}
        headers={
          <>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.filter.action')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.record')}</th>
            <th scope="col">{t('audit.seal')}</th>
          </>
        }
        page={page}
        onPage={(next) => go(filters, next)}
        renderRow={(event) => (
          <tr key={event.id}>
            <td>{formatDateTime(event.occurredAt, locale)}</td>
            <th scope="row">
              <code>{event.action}</code>
            </th>
            <td>
              {t(`audit.actorType.${event.actorType}`)}
              {event.actorId ? (
                <>
                  <br />
                  <code className="muted small">{event.actorId}</code>
                </>
              ) : null}
              {event.ip ? <span className="muted"> · {event.ip}</span> : null}
            </td>
            <td>
              {event.recordType ? <code>{event.recordType}</code> : t('profile.none')}
              {event.recordId ? (
                <>
                  <br />
                  <code className="muted small">{event.recordId}</code>
                </>
              ) : null}
            </td>
            <td>
              {event.sealSeq !== null
                ? t('audit.sealed', { seq: event.sealSeq })
                : t('audit.unsealed')}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
