/**
 * `/phan-anh/bang-xep-hang`: how each agency answers citizen reports (GET
 * /api/feedback/scorecard): reports received, answered, the share answered on time, the mean
 * working time to answer, citizen satisfaction, and what is overdue now. The period and the
 * order live in the address.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { useScorecard } from './public-api';
import {
  DEFAULT_PERIOD,
  DEFAULT_SORT,
  PERIODS,
  PERIOD_KEY,
  formatDay,
  periodFrom,
  periodWindow,
  sortFrom,
  sortParam,
  type Period,
  type ScoreSort,
} from './scorecard-view';
import { PublicReportsNav } from './PublicReportsNav';
import { ScorecardTable } from './ScorecardTable';
import './feedback-public.css';

export function ScorecardPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedbackPublic.scorecard.title'));
  const [params, setParams] = useSearchParams();
  const period = periodFrom(params.get('days'));
  const sort = sortFrom(params.get('sort'));
  // Computed once per period: a new window each render would be a new query each render.
  const span = useMemo(() => periodWindow(period, Date.now()), [period]);
  const scorecard = useScorecard(span);

  const go = (nextPeriod: Period, nextSort: ScoreSort): void => {
    const search = new URLSearchParams();
    if (nextPeriod !== DEFAULT_PERIOD) search.set('days', String(nextPeriod));
    if (sortParam(nextSort) !== sortParam(DEFAULT_SORT)) search.set('sort', sortParam(nextSort));
    setParams(search, { replace: true });
  };
  const data = scorecard.data;

  return (
    <section className="feedback-public" aria-labelledby="feedback-public-score-title">
      <h1 id="feedback-public-score-title">{t('feedbackPublic.scorecard.title')}</h1>
      <p className="lead">{t('feedbackPublic.scorecard.lead')}</p>
      <PublicReportsNav />
      <form
        className="feedback-public-filters feedback-public-map-filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="fps-period">{t('feedbackPublic.scorecard.period')}</label>
          <select
            id="fps-period"
            value={period}
            onChange={(event) => go(periodFrom(event.target.value), sort)}
          >
            {PERIODS.map((days) => (
              <option key={days} value={days}>
                {t(PERIOD_KEY[days])}
              </option>
            ))}
          </select>
        </div>
      </form>
      {scorecard.isPending ? <Loading label={t('feedbackPublic.scorecard.loading')} /> : null}
      {scorecard.error ? (
        <Alert kind="error" error={scorecard.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void scorecard.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : null}
      {data ? (
        <div aria-busy={scorecard.isFetching}>
          {data.agencies.length === 0 ? (
            <p role="status">{t('feedbackPublic.scorecard.empty')}</p>
          ) : (
            <ScorecardTable
              scorecard={data}
              caption={t('feedbackPublic.scorecard.caption', {
                from: formatDay(data.from, locale),
                to: formatDay(data.to, locale),
              })}
              sort={sort}
              onSort={(next) => go(period, next)}
            />
          )}
          <p className="note">{t('feedbackPublic.scorecard.notes')}</p>
        </div>
      ) : null}
    </section>
  );
}
