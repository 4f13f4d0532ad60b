/** A report's status in words (never colour alone), and the overdue mark. */
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import type { ReportStatus } from './feedback-api';

export const STATUS_KEY: Record<ReportStatus, MessageKey> = {
  new: 'feedback.status.new',
  received: 'feedback.status.received',
  in_progress: 'feedback.status.in_progress',
  resolved: 'feedback.status.resolved',
  rejected: 'feedback.status.rejected',
  duplicate: 'feedback.status.duplicate',
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <span className={`feedback-status feedback-status-${status}`}>{t(STATUS_KEY[status])}</span>
  );
}

export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="feedback-status feedback-overdue">
      <span aria-hidden="true">⚠ </span>
      {t('feedback.track.overdue')}
    </span>
  );
}
