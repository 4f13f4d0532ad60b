/**
 * The agency scorecard as a table: one row per agency, the province's totals in the foot.
 * Each column header is a button that sorts by it (aria-sort says how); a figure that has
 * nothing to measure reads "no data" rather than a bare dash.
 */
import { useId } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import type { AgencyScore, Scorecard } from './public-api';
import {
  COLUMNS,
  formatHours,
  formatRate,
  sortScores,
  type Column,
  type ScoreSort,
} from './scorecard-view';

const HEADER_KEY: Record<Column, MessageKey> = {
  agency: 'feedbackPublic.scorecard.agency',
  received: 'feedbackPublic.scorecard.received',
  answered: 'feedbackPublic.scorecard.answered',
  onTimeRate: 'feedbackPublic.scorecard.onTime',
  averageAnswerWorkingHours: 'feedbackPublic.scorecard.averageHours',
  satisfactionRate: 'feedbackPublic.scorecard.satisfaction',
  overdueNow: 'feedbackPublic.scorecard.overdueNow',
};

type Figures = Omit<AgencyScore, 'agency'>;

function NoData() {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('feedbackPublic.scorecard.noData')}</span>
    </>
  );
}

function FigureCells({ score }: { score: Figures }) {
  const { t, locale } = useI18n();
  return (
    <>
      <td>{formatNumber(score.received, locale)}</td>
      <td>{formatNumber(score.answered, locale)}</td>
      <td>
        {score.onTimeRate === null ? (
          <NoData />
        ) : (
          <>
            {formatRate(score.onTimeRate, locale)}
            <span className="feedback-public-subfigure">
              {t('feedbackPublic.scorecard.onTimeCount', {
                count: formatNumber(score.answeredOnTime, locale),
              })}
            </span>
          </>
        )}
      </td>
      <td>
        {score.averageAnswerWorkingHours === null ? (
          <NoData />
        ) : (
          formatHours(score.averageAnswerWorkingHours, locale)
        )}
      </td>
      <td>
        {score.satisfactionRate === null ? (
          <NoData />
        ) : (
          <>
            {formatRate(score.satisfactionRate, locale)}
            <span className="feedback-public-subfigure">
              {t('feedbackPublic.scorecard.ratedCount', {
                count: formatNumber(score.rated, locale),
              })}
            </span>
          </>
        )}
      </td>
      <td>{formatNumber(score.overdueNow, locale)}</td>
    </>
  );
}

function SortButton({
  column,
  sort,
  onSort,
}: {
  column: Column;
  sort: ScoreSort;
  onSort: (sort: ScoreSort) => void;
}) {
  const { t } = useI18n();
  const active = sort.column === column;
  // Names sort A→Z first; figures largest first.
  const firstDescending = column !== 'agency';
  const descending = active ? !sort.descending : firstDescending;
  return (
    <button
      type="button"
      className="feedback-public-sort"
      onClick={() => onSort({ column, descending })}
    >
      {t(HEADER_KEY[column])}
      {active ? <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span> : null}
      <span className="visually-hidden">
        {' '}
        {descending
          ? t('feedbackPublic.scorecard.sortDescending')
          : t('feedbackPublic.scorecard.sortAscending')}
      </span>
    </button>
  );
}

export function ScorecardTable({
  scorecard,
  caption,
  sort,
  onSort,
}: {
  scorecard: Scorecard;
  caption: string;
  sort: ScoreSort;
  onSort: (sort: ScoreSort) => void;
}) {
  const { t, locale } = useI18n();
  const captionId = useId();
  const rows = sortScores(scorecard.agencies, sort, locale);
  return (
    <div
      className="feedback-public-table-wrap"
      role="region"
      aria-labelledby={captionId}
      // Scrolls sideways on a phone; the keyboard must be able to scroll it too.
      tabIndex={0}
    >
      <table className="feedback-public-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                aria-sort={
                  sort.column === column
                    ? sort.descending
                      ? 'descending'
                      : 'ascending'
                    : undefined
                }
              >
                <SortButton column={column} sort={sort} onSort={onSort} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((score) => (
            <tr key={score.agency.id}>
              <th scope="row">
                {locale === 'en' && score.agency.nameEn ? score.agency.nameEn : score.agency.name}
                <span className="feedback-public-subfigure">{score.agency.code}</span>
              </th>
              <FigureCells score={score} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('feedbackPublic.scorecard.totals')}</th>
            <FigureCells score={scorecard.totals} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
