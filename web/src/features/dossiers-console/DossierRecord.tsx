/**
 * What a dossier holds and what happened to it: the documents given (to download), the
 * printed papers that apply to it, its processing steps, the requests for documents, the
 * apologies, and its history line by line.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { papersOf } from './dossier-facts';
import { documentUrl, paperUrl, type DossierView } from './dossiers-api';
import { ORIGIN_KEY, PAPER_KEY, ROLE_KEY, STEP_STATUS_KEY, historyKey } from './labels';
import { StatusBadge } from './DossierBadges';

export function DocumentsPanel({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="dossier-documents-title">
      <h2 id="dossier-documents-title">{t('dossiersConsole.documents.title')}</h2>
      {dossier.documents.length === 0 ? (
        <p className="muted">{t('dossiersConsole.documents.none')}</p>
      ) : (
        <ul className="dossiers-list">
          {dossier.documents.map((document) => (
            <li key={document.id}>
              <strong lang="vi">{document.slotName}</strong>
              <br />
              <a href={documentUrl(dossier.code, document.id)} download={document.name}>
                <span className="visually-hidden">{t('dossiersConsole.documents.download')} </span>
                {document.name}
              </a>{' '}
              <span className="muted">
                (
                {t('dossiersConsole.documents.size', {
                  kb: formatNumber(Math.max(1, Math.ceil(document.size / 1024)), locale),
                })}
                ) · {t(ORIGIN_KEY[document.origin])} ·{' '}
                {t('dossiersConsole.documents.addedAt', {
                  time: formatDateTime(document.addedAt, locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PapersPanel({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n();
  const papers = papersOf(dossier);
  return (
    <section className="panel" aria-labelledby="dossier-papers-title">
      <h2 id="dossier-papers-title">{t('dossiersConsole.papers.title')}</h2>
      {papers.length === 0 ? (
        <p className="muted">{t('dossiersConsole.papers.none')}</p>
      ) : (
        <ul className="dossiers-list">
          {papers.map((paper) => (
            <li key={paper}>
              <a href={paperUrl(dossier.code, paper)} download>
                {t(PAPER_KEY[paper])}
              </a>{' '}
              <span className="muted">{t('dossiersConsole.papers.pdf')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StepsPanel({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="dossier-steps-title">
      <h2 id="dossier-steps-title">{t('dossiersConsole.steps.title')}</h2>
      {dossier.steps.length === 0 ? (
        <p className="muted">{t('dossiersConsole.steps.none')}</p>
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="dossier-steps-caption"
          tabIndex={0}
        >
          <table className="data-table">
            <caption id="dossier-steps-caption" className="visually-hidden">
              {t('dossiersConsole.steps.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dossiersConsole.steps.name')}</th>
                <th scope="col">{t('dossiersConsole.steps.agency')}</th>
                <th scope="col">{t('dossiersConsole.steps.state')}</th>
                <th scope="col">{t('dossiersConsole.steps.due')}</th>
                <th scope="col">{t('dossiersConsole.steps.finished')}</th>
                <th scope="col">{t('dossiersConsole.steps.by')}</th>
              </tr>
            </thead>
            <tbody>
              {dossier.steps.map((step, index) => (
                <tr
                  key={`${step.stepNo}-${String(step.startedAt)}-${index}`}
                  className={step.status === 'active' ? 'dossiers-row-active' : undefined}
                >
                  <th scope="row">
                    <span className="muted">
                      {t('dossiersConsole.steps.no')} {step.stepNo + 1}.
                    </span>{' '}
                    {step.name}
                  </th>
                  <td>
                    {step.agencyName}
                    <br />
                    <span className="muted">{t(ROLE_KEY[step.role])}</span>
                  </td>
                  <td>
                    <span className={`badge${step.status === 'active' ? ' badge-running' : ''}`}>
                      {t(STEP_STATUS_KEY[step.status])}
                    </span>
                  </td>
                  <td>{formatDateTime(step.dueAt, locale)}</td>
                  <td>{step.finishedAt ? formatDateTime(step.finishedAt, locale) : '—'}</td>
                  <td>{step.finishedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The procedure's names of documents, by their code (MaGiayTo), from the dossier's own list. */
function slotNames(dossier: DossierView, names: ReadonlyMap<string, string>) {
  const known = new Map(names);
  for (const document of dossier.documents) {
    if (!known.has(document.slot)) known.set(document.slot, document.slotName);
  }
  return known;
}

export function SupplementsPanel({
  dossier,
  documentNames,
}: {
  dossier: DossierView;
  documentNames: ReadonlyMap<string, string>;
}) {
  const { t, locale } = useI18n();
  const names = slotNames(dossier, documentNames);
  return (
    <section className="panel" aria-labelledby="dossier-supplements-title">
      <h2 id="dossier-supplements-title">{t('dossiersConsole.supplements.title')}</h2>
      {dossier.supplements.length === 0 ? (
        <p className="muted">{t('dossiersConsole.supplements.none')}</p>
      ) : (
        <ol className="dossiers-timeline">
          {dossier.supplements.map((request, index) => (
            <li key={`${String(request.requestedAt)}-${index}`}>
              <p className="dossiers-timeline-head">
                <strong>
                  {t('dossiersConsole.supplements.requestedAt', {
                    time: formatDateTime(request.requestedAt, locale),
                  })}
                </strong>
                {' · '}
                {request.suppliedAt ? (
                  t('dossiersConsole.supplements.suppliedAt', {
                    time: formatDateTime(request.suppliedAt, locale),
                  })
                ) : (
                  <span className="badge badge-running">
                    {t('dossiersConsole.supplements.waiting')}
                  </span>
                )}
              </p>
              <p className="dossiers-note">{request.note}</p>
              {request.slots.length > 0 ? (
                <>
                  <p className="muted">{t('dossiersConsole.supplements.documents')}</p>
                  <ul>
                    {request.slots.map((slot) => (
                      <li key={slot} lang="vi">
                        {names.get(slot) ?? slot}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ApologiesPanel({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="dossier-apologies-title">
      <h2 id="dossier-apologies-title">{t('dossiersConsole.apologies.title')}</h2>
      {dossier.apologies.length === 0 ? (
        <p className="muted">{t('dossiersConsole.apologies.none')}</p>
      ) : (
        <ol className="dossiers-timeline">
          {dossier.apologies.map((apology) => (
            <li key={apology.id}>
              <p className="dossiers-timeline-head">
                {t('dossiersConsole.apologies.line', {
                  issued: formatDateTime(apology.issuedAt, locale),
                  previous: formatDateTime(apology.previousDueAt, locale),
                  next: formatDateTime(apology.newDueAt, locale),
                })}
              </p>
              <p className="dossiers-note">{apology.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function HistoryPanel({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="dossier-history-title">
      <h2 id="dossier-history-title">{t('dossiersConsole.history.title')}</h2>
      {dossier.history.length === 0 ? (
        <p className="muted">{t('dossiersConsole.history.empty')}</p>
      ) : (
        <ol className="dossiers-timeline">
          {dossier.history.map((entry, index) => {
            const key = historyKey(entry.action);
            return (
              <li key={`${String(entry.at)}-${index}`}>
                <p className="dossiers-timeline-head">
                  <strong>{key ? t(key) : entry.action}</strong>
                  {entry.status ? (
                    <>
                      {' → '}
                      <StatusBadge status={entry.status} />
                    </>
                  ) : null}
                  <span className="note">
                    {' · '}
                    {entry.actorName ?? t('dossiersConsole.history.system')}
                    {entry.agencyName ? ` (${entry.agencyName})` : ''} ·{' '}
                    {formatDateTime(entry.at, locale)}
                  </span>
                </p>
                {entry.note ? <p className="dossiers-note">{entry.note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
