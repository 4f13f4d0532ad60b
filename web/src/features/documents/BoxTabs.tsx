/**
 * The boxes of a list (Tôi soạn, Chờ tôi ký… / Chờ vào sổ, Quá hạn…) as links that keep the
 * other filters, the current one marked for screen readers, each with the desk's count of
 * what waits there when the desk has one.
 */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { filterParams, type ListFilters } from './documents-api';

export interface Box {
  box: string;
  label: MessageKey;
  count?: number | undefined;
}

export function BoxTabs({
  base,
  boxes,
  filters,
  label,
}: {
  base: string;
  boxes: readonly Box[];
  filters: ListFilters;
  label: string;
}) {
  const { t, locale } = useI18n();
  return (
    <nav className="documents-boxes" aria-label={label}>
      <ul>
        {boxes.map((box) => {
          const search = filterParams({ ...filters, box: box.box }).toString();
          const current = filters.box === box.box;
          return (
            <li key={box.box}>
              <Link
                to={`${base}${search ? `?${search}` : ''}`}
                aria-current={current ? 'page' : undefined}
              >
                {t(box.label)}
                {box.count !== undefined && box.count > 0 ? (
                  <span className="documents-count"> ({formatNumber(box.count, locale)})</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
