/** The ten communes with the most open reports, with their reports of the last 30 days. */
import { useMemo } from 'react';
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import type { FeedbackOps } from './useFeedbackOps';

const SHOWN = 10;

export function CommuneTable({ communes }: { communes: FeedbackOps['communes'] }) {
  const { t, locale } = useI18n();
  const top = useMemo(
    () =>
      [...communes]
        .filter((c) => c.open > 0)
        .sort(
          (a, b) => b.open - a.open || b.reports30d - a.reports30d || a.code.localeCompare(b.code),
        )
        .slice(0, SHOWN),
    [communes],
  );
  if (top.length === 0) return <p>{t('opsFeedback.noOpenCommunes')}</p>;
  return (
    <table className="ops-communes">
      <caption>{t('opsFeedback.communesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('opsFeedback.commune')}</th>
          <th scope="col">{t('opsFeedback.open')}</th>
          <th scope="col">{t('opsFeedback.reports30d')}</th>
        </tr>
      </thead>
      <tbody>
        {top.map((commune) => (
          <tr key={commune.code}>
            <th scope="row">{commune.name}</th>
            <td>{formatNumber(commune.open, locale)}</td>
            <td>{formatNumber(commune.reports30d, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
