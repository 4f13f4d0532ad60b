/**
 * The agencies in the dossiers' panel: ranked by their index score (with their on-time
 * rate), their on-time rate for the period (lowest first, with the counts behind it), and the
 * open dossiers late now. A province has dozens of receiving agencies: the first ten show,
 * the rest on request — the server sends them all, so nothing is asked again.
 */
import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import { formatPoints, formatRate, ROWS_SHOWN, shownRows } from './dossiers-figures';
import type { DossierOpsFigures, IndexAgency } from './useDossiersOps';

/** A table cut to its first rows, with the button that shows the rest (or folds them). */
function Expandable<T>({
  rows,
  render,
}: {
  rows: readonly T[];
  render: (shown: readonly T[], tableId: string) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const tableId = useId();
  const [all, setAll] = useState(false);
  return (
    <div className="dossiers-expandable">
      {render(shownRows(rows, ROWS_SHOWN, all), tableId)}
      {rows.length > ROWS_SHOWN ? (
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={all}
          aria-controls={tableId}
          onClick={() => setAll((was) => !was)}
        >
          {all
            ? t('dossiersOps.showFewer')
            : t('dossiersOps.showAll', { count: formatNumber(rows.length, locale) })}
        </button>
      ) : null}
    </div>
  );
}

export function AgencyRanking({ agencies }: { agencies: readonly IndexAgency[] }) {
  const { t, locale } = useI18n();
  if (agencies.length === 0) return <p>{t('dossiersOps.noAgencies')}</p>;
  return (
    <Expandable
      rows={agencies}
      render={(shown, tableId) => (
        <table id={tableId} className="dossiers-table" data-table="ranking">
          <caption>{t('dossiersOps.rankingTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossiersOps.rank')}</th>
              <th scope="col">{t('dossiersOps.agency')}</th>
              <th scope="col">{t('dossiersOps.scoreColumn')}</th>
              <th scope="col">{t('dossiersOps.pointsColumn')}</th>
              <th scope="col">{t('dossiersOps.onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <tr key={row.agency.code}>
                <td>{formatNumber(index + 1, locale)}</td>
                <th scope="row">{row.agency.name}</th>
                <td>
                  {row.score === null
                    ? t('dossiersOps.noScoreShort')
                    : formatPoints(row.score, locale)}
                </td>
                <td>
                  {`${formatPoints(row.points, locale)} / ${formatPoints(row.measuredMax, locale)}`}
                </td>
                <td>{formatRate(row.onTimeRate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function OnTimeTable({ onTime }: { onTime: DossierOpsFigures['onTime'] }) {
  const { t, locale } = useI18n();
  if (onTime.length === 0) return <p>{t('dossiersOps.noOnTime')}</p>;
  return (
    <Expandable
      rows={onTime}
      render={(shown, tableId) => (
        <table id={tableId} className="dossiers-table" data-table="on-time">
          <caption>{t('dossiersOps.onTimeTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossiersOps.agency')}</th>
              <th scope="col">{t('dossiersOps.onTimeRate')}</th>
              <th scope="col">{t('dossiersOps.resolved')}</th>
              <th scope="col">{t('dossiersOps.resolvedOnTime')}</th>
              <th scope="col">{t('dossiersOps.openLate')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.agency.code}>
                <th scope="row">{row.agency.name}</th>
                <td>{formatRate(row.rate, locale)}</td>
                <td>{formatNumber(row.resolved, locale)}</td>
                <td>{formatNumber(row.resolvedOnTime, locale)}</td>
                <td>{formatNumber(row.openLate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}

export function LateOpenTable({ lateOpen }: { lateOpen: DossierOpsFigures['lateOpen'] }) {
  const { t, locale } = useI18n();
  if (lateOpen.byAgency.length === 0) return <p>{t('dossiersOps.noLate')}</p>;
  return (
    <Expandable
      rows={lateOpen.byAgency}
      render={(shown, tableId) => (
        <table id={tableId} className="dossiers-table" data-table="late-open">
          <caption>
            {t('dossiersOps.lateTitle', { total: formatNumber(lateOpen.total, locale) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('dossiersOps.agency')}</th>
              <th scope="col">{t('dossiersOps.lateCount')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.agency.code}>
                <th scope="row">{row.agency.name}</th>
                <td>{formatNumber(row.count, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
