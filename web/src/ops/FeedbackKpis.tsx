/** The citizen-report tiles of the operations center: today, open, overdue, on time, satisfied. */
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import type { Locale, MessageKey } from '../shared/i18n/translate';
import type { FeedbackOps } from './useFeedbackOps';
import { formatShare } from './format-share';

type Kpi = {
  key: string;
  label: MessageKey;
  value: (figures: FeedbackOps, locale: Locale) => string;
};

const KPIS: Kpi[] = [
  {
    key: 'reports-today',
    label: 'opsFeedback.reportsToday',
    value: (f, l) => formatNumber(f.reportsToday, l),
  },
  { key: 'reports-open', label: 'opsFeedback.open', value: (f, l) => formatNumber(f.open, l) },
  {
    key: 'reports-overdue',
    label: 'opsFeedback.overdue',
    value: (f, l) => formatNumber(f.overdue, l),
  },
  {
    key: 'on-time-rate',
    label: 'opsFeedback.onTimeRate',
    value: (f, l) => formatShare(f.onTimeRate30d, l),
  },
  {
    key: 'satisfaction',
    label: 'opsFeedback.satisfaction',
    value: (f, l) => formatShare(f.satisfaction30d, l),
  },
];

export function FeedbackKpis({ figures }: { figures: FeedbackOps }) {
  const { t, locale } = useI18n();
  return (
    <ul className="counters">
      {KPIS.map((kpi) => (
        <li key={kpi.key} className="counter" data-counter={kpi.key}>
          <span className="counter-value">{kpi.value(figures, locale)}</span>
          <span className="counter-label">{t(kpi.label)}</span>
        </li>
      ))}
    </ul>
  );
}
