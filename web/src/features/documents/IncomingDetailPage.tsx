/**
 * One incoming document (GET /api/documents/incoming/:id): where it came from and its
 * particulars, its arrival number, who handles it and by when (overdue said in words), what
 * the person may do with it now, its files and its history.
 */
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { formatDay } from './format-day';
import { fetchIncoming, incomingKey, useDesk, type IncomingView } from './documents-api';
import { DocumentsNav, INCOMING_LIST, outgoingPath } from './DocumentsNav';
import { IncomingStatusBadge, OverdueBadge, SecrecyBadge, UrgencyBadge } from './DocumentBadges';
import { IncomingActions } from './IncomingActions';
import { FileList } from './FileList';
import { HistoryTimeline } from './HistoryTimeline';
import { SECRECY_KEY, URGENCY_KEY } from './labels';
import { useNotice } from './useNotice';
import './documents.css';

const ROLE_KEY: Record<IncomingView['assignments'][number]['role'], MessageKey> = {
  lead: 'documents.assign.roleLead',
  support: 'documents.assign.roleSupport',
  informed: 'documents.assign.roleInformed',
};

function Facts({ document }: { document: IncomingView }) {
  const { t, locale } = useI18n();
  const none = t('documents.none');
  return (
    <dl className="documents-facts">
      <dt>{t('documents.field.status')}</dt>
      <dd>
        <IncomingStatusBadge status={document.status} /> <UrgencyBadge urgency={document.urgency} />{' '}
        <SecrecyBadge secrecy={document.secrecy} /> <OverdueBadge overdue={document.overdue} />
      </dd>
      <dt>{t('documents.field.arrivalNumber')}</dt>
      <dd className="documents-arrival">{document.number ?? t('documents.notRegistered')}</dd>
      <dt>{t('documents.field.sender')}</dt>
      <dd>
        {document.senderName}
        {document.senderOrganId ? <span className="muted"> ({document.senderOrganId})</span> : null}
      </dd>
      <dt>{t('documents.field.notation')}</dt>
      <dd>{document.notation}</dd>
      <dt>{t('documents.field.kind')}</dt>
      <dd>{document.typeName}</dd>
      <dt>{t('documents.field.promulgatedOn')}</dt>
      <dd>{formatDay(document.promulgatedOn, locale)}</dd>
      <dt>{t('documents.field.signer')}</dt>
      <dd>{document.signerName ?? none}</dd>
      <dt>{t('documents.field.receivedAt')}</dt>
      <dd>
        {formatDateTime(document.receivedAt, locale)} ·{' '}
        {document.source === 'paper' ? t('documents.source.paper') : t('documents.source.exchange')}
      </dd>
      <dt>{t('documents.field.registeredAt')}</dt>
      <dd>{document.registeredAt ? formatDateTime(document.registeredAt, locale) : none}</dd>
      <dt>{t('documents.field.urgency')}</dt>
      <dd>{t(URGENCY_KEY[document.urgency])}</dd>
      <dt>{t('documents.field.secrecy')}</dt>
      <dd>{t(SECRECY_KEY[document.secrecy])}</dd>
      <dt>{t('documents.field.replyDueOn')}</dt>
      <dd>{document.replyDueOn ? formatDay(document.replyDueOn, locale) : none}</dd>
      <dt>{t('documents.assign.unit')}</dt>
      <dd>{document.handlingUnit ?? none}</dd>
      <dt>{t('documents.field.handlers')}</dt>
      <dd>
        {document.assignments.length === 0 ? (
          none
        ) : (
          <ul className="documents-plain">
            {document.assignments.map((assignment) => (
              <li key={assignment.userId}>
                {assignment.fullName}{' '}
                <span className="muted">({t(ROLE_KEY[assignment.role])})</span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('documents.field.deadline')}</dt>
      <dd>
        {document.handlingDeadline ? formatDay(document.handlingDeadline, locale) : none}{' '}
        <OverdueBadge overdue={document.overdue} />
      </dd>
      <dt>{t('documents.field.completedAt')}</dt>
      <dd>
        {document.completedAt ? formatDateTime(document.completedAt, locale) : none}
        {document.completionNote ? ` — ${document.completionNote}` : ''}
      </dd>
      <dt>{t('documents.field.reply')}</dt>
      <dd>
        {document.replyOutgoingId ? (
          <Link to={outgoingPath(document.replyOutgoingId)}>{t('documents.field.openReply')}</Link>
        ) : (
          none
        )}
      </dd>
    </dl>
  );
}

export function IncomingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const desk = useDesk();
  const document = useQuery({ queryKey: incomingKey(id), queryFn: () => fetchIncoming(id) });
  usePageTitle(document.data ? document.data.subject : t('documents.incoming.detailTitle'));
  const registered = (useLocation().state as { notice?: string } | null)?.notice === 'registered';
  const { notice, ref, announce } = useNotice(registered ? 'documents.done.register' : null);

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <p>
        <Link to={INCOMING_LIST}>{t('documents.incoming.back')}</Link>
      </p>
      <p className="documents-eyebrow">{t('documents.incoming.detailTitle')}</p>
      <h1>{document.data?.subject ?? t('documents.incoming.detailTitle')}</h1>
      <div ref={ref} tabIndex={-1} className="documents-summary">
        {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      </div>
      {document.error ? <Alert kind="error" error={document.error} /> : null}
      {document.isPending ? <Loading /> : null}
      {document.data ? (
        <div className="documents-detail">
          <section className="panel" aria-labelledby="documents-facts-title">
            <h2 id="documents-facts-title">{t('documents.facts')}</h2>
            <Facts document={document.data} />
          </section>
          <IncomingActions document={document.data} desk={desk.data} onDone={announce} />
          <FileList files={document.data.files} />
          <HistoryTimeline entries={document.data.history} />
        </div>
      ) : null}
    </div>
  );
}
