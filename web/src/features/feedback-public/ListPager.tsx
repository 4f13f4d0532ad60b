/** Previous / next under the public list, with "page 2 of 7" as text; hidden for one page. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';

export function ListPager({
  page,
  total,
  pageSize,
  onPage,
}: {
  page: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}) {
  const { t, locale } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="feedback-public-pager" aria-label={t('list.pagination')}>
      <button
        type="button"
        className="button button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('list.previous')}
      </button>
      <span>
        {t('list.page', { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}
      </span>
      <button
        type="button"
        className="button button-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('list.next')}
      </button>
    </nav>
  );
}
