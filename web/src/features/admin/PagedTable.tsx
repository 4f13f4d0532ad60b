/**
 * A server-paged list as every administration page shows it: the error or loading state,
 * the count announced to screen readers (or the empty message), the table, and the pager.
 */
import { useId, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { Pager } from './Pager';

export interface PageOf<T> {
  items: T[];
  total: number;
  pageSize: number;
}

export function PagedTable<T>({
  query,
  caption,
  emptyText,
  totalText,
  headers,
  renderRow,
  page,
  onPage,
}: {
  query: { data?: PageOf<T>; error: unknown; isPending: boolean };
  caption: string;
  emptyText: string;
  /** The count line, given the total already formatted for the reader's language. */
  totalText: (total: string) => string;
  /** The header cells (`<th scope="col">`) of the table. */
  headers: ReactNode;
  renderRow: (item: T) => ReactNode;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t, locale } = useI18n();
  const captionId = useId();
  const data = query.data;
  return (
    <>
      {query.error ? <Alert kind="error" error={query.error} /> : null}
      {query.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p role="status" className="muted">
            {data.total === 0 ? emptyText : totalText(formatNumber(data.total, locale))}
          </p>
          {data.items.length > 0 ? (
            <div
              className="table-wrap"
              role="region"
              aria-labelledby={captionId}
              // Long ids make the table scroll sideways; the keyboard must reach it too.
              tabIndex={0}
            >
              <table className="data-table">
                <caption id={captionId} className="visually-hidden">
                  {caption}
                </caption>
                <thead>
                  <tr>{headers}</tr>
                </thead>
                <tbody>{data.items.map(renderRow)}</tbody>
              </table>
            </div>
          ) : null}
          <Pager
            page={page}
            total={data.total}
            pageSize={data.pageSize}
            label={t('list.pagination')}
            onPage={onPage}
          />
        </>
      ) : null}
    </>
  );
}
