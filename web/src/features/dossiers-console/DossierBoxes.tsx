/**
 * The boxes of the work list (Việc của tôi, Chờ tiếp nhận, Quá hạn…) as tabs: links that keep
 * the other filters, the current one marked for screen readers (aria-current).
 */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { BOXES, filterParams, type DossierFilters } from './list-filters';
import { BOX_KEY } from './labels';
import { DOSSIER_LIST } from './paths';

export function DossierBoxes({ filters }: { filters: DossierFilters }) {
  const { t } = useI18n();
  return (
    <nav className="dossiers-boxes" aria-label={t('dossiersConsole.box.label')}>
      <ul>
        {BOXES.map((box) => {
          const search = filterParams({ ...filters, box }).toString();
          return (
            <li key={box}>
              <Link
                to={`${DOSSIER_LIST}${search ? `?${search}` : ''}`}
                aria-current={filters.box === box ? 'page' : undefined}
              >
                {t(BOX_KEY[box])}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
