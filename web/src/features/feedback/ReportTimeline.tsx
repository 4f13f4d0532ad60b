/** The public history of a report, oldest first: what happened, by which agency, the answer. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import type { ReportView } from './feedback-api';

const ACTION_KEY: Record<string, MessageKey> = {
  submitted: 'feedback.action.submitted',
  received: 'feedback.action.received',
  assigned: 'feedback.action.assigned',
  started: 'feedback.action.started',
  answered: 'feedback.action.answered',
  resolved: 'feedback.action.resolved',
  rejected: 'feedback.action.rejected',
  duplicate: 'feedback.action.duplicate',
  transferred: 'feedback.action.transferred',
  escalated: 'feedback.action.escalated',
  reopened: 'feedback.action.reopened',
  rated: 'feedback.action.rated',
};

export function ReportTimeline({ history }: { history: ReportView['history'] }) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="feedback-history-title">
      <h2 id="feedback-history-title">{t('feedback.track.history')}</h2>
      <ol className="feedback-timeline">
        {history.map((entry, index) => {
          const key = ACTION_KEY[entry.action];
          return (
            <li key={`${String(entry.at)}-${index}`}>
              <p className="feedback-timeline-head">
                <strong>{key ? t(key) : entry.action}</strong>
                {entry.agencyName ? ` — ${entry.agencyName}` : ''}
                <span className="note"> · {formatDateTime(entry.at, locale)}</span>
              </p>
              {entry.message ? <p className="feedback-description">{entry.message}</p> : null}
              {entry.media.length > 0 ? (
                <ul className="feedback-previews">
                  {entry.media.map((media, number) => (
                    <li key={media.id}>
                      <img
                        src={media.url}
                        alt={t('feedback.track.photoAlt', { number: number + 1 })}
                      />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
