/**
 * One report as staff see it (GET /api/feedback/inbox/:code): the facts, the place, the full
 * history in words with public and internal entries told apart, the reporter's contact on
 * request, the actions its status allows, and the moderation of what the public sees (the
 * report, its text, each photo, hidden ones marked).
 */
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { StatusBadge } from '../feedback/StatusBadge';
import { fetchStaffReport, staffReportKey, type StaffReport } from './inbox-api';
import { DeadlineBadges } from './DeadlineBadges';
import '../feedback/feedback.css';
import './feedback-inbox.css';
import { ActionPanel } from './ActionPanel';
import { ModerationPanel } from './ModerationPanel';
import { ReporterContactPanel } from './ReporterContactPanel';
import { historyActionKey, historyActorKey } from './history-labels';

function Facts({ report }: { report: StaffReport }) {
  const { t, locale } = useI18n();
  const none = t('profile.none');
  return (
    <dl className="inbox-facts">
      <dt>{t('feedbackInbox.status')}</dt>
      <dd>
        <StatusBadge status={report.status} />{' '}
        <DeadlineBadges
          overdue={report.overdue}
          dueSoon={report.dueSoon}
          escalated={report.escalationLevel > 0}
        />
        {report.hidden ? <span className="badge">{t('feedbackInbox.hiddenBadge')}</span> : null}
        {report.publicDescription !== null ? (
          <span className="badge">{t('inboxExtra.moderation.redactedBadge')}</span>
        ) : null}
      </dd>
      <dt>{t('feedbackInbox.category')}</dt>
      <dd>{locale === 'en' ? report.category.nameEn : report.category.name}</dd>
      <dt>{t('feedbackInbox.agency')}</dt>
      <dd>
        {report.agency.name}
        {report.escalatedAgency
          ? ` · ${t('feedbackInbox.escalatedTo', { name: report.escalatedAgency.name })}`
          : ''}
      </dd>
      <dt>{t('feedbackInbox.place')}</dt>
      <dd>
        {report.commune.name}
        {report.address ? ` — ${report.address}` : ''}
      </dd>
      <dt>{t('feedbackInbox.coordinates')}</dt>
      <dd>
        <a
          href={`https://www.openstreetmap.org/?mlat=${report.lat}&mlon=${report.lon}#map=18/${report.lat}/${report.lon}`}
          rel="noreferrer"
          target="_blank"
        >
          {report.lat.toFixed(5)}, {report.lon.toFixed(5)}
          <span className="visually-hidden"> {t('feedbackInbox.opensNewTab')}</span>
        </a>
      </dd>
      <dt>{t('feedbackInbox.submittedAt')}</dt>
      <dd>{formatDateTime(report.submittedAt, locale)}</dd>
      <dt>{t('feedbackInbox.deadlineAt')}</dt>
      <dd>{formatDateTime(report.deadlineAt, locale)}</dd>
      <dt>{t('feedbackInbox.source')}</dt>
      <dd>
        {report.source}
        {report.anonymous ? ` · ${t('feedbackInbox.anonymous')}` : ''}
      </dd>
      <dt>{t('feedbackInbox.duplicateOf')}</dt>
      <dd>{report.duplicateOf ?? none}</dd>
      <dt>{t('feedbackInbox.rating')}</dt>
      <dd>
        {report.rating
          ? report.rating === 'satisfied'
            ? t('feedback.rate.satisfied')
            : t('feedback.rate.notSatisfied')
          : none}
        {report.ratingComment ? ` — ${report.ratingComment}` : ''}
      </dd>
      <dt>{t('feedbackInbox.reopenCount')}</dt>
      <dd>{report.reopenCount}</dd>
    </dl>
  );
}

function History({ report }: { report: StaffReport }) {
  const { t, locale } = useI18n();
  return (
    <section className="panel" aria-labelledby="inbox-history-title">
      <h2 id="inbox-history-title">{t('feedbackInbox.history')}</h2>
      <ol className="feedback-timeline">
        {report.fullHistory.map((entry, index) => (
          <li key={`${String(entry.at)}-${index}`} className={`inbox-entry-${entry.visibility}`}>
            <p className="feedback-timeline-head">
              <span className={`badge ${entry.visibility === 'internal' ? 'badge-running' : ''}`}>
                {entry.visibility === 'internal'
                  ? t('feedbackInbox.internal')
                  : t('feedbackInbox.public')}
              </span>{' '}
              <strong>{t(historyActionKey(entry.action))}</strong>
              {entry.toStatus && entry.toStatus !== entry.fromStatus ? (
                <>
                  {' → '}
                  <StatusBadge status={entry.toStatus} />
                </>
              ) : null}
              <span className="note">
                {' · '}
                {entry.actorName ?? t(historyActorKey(entry.actorType))}
                {entry.agencyName ? ` (${entry.agencyName})` : ''} ·{' '}
                {formatDateTime(entry.at, locale)}
              </span>
            </p>
            {entry.message ? <p className="feedback-description">{entry.message}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function InboxReportPage() {
  const { code = '' } = useParams();
  const { t } = useI18n();
  usePageTitle(t('feedbackInbox.reportTitle', { code }));
  const report = useQuery({
    queryKey: staffReportKey(code),
    queryFn: () => fetchStaffReport(code),
  });

  return (
    <div className="admin-page">
      <p>
        <Link to="/console/phan-anh">{t('feedbackInbox.back')}</Link>
      </p>
      <h1>{t('feedbackInbox.reportTitle', { code })}</h1>
      {report.error ? <Alert kind="error" error={report.error} /> : null}
      {report.isPending ? <Loading /> : null}
      {report.data ? (
        <div className="inbox-detail">
          <section className="panel" aria-labelledby="inbox-facts-title">
            <h2 id="inbox-facts-title">{t('feedbackInbox.facts')}</h2>
            <p className="feedback-description">{report.data.originalDescription}</p>
            {report.data.publicDescription !== null ? (
              <p className="muted">
                {t('feedbackInbox.publicDescription')}: {report.data.publicDescription}
              </p>
            ) : null}
            <Facts report={report.data} />
          </section>
          <ActionPanel report={report.data} />
          <ModerationPanel report={report.data} />
          <ReporterContactPanel code={report.data.trackingCode} />
          <History report={report.data} />
        </div>
      ) : null}
    </div>
  );
}
