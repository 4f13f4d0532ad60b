/** The marks that ask for attention, in words (never colour alone): overdue, due soon, escalated. */
import { useI18n } from '../../shared/i18n/i18n';

export function DeadlineBadges({
  overdue,
  dueSoon,
  escalated,
}: {
  overdue: boolean;
  dueSoon: boolean;
  escalated: boolean;
}) {
  const { t } = useI18n();
  if (!overdue && !dueSoon && !escalated) return null;
  return (
    <span className="inbox-badges">
      {overdue ? (
        <span className="badge badge-failed">{t('feedbackInbox.overdue')}</span>
      ) : dueSoon ? (
        <span className="badge badge-running">{t('feedbackInbox.dueSoon')}</span>
      ) : null}
      {escalated ? (
        <span className="badge badge-running">{t('feedbackInbox.escalated')}</span>
      ) : null}
    </span>
  );
}
