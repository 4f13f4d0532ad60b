/**
 * The most reported categories of the last 30 days as an accessible figure: a sentence
 * naming the first, the bars drawn by ECharts (loaded on demand) and the same numbers as a
 * table for anyone who cannot or prefers not to read the chart.
 */
import { lazy, Suspense, useId, useMemo } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import type { FeedbackOps } from './useFeedbackOps';

const BarCanvas = lazy(() => import('../shared/chart/BarCanvas'));

export function TopCategoriesChart({ categories }: { categories: FeedbackOps['topCategories'] }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const title = t('opsFeedback.topCategories');
  const names = useMemo(
    () => categories.map((c) => (locale === 'en' ? c.nameEn : c.name)),
    [categories, locale],
  );
  const values = useMemo(() => categories.map((c) => c.reports), [categories]);
  const first = categories[0];
  const summary = first
    ? t('opsFeedback.topCategoriesSummary', {
        name: names[0] ?? first.code,
        count: formatNumber(first.reports, locale),
      })
    : t('opsFeedback.noReports');

  return (
    <figure className="chart chart-dark" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      {first ? (
        <>
          <div role="img" aria-label={`${title}. ${summary}`} className="chart-drawing">
            <Suspense fallback={<div className="chart-canvas" />}>
              <BarCanvas
                categories={names}
                values={values}
                seriesName={t('opsFeedback.reports')}
                theme="dark"
              />
            </Suspense>
          </div>
          <details className="chart-table">
            <summary>{t('chart.showTable')}</summary>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('opsFeedback.category')}</th>
                  <th scope="col">{t('opsFeedback.reports')}</th>
                </tr>
              </thead>
              <tbody>
                {categories.map((category, index) => (
                  <tr key={category.code}>
                    <th scope="row">{names[index]}</th>
                    <td>{formatNumber(category.reports, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </figure>
  );
}
