/**
 * The groups of the service-quality index, each a table of its indicators: the name (with
 * its formula on hover and on focus), the value as a percentage and the points out of the
 * maximum. What cannot be measured, or had nothing to count, says so instead of a zero.
 */
import { useI18n } from '../shared/i18n/i18n';
import { FormulaTip } from './FormulaTip';
import {
  formatPoints,
  indicatorCounts,
  indicatorReading,
  indicatorTarget,
} from './dossiers-figures';
import type { IndexGroup } from './useDossiersOps';

export function IndexGroups({ groups }: { groups: readonly IndexGroup[] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="dossiers-note">{t('dossiersOps.formulaHint')}</p>
      <div className="dossiers-groups">
        {groups.map((group) => (
          <GroupTable key={group.code} group={group} />
        ))}
      </div>
      <p className="dossiers-note">{t('dossiersOps.measuredNote')}</p>
    </>
  );
}

function GroupTable({ group }: { group: IndexGroup }) {
  const { t, locale } = useI18n();
  const name = locale === 'en' ? group.name.en : group.name.vi;
  const points = formatPoints(group.points, locale);
  const max = formatPoints(group.max, locale);
  const measured = formatPoints(group.measuredMax, locale);
  const standing =
    group.measuredMax === 0
      ? t('dossiersOps.groupNotScored', { max })
      : group.measuredMax < group.max
        ? t('dossiersOps.groupPointsPartial', { points, measured, max })
        : t('dossiersOps.groupPoints', { points, max });

  return (
    <table className="dossiers-table dossiers-group" data-group={group.code}>
      <caption>
        <span className="dossiers-group-name">{name}</span>
        <span className="dossiers-group-points">{standing}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('dossiersOps.indicator')}</th>
          <th scope="col">{t('dossiersOps.value')}</th>
          <th scope="col">{t('dossiersOps.points')}</th>
        </tr>
      </thead>
      <tbody>
        {group.indicators.map((indicator) => {
          const reading = indicatorReading(indicator, locale, t);
          const counts = indicatorCounts(indicator, locale, t);
          const target = indicatorTarget(indicator, locale, t);
          return (
            <tr key={indicator.code} data-indicator={indicator.code} data-status={indicator.status}>
              <th scope="row">
                <FormulaTip label={locale === 'en' ? indicator.name.en : indicator.name.vi}>
                  <span className="formula-label">{t('dossiersOps.formula')}: </span>
                  {locale === 'en' ? indicator.formula.en : indicator.formula.vi}
                  {/* The spaces keep the sentences apart in the spoken description. */}
                  {target ? <span className="formula-extra"> {target}</span> : null}
                  {counts ? <span className="formula-extra"> {counts}</span> : null}
                </FormulaTip>
              </th>
              <td className={indicator.status === 'measured' ? undefined : 'dossiers-unmeasured'}>
                {reading.value}
              </td>
              <td className={indicator.status === 'measured' ? undefined : 'dossiers-unmeasured'}>
                {reading.points}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
