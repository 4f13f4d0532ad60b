/** "Trực tuyến toàn trình" or "một phần": whether a procedure can be done online end to end. */
import { useI18n } from '../../shared/i18n/i18n';
import type { OnlineLevel } from './catalog-filters';
import { ONLINE_LEVEL_KEY } from './labels';

export function OnlineLevelBadge({ level }: { level: OnlineLevel }) {
  const { t } = useI18n();
  return (
    <span className={`procedure-badge procedure-badge-${level === 'TOAN_TRINH' ? 'full' : 'part'}`}>
      {t(ONLINE_LEVEL_KEY[level])}
    </span>
  );
}
