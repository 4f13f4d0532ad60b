/** A document's story in order: each step in words, who took it, when, and their note. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { HistoryEntry } from './documents-api';
import { historyKey } from './labels';

export function HistoryTimeline({ entries }: { entries: readonly HistoryEntry[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="documents-history-title">
      <h2 id="documents-history-title">{t('documents.history.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('documents.history.empty')}</p>
      ) : (
        <ol className="documents-timeline">
          {entries.map((entry, index) => (
            <li key={`${String(entry.at)}-${index}`}>
              <p className="documents-timeline-head">
                <strong>{t(historyKey(entry.action))}</strong>
                <span className="note">
                  {' · '}
                  {entry.actorName ?? t('documents.history.system')} ·{' '}
                  {formatDateTime(entry.at, locale)}
                </span>
              </p>
              {entry.note ? <p className="documents-note">{entry.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
