/**
 * The dossiers in the operations center, for people holding `dossiers.report`: the
 * service-quality index of Decision 766/QĐ-TTg for the chosen period (the score out of 100,
 * every group and indicator with its formula, the agencies ranked), then how the work goes —
 * the on-time rate by agency, the open dossiers late now, those due today — and the trend of
 * the last 12 months. The figures are those of the person's reach: the whole province for
 * the operations center and the provincial leaders.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n, type I18n } from '../shared/i18n/i18n';
import { formatNumber, formatTime } from '../shared/i18n/format';
import { Alert } from '../shared/ui/Alert';
import { Loading } from '../shared/ui/Loading';
import { AgencyRanking, LateOpenTable, OnTimeTable } from './DossiersAgencyTables';
import { DossiersTrendChart } from './DossiersTrendChart';
import { DueTodayTable } from './DueTodayTable';
import { IndexGroups } from './IndexGroups';
import { PeriodChooser } from './PeriodChooser';
import { findIndicator, formatPoints, formatRate, scopeLabel } from './dossiers-figures';
import {
  parsePeriodKey,
  periodFromSearch,
  periodKey,
  periodLabel,
  presetOf,
  presetPeriod,
  type ReportPeriod,
} from './dossiers-period';
import {
  useDossierIndex,
  useDossierOpsFigures,
  type DossierIndex,
  type DossierOpsFigures,
} from './useDossiersOps';
import './dossiers-ops.css';

const PERIOD_PARAM = 'period';

export function DossiersPanel() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useSearchParams();
  const now = new Date();
  // The choice is held here and mirrored in the address: the router applies an address change
  // as a transition, and a radio or a list bound to it alone would spring back until then.
  // "This month" is kept as such, so a wall screen left on it moves on with the calendar.
  const [chosen, setChosen] = useState<ReportPeriod | 'thisMonth' | null>(null);
  const period =
    chosen === 'thisMonth'
      ? presetPeriod('thisMonth', now)
      : (chosen ?? periodFromSearch(search.get(PERIOD_PARAM), now));
  const key = periodKey(period);
  const index = useDossierIndex(key);
  const figures = useDossierOpsFigures(key);

  const choose = (next: ReportPeriod) => {
    // This month is the default: the plain address shows it.
    const thisMonth = presetOf(next, new Date()) === 'thisMonth';
    setChosen(thisMonth ? 'thisMonth' : next);
    setSearch(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (thisMonth) params.delete(PERIOD_PARAM);
        else params.set(PERIOD_PARAM, periodKey(next));
        return params;
      },
      { replace: true },
    );
  };

  const shownKey = index.data?.period.key ?? figures.data?.period.key;
  const shownPeriod = shownKey ? parsePeriodKey(shownKey) : null;
  const switching = index.isPlaceholderData || figures.isPlaceholderData;

  return (
    <section
      className="ops-panel ops-dossiers"
      aria-labelledby="ops-dossiers-title"
      aria-busy={switching || undefined}
      style={{ gridColumn: '1 / -1' }}
    >
      <h2 id="ops-dossiers-title">{t('dossiersOps.title')}</h2>
      <PeriodChooser period={period} now={now} onChange={choose} />
      {switching ? (
        <Loading label={t('dossiersOps.switching', { period: periodLabel(period, locale, t) })} />
      ) : null}
      {index.data && shownPeriod ? (
        <p className="ops-status">
          {t('dossiersOps.showing', { period: periodLabel(shownPeriod, locale, t) })} ·{' '}
          {t('ops.updatedAt', { time: formatTime(index.data.computedAt, locale) })}
        </p>
      ) : null}

      <h3>{t('dossiersOps.indexTitle')}</h3>
      {index.error && !index.data ? (
        <Alert kind="error" error={index.error}>
          <p>{t('dossiersOps.indexFailed')}</p>
        </Alert>
      ) : null}
      {index.isPending ? <Loading label={t('dossiersOps.loading')} /> : null}
      {index.data ? (
        <>
          <DossiersCounters index={index.data} figures={figures.data} />
          <p className="dossiers-score-summary" data-testid="dossiers-score-summary">
            {scoreSummary(index.data, shownPeriod, locale, t)}
          </p>
          <IndexGroups groups={index.data.groups} />
          <h3>{t('dossiersOps.rankingHeading')}</h3>
          <AgencyRanking agencies={index.data.agencies} />
        </>
      ) : null}

      <h3>{t('dossiersOps.progressHeading')}</h3>
      {figures.error && !figures.data ? (
        <Alert kind="error" error={figures.error}>
          <p>{t('dossiersOps.figuresFailed')}</p>
        </Alert>
      ) : null}
      {figures.isPending ? <Loading label={t('dossiersOps.loading')} /> : null}
      {figures.data ? (
        <>
          <div className="dossiers-columns">
            <OnTimeTable onTime={figures.data.onTime} />
            <LateOpenTable lateOpen={figures.data.lateOpen} />
          </div>
          <DueTodayTable dueToday={figures.data.dueToday} />
          <DossiersTrendChart trend={figures.data.trend} />
        </>
      ) : null}
    </section>
  );
}

function scoreSummary(
  index: DossierIndex,
  period: ReportPeriod | null,
  locale: I18n['locale'],
  t: I18n['t'],
): string {
  const params = {
    scope: scopeLabel(index.scope, t),
    period: period ? periodLabel(period, locale, t) : index.period.key,
  };
  if (index.score === null) return t('dossiersOps.noScore', params);
  return t('dossiersOps.scoreSummary', {
    ...params,
    points: formatPoints(index.points, locale),
    measured: formatPoints(index.measuredMax, locale),
    max: formatPoints(index.max, locale),
    score: formatPoints(index.score, locale),
    agencies: formatNumber(index.scope.agencies, locale),
  });
}

function DossiersCounters({
  index,
  figures,
}: {
  index: DossierIndex;
  figures: DossierOpsFigures | undefined;
}) {
  const { t, locale } = useI18n();
  const onTime = findIndicator(index.groups, 'on_time');
  return (
    <ul className="counters dossiers-counters">
      <li className="counter" data-counter="dossiers-score">
        <span className="counter-value">
          {index.score === null ? '—' : formatPoints(index.score, locale)}
          <span className="dossiers-of-100"> / 100</span>
        </span>
        <span className="counter-label">{t('dossiersOps.score')}</span>
      </li>
      {onTime ? (
        <li className="counter" data-counter="dossiers-on-time">
          <span className="counter-value">
            {onTime.status === 'measured' ? formatRate(onTime.value, locale) : '—'}
          </span>
          <span className="counter-label">{t('dossiersOps.onTimeRate')}</span>
        </li>
      ) : null}
      {figures ? (
        <>
          <li className="counter" data-counter="dossiers-due-today">
            <span className="counter-value">{formatNumber(figures.dueToday.total, locale)}</span>
            <span className="counter-label">{t('dossiersOps.dueToday')}</span>
          </li>
          <li className="counter" data-counter="dossiers-late-open">
            <span className="counter-value">{formatNumber(figures.lateOpen.total, locale)}</span>
            <span className="counter-label">{t('dossiersOps.lateOpen')}</span>
          </li>
        </>
      ) : null}
    </ul>
  );
}
