/**
 * Counts per hour of the day as an accessible figure: a sentence summing it up (the
 * figure's name for screen readers), the bar chart drawn by ECharts (loaded on demand), and
 * the same numbers as a table for anyone who cannot or prefers not to read the chart.
 */
import { lazy, Suspense, useId, useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatHour, formatNumber } from '../i18n/format';

const BarCanvas = lazy(() => import('./BarCanvas'));

export interface HourlyChartProps {
  title: string;
  values: readonly number[];
  theme?: 'light' | 'dark';
}

export function HourlyChart({ title, values, theme = 'light' }: HourlyChartProps) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const categories = useMemo(() => values.map((_, hour) => formatHour(hour)), [values]);
  const data = useMemo(() => [...values], [values]);

  const total = values.reduce((sum, n) => sum + n, 0);
  const max = Math.max(0, ...values);
  const peakHour = values.indexOf(max);
  const summary =
    total === 0
      ? t('ops.chartEmpty')
      : t('ops.chartSummary', {
          total: formatNumber(total, locale),
          max: formatNumber(max, locale),
          hour: formatHour(peakHour),
        });

  return (
    <figure className={`chart chart-${theme}`} aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div role="img" aria-label={`${title}. ${summary}`} className="chart-drawing">
        <Suspense fallback={<div className="chart-canvas" />}>
          <BarCanvas
            categories={categories}
            values={data}
            seriesName={t('chart.count')}
            theme={theme}
          />
        </Suspense>
      </div>
      <details className="chart-table">
        <summary>{t('chart.showTable')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart.hour')}</th>
              <th scope="col">{t('chart.count')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value, hour) => (
              <tr key={hour}>
                <th scope="row">{formatHour(hour)}</th>
                <td>{formatNumber(value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
