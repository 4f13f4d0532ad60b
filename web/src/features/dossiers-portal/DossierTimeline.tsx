/**
 * A dossier's history, oldest first: what happened, when, at which agency, and the note the
 * agency wrote (the reason of a request for documents, a refusal, an apology). The public
 * tracking page shows the same lines: they name agencies, never people.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { TimelineEntry } from './dossiers-portal-api';
import { actionKey } from './labels';

export function DossierTimeline({
  entries,
  titleId,
  headingLevel = 2,
}: {
  entries: readonly TimelineEntry[];
  titleId: string;
  headingLevel?: 2 | 3;
}) {
  const { t, locale } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="dossier-section" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('dossiersPortal.detail.timeline')}</Heading>
      {entries.length === 0 ? (
        <p className="note">{t('dossiersPortal.detail.noTimeline')}</p>
      ) : (
        <ol className="dossier-timeline">
          {entries.map((entry, index) => (
            <li key={`${String(entry.at)}-${index}`}>
              <p className="dossier-timeline-head">
                <strong>{t(actionKey(entry.action))}</strong>
                {entry.agency ? (
                  <>
                    {' — '}
                    <span lang="vi">{entry.agency}</span>
                  </>
                ) : null}
              </p>
              <p className="note">
                <time dateTime={String(entry.at)}>{formatDateTime(entry.at, locale)}</time>
              </p>
              {entry.note ? (
                <p className="dossier-note" lang="vi">
                  {entry.note}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
