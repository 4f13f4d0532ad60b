/** The public history of a report, oldest first: what happened, by which agency, the answer. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import type { ReportView } from './feedback-api';
import { ReportPhoto } from './ReportPhoto';

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

export function ReportTimeline({
  history,
  secret = null,
  restricted = false,
}: {
  history: ReportView['history'];
  /** The reporter's secret kept on this device, for the photos only they may see. */
  secret?: string | null;
  /** The report is hidden from the public, so are the photos of its answers. */
  restricted?: boolean;
}) {
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
                {/* An action this version does not know yet still reads as words. */}
                <strong>{t(key ?? 'feedback.action.other')}</strong>
                {entry.agencyName ? ` — ${entry.agencyName}` : ''}
                <span className="note"> · {formatDateTime(entry.at, locale)}</span>
              </p>
              {entry.message ? <p className="feedback-description">{entry.message}</p> : null}
              {entry.media.length > 0 ? (
                <ul className="feedback-previews">
                  {entry.media.map((media, number) => (
                    <li key={media.id}>
                      <ReportPhoto
                        url={media.url}
                        alt={t('feedback.track.photoAlt', { number: number + 1 })}
                        secret={secret}
                        restricted={restricted || media.hidden === true}
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
