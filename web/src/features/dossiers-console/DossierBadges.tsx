/** A dossier's status and lateness in words (never colour alone). */
import { useI18n } from '../../shared/i18n/i18n';
import type { DossierStatus } from './dossiers-api';
import { STATUS_KEY } from './labels';

const FINISHED_WELL: readonly DossierStatus[] = ['resolved', 'returned'];
const STOPPED: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped'];

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useI18n();
  const tone = FINISHED_WELL.includes(status)
    ? 'badge-ok'
    : STOPPED.includes(status)
      ? 'badge-disabled'
      : 'badge-running';
  return <span className={`badge ${tone}`}>{t(STATUS_KEY[status])}</span>;
}

export function LateBadge({ late }: { late: boolean }) {
  const { t } = useI18n();
  return late ? <span className="badge badge-failed">{t('dossiersConsole.late')}</span> : null;
}
