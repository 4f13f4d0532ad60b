/**
 * The index score and the on-time rate over the last 12 months as an accessible figure: a
 * sentence giving the latest month, the two lines drawn by ECharts (loaded on demand) and
 * the same figures as a table for anyone who cannot or prefers not to read the chart.
 */
import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { formatPoints, formatRate, latestMeasured, percentOf } from './dossiers-figures';
import { parsePeriodKey, periodLabel, shortMonthLabel } from './dossiers-period';
import type { TrendMonth } from './useDossiersOps';

const TrendCanvas = lazy(() => import('./TrendCanvas'));

export function DossiersTrendChart({ trend }: { trend: readonly TrendMonth[] }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const title = t('dossiersOps.trendTitle');
  const months = useMemo(
    () => trend.map((m) => shortMonthLabel(m.period, locale)),
    [trend, locale],
  );
  const score = useMemo(
    () => ({ name: t('dossiersOps.trendScore'), values: trend.map((m) => m.score) }),
    [trend, t],
  );
  const onTime = useMemo(
    () => ({
      name: t('dossiersOps.trendOnTime'),
      values: trend.map((m) => percentOf(m.onTimeRate)),
    }),
    [trend, t],
  );
  const format = useCallback((value: number) => formatPoints(value, locale), [locale]);

  const latest = latestMeasured(trend);
  const latestPeriod = latest ? parsePeriodKey(latest.period) : null;
  const summary =
    latest && latestPeriod
      ? t('dossiersOps.trendSummary', {
          month: periodLabel(latestPeriod, locale, t),
          score: latest.score === null ? '—' : formatPoints(latest.score, locale),
          rate: formatRate(latest.onTimeRate, locale),
        })
      : t('dossiersOps.trendEmpty');

  return (
    <figure className="chart chart-dark dossiers-trend" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="chart-title">{title}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      {latest ? (
        <>
          <div role="img" aria-label={`${title}. ${summary}`} className="chart-drawing">
            <Suspense fallback={<div className="chart-canvas" />}>
              <TrendCanvas months={months} score={score} onTime={onTime} format={format} />
            </Suspense>
          </div>
          <details className="chart-table">
            <summary>{t('chart.showTable')}</summary>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dossiersOps.month')}</th>
                  <th scope="col">{t('dossiersOps.trendScore')}</th>
                  <th scope="col">{t('dossiersOps.onTimeRate')}</th>
                </tr>
              </thead>
              <tbody>
                {trend.map((month, index) => (
                  <tr key={month.period}>
                    <th scope="row">{months[index]}</th>
                    <td>{month.score === null ? '—' : formatPoints(month.score, locale)}</td>
                    <td>{formatRate(month.onTimeRate, locale)}</td>
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
