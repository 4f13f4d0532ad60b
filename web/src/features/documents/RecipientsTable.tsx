/**
 * Where an issued document went and what became of it: each recipient's latest status as the
 * receiving agency reported it (01 arrived … 06 completed, recall 13/15/16), and the whole
 * sequence of its statuses, in the order they came, behind a disclosure.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { OutgoingView } from './documents-api';
import { exchangeStatusKey } from './labels';

type Event = OutgoingView['statusEvents'][number];

function StatusText({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <>
      <span className="documents-status-code">{code}</span> {t(exchangeStatusKey(code))}
    </>
  );
}

export function RecipientsTable({ document }: { document: OutgoingView }) {
  const { t, locale } = useI18n();
  const byOrgan = new Map<string, Event[]>();
  for (const event of document.statusEvents) {
    byOrgan.set(event.organId, [...(byOrgan.get(event.organId) ?? []), event]);
  }
  return (
    <section className="panel" aria-labelledby="documents-recipients-title">
      <h2 id="documents-recipients-title">{t('documents.field.recipients')}</h2>
      {document.recipients.length === 0 ? (
        <p className="muted">{t('documents.recipients.noneSent')}</p>
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('documents.recipients.caption')}
          tabIndex={0}
        >
          <table className="data-table">
            <caption className="visually-hidden">{t('documents.recipients.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('documents.recipients.organ')}</th>
                <th scope="col">{t('documents.recipients.latest')}</th>
                <th scope="col">{t('documents.recipients.history')}</th>
              </tr>
            </thead>
            <tbody>
              {document.recipients.map((recipient) => {
                const events = byOrgan.get(recipient.organId) ?? [];
                return (
                  <tr key={recipient.organId}>
                    <th scope="row">
                      {recipient.organName}
                      <br />
                      <span className="muted">{recipient.organId}</span>
                    </th>
                    <td>
                      {recipient.statusCode ? (
                        <>
                          <StatusText code={recipient.statusCode} />
                          {recipient.statusAt ? (
                            <>
                              <br />
                              <span className="muted">
                                {formatDateTime(recipient.statusAt, locale)}
                              </span>
                            </>
                          ) : null}
                          {recipient.statusNote ? (
                            <>
                              <br />
                              <span className="documents-note">{recipient.statusNote}</span>
                            </>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">
                          {document.status === 'issued' || document.status === 'recalled'
                            ? t('documents.recipients.waiting')
                            : t('documents.recipients.notSent')}
                        </span>
                      )}
                    </td>
                    <td>
                      {events.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <details className="documents-status-history">
                          <summary>
                            {t('documents.recipients.showHistory', {
                              name: recipient.organName,
                              count: events.length,
                            })}
                          </summary>
                          <ol>
                            {events.map((event, index) => (
                              <li key={`${String(event.occurredAt)}-${index}`}>
                                <StatusText code={event.statusCode} />
                                <span className="muted">
                                  {' · '}
                                  {formatDateTime(event.occurredAt, locale)}
                                </span>
                                {event.description ? (
                                  <span className="documents-note"> — {event.description}</span>
                                ) : null}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
