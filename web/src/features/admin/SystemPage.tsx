/**
 * Events and jobs: the event deliveries that failed for good (dead letters), each of which
 * can be sent back to its handler (POST /api/events/deliveries/:id/retry), and the
 * scheduler's periodic jobs with their last run and next run (GET /api/jobs).
 */
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PagedTable } from './PagedTable';

type DeadLetter =
  paths['/api/events/dead-letters']['get']['responses'][200]['content']['application/json']['items'][number];

const PAGE_SIZE = 20;

export function SystemPage() {
  const { t } = useI18n();
  usePageTitle(t('system.title'));
  return (
    <div className="admin-page">
      <h1>{t('system.title')}</h1>
      <p className="lead">{t('system.lead')}</p>
      <DeadLetters />
      <Jobs />
    </div>
  );
}

function DeadLetters() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [retried, setRetried] = useState<string | null>(null);
  const result = useQuery({
    queryKey: ['events', 'dead-letters', page],
    queryFn: () =>
      unwrap(
        api.GET('/api/events/dead-letters', { params: { query: { page, pageSize: PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="dead-title" className="admin-section">
      <h2 id="dead-title">{t('system.deadTitle')}</h2>
      <p>{t('system.deadText')}</p>
      <div aria-live="polite">
        {retried ? (
          <Alert kind="success">
            <p>{retried}</p>
          </Alert>
        ) : null}
      </div>
      <PagedTable
        query={result}
        caption={t('system.deadTitle')}
        emptyText={t('system.deadEmpty')}
        totalText={(total) => t('system.deadTotal', { total })}
        headers={
          <>
            <th scope="col">{t('system.event')}</th>
            <th scope="col">{t('system.handler')}</th>
            <th scope="col">{t('system.attempts')}</th>
            <th scope="col">{t('system.lastError')}</th>
            <th scope="col">{t('system.action')}</th>
          </>
        }
        page={page}
        onPage={setPage}
        renderRow={(letter) => (
          <DeadLetterRow key={letter.id} letter={letter} onRetried={(text) => setRetried(text)} />
        )}
      />
    </section>
  );
}

function DeadLetterRow({
  letter,
  onRetried,
}: {
  letter: DeadLetter;
  onRetried: (text: string) => void;
}) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const retry = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await unwrap(
        api.POST('/api/events/deliveries/{id}/retry', { params: { path: { id: letter.id } } }),
      );
      onRetried(
        t('system.retried', {
          event: letter.eventType,
          time: formatDateTime(reply.nextAttemptAt, locale),
        }),
      );
      await client.invalidateQueries({ queryKey: ['events', 'dead-letters'] });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row">
        <code>{letter.eventType}</code>
        <br />
        <span className="muted">{formatDateTime(letter.occurredAt, locale)}</span>
      </th>
      <td>
        <code>{letter.handler}</code>
      </td>
      <td>
        {formatNumber(letter.attempts, locale)}
        {letter.lastAttemptAt ? (
          <>
            <br />
            <span className="muted">{formatDateTime(letter.lastAttemptAt, locale)}</span>
          </>
        ) : null}
      </td>
      <td className="error-text">{letter.lastError ?? t('profile.none')}</td>
      <td>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          aria-label={t('system.retryNamed', { event: letter.eventType, handler: letter.handler })}
          onClick={() => void retry()}
        >
          {t('system.retry')}
        </button>
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
      </td>
    </tr>
  );
}

function Jobs() {
  const { t, locale } = useI18n();
  const result = useQuery({
    queryKey: ['jobs'],
    queryFn: () => unwrap(api.GET('/api/jobs')),
    refetchInterval: 30_000,
  });
  const data = result.data;
  const none = t('profile.none');

  return (
    <section aria-labelledby="jobs-title" className="admin-section">
      <h2 id="jobs-title">{t('system.jobsTitle')}</h2>
      {result.error ? <Alert kind="error" error={result.error} /> : null}
      {result.isPending ? <Loading /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p className="muted">{t('system.jobsEmpty')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label={t('system.jobsTitle')} tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{t('system.jobsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('system.job')}</th>
                  <th scope="col">{t('system.every')}</th>
                  <th scope="col">{t('system.state')}</th>
                  <th scope="col">{t('system.lastRun')}</th>
                  <th scope="col">{t('system.nextRun')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((job) => (
                  <tr key={job.name}>
                    <th scope="row">
                      <code>{job.name}</code>
                    </th>
                    <td>
                      {t('system.seconds', { seconds: formatNumber(job.everySeconds, locale) })}
                    </td>
                    <td>
                      {t(`system.jobState.${job.state}`)}
                      {job.lastStatus ? (
                        <>
                          <br />
                          <span className={`badge badge-${job.lastStatus}`}>
                            {t(`system.jobStatus.${job.lastStatus}`)}
                          </span>
                        </>
                      ) : null}
                      {job.lastError ? <p className="error-text">{job.lastError}</p> : null}
                    </td>
                    <td>
                      {job.lastFinishedAt
                        ? formatDateTime(job.lastFinishedAt, locale)
                        : job.lastStartedAt
                          ? formatDateTime(job.lastStartedAt, locale)
                          : none}
                    </td>
                    <td>{job.nextRunAt ? formatDateTime(job.nextRunAt, locale) : none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
