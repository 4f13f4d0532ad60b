/**
 * The marks on a document, in words (never colour alone): its status, its urgency when it is
 * more than ordinary, its secrecy when it has one, and an overdue handling deadline.
 */
import { useI18n } from '../../shared/i18n/i18n';
import type { IncomingStatus, OutgoingStatus, Secrecy, Urgency } from './documents-api';
import { INCOMING_STATUS_KEY, OUTGOING_STATUS_KEY, SECRECY_KEY, URGENCY_KEY } from './labels';

const OUTGOING_TONE: Partial<Record<OutgoingStatus, string>> = {
  issued: 'badge-ok',
  recalled: 'badge-failed',
  in_review: 'badge-running',
  approved: 'badge-running',
  signed: 'badge-running',
};

const INCOMING_TONE: Partial<Record<IncomingStatus, string>> = {
  done: 'badge-ok',
  recalled: 'badge-failed',
  received: 'badge-running',
  assigned: 'badge-running',
  processing: 'badge-running',
};

export function OutgoingStatusBadge({ status }: { status: OutgoingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${OUTGOING_TONE[status] ?? ''}`}>{t(OUTGOING_STATUS_KEY[status])}</span>
  );
}

export function IncomingStatusBadge({ status }: { status: IncomingStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${INCOMING_TONE[status] ?? ''}`}>{t(INCOMING_STATUS_KEY[status])}</span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  if (urgency === 'normal') return null;
  return <span className="badge badge-failed">{t(URGENCY_KEY[urgency])}</span>;
}

export function SecrecyBadge({ secrecy }: { secrecy: Secrecy }) {
  const { t } = useI18n();
  if (secrecy === 'normal') return null;
  return <span className="badge badge-failed">{t(SECRECY_KEY[secrecy])}</span>;
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useI18n();
  if (!overdue) return null;
  return (
    <span className="badge badge-failed documents-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('documents.overdue')}
    </span>
  );
}
