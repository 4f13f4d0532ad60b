/**
 * The open dossiers whose appointment falls today in Vietnam, soonest first: code,
 * procedure, receiving agency and the time due. The server lists at most 100 and gives the
 * total; the first ten show, the rest on request. The procedure's name is looked up in the
 * public catalog for the rows shown, the code standing alone until it comes.
 */
import { useId, useState } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import { formatDueTime, ROWS_SHOWN, shownRows } from './dossiers-figures';
import { useProcedureNames, type DossierOpsFigures } from './useDossiersOps';

export function DueTodayTable({ dueToday }: { dueToday: DossierOpsFigures['dueToday'] }) {
  const { t, locale } = useI18n();
  const tableId = useId();
  const [all, setAll] = useState(false);
  const shown = shownRows(dueToday.items, ROWS_SHOWN, all);
  const names = useProcedureNames(shown.map((item) => item.procedureCode));

  if (dueToday.total === 0) return <p>{t('dossiersOps.noneDueToday')}</p>;
  return (
    <div className="dossiers-expandable">
      <table id={tableId} className="dossiers-table" data-table="due-today">
        <caption>
          {t('dossiersOps.dueTodayTitle', { total: formatNumber(dueToday.total, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dossiersOps.code')}</th>
            <th scope="col">{t('dossiersOps.procedure')}</th>
            <th scope="col">{t('dossiersOps.agency')}</th>
            <th scope="col">{t('dossiersOps.dueAt')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((item) => {
            const name = names.get(item.procedureCode);
            return (
              <tr key={item.code}>
                <th scope="row" className="dossiers-code">
                  {item.code}
                </th>
                <td>
                  {name ? (
                    <>
                      {locale === 'en' ? name.en : name.vi}{' '}
                      <span className="dossiers-muted">({item.procedureCode})</span>
                    </>
                  ) : (
                    item.procedureCode
                  )}
                </td>
                <td>{item.agency.name}</td>
                <td>
                  <time dateTime={item.dueAt}>{formatDueTime(item.dueAt, locale)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {dueToday.total > dueToday.items.length && all ? (
        <p className="dossiers-note">
          {t('dossiersOps.dueTodayCut', {
            shown: formatNumber(dueToday.items.length, locale),
            total: formatNumber(dueToday.total, locale),
          })}
        </p>
      ) : null}
      {dueToday.items.length > ROWS_SHOWN ? (
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={all}
          aria-controls={tableId}
          onClick={() => setAll((was) => !was)}
        >
          {all
            ? t('dossiersOps.showFewer')
            : t('dossiersOps.showAll', { count: formatNumber(dueToday.items.length, locale) })}
        </button>
      ) : null}
    </div>
  );
}
