/** A dossier's status in words (never colour alone). */
import { useI18n } from '../../shared/i18n/i18n';
import type { DossierStatus } from './dossiers-portal-api';
import { STATUS_KEY } from './labels';

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useI18n();
  return <span className={`dossier-status dossier-status-${status}`}>{t(STATUS_KEY[status])}</span>;
}
