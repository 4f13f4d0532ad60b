/**
 * Official documents in the operations center: issued and received today, incoming documents
 * open and overdue with the agencies holding the most overdue ones, and the exchange's health
 * (packets waiting, failed, or delivered without the receiver's acknowledgement).
 */
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber, formatTime } from '../shared/i18n/format';
import type { MessageKey } from '../shared/i18n/translate';
import { Alert } from '../shared/ui/Alert';
import { Loading } from '../shared/ui/Loading';
import { useDocumentsOps, type DocumentsOps } from './useDocumentsOps';

const TILES: { key: string; label: MessageKey; value: (f: DocumentsOps) => number }[] = [
  { key: 'issued-today', label: 'opsDocuments.issuedToday', value: (f) => f.issuedToday },
  { key: 'received-today', label: 'opsDocuments.receivedToday', value: (f) => f.receivedToday },
  { key: 'open-incoming', label: 'opsDocuments.openIncoming', value: (f) => f.openIncoming },
  { key: 'overdue-incoming', label: 'opsDocuments.overdue', value: (f) => f.overdueIncoming },
  { key: 'exchange-queued', label: 'opsDocuments.queued', value: (f) => f.exchange.queued },
  { key: 'exchange-failed', label: 'opsDocuments.failed', value: (f) => f.exchange.failed },
  {
    key: 'exchange-unacknowledged',
    label: 'opsDocuments.unacknowledged',
    value: (f) => f.exchange.unacknowledged,
  },
];

export function DocumentsPanel() {
  const { t, locale } = useI18n();
  const { data, error, isPending, dataUpdatedAt } = useDocumentsOps();
  return (
    <section
      className="ops-panel ops-documents"
      aria-labelledby="ops-documents-title"
      style={{ gridColumn: '1 / -1' }}
    >
      <h2 id="ops-documents-title">{t('opsDocuments.title')}</h2>
      {error && !data ? (
        <Alert kind="error" error={error}>
          <p>{t('opsDocuments.loadFailed')}</p>
        </Alert>
      ) : null}
      {isPending ? <Loading label={t('opsDocuments.loading')} /> : null}
      {data ? (
        <>
          <p className="ops-status">
            {t('opsFeedback.refresh')} ·{' '}
            {t('ops.updatedAt', {
              time: formatTime(new Date(dataUpdatedAt).toISOString(), locale),
            })}
          </p>
          <ul className="counters">
            {TILES.map((tile) => (
              <li key={tile.key} className="counter" data-counter={tile.key}>
                <span className="counter-value">{formatNumber(tile.value(data), locale)}</span>
                <span className="counter-label">{t(tile.label)}</span>
              </li>
            ))}
          </ul>
          {data.overdueByAgency.length === 0 ? (
            <p>{t('opsDocuments.noOverdue')}</p>
          ) : (
            <table className="ops-communes">
              <caption>{t('opsDocuments.overdueTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opsDocuments.agency')}</th>
                  <th scope="col">{t('opsDocuments.overdue')}</th>
                </tr>
              </thead>
              <tbody>
                {data.overdueByAgency.map((agency) => (
                  <tr key={agency.agencyId}>
                    <th scope="row">{agency.name}</th>
                    <td>{formatNumber(agency.overdue, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.exchange.recentFailures.length > 0 ? (
            <table className="ops-communes">
              <caption>{t('opsDocuments.failuresTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opsDocuments.recipient')}</th>
                  <th scope="col">{t('opsDocuments.kind')}</th>
                  <th scope="col">{t('opsDocuments.error')}</th>
                  <th scope="col">{t('opsDocuments.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {data.exchange.recentFailures.map((failure, index) => (
                  <tr key={`${failure.toOrgan ?? ''}-${index}`}>
                    <th scope="row">{failure.toOrgan ?? '—'}</th>
                    <td>
                      {failure.kind === 'document'
                        ? t('opsDocuments.kindDocument')
                        : t('opsDocuments.kindStatus')}
                    </td>
                    <td>{failure.errorCode ?? '—'}</td>
                    <td>{formatNumber(failure.attempts, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
