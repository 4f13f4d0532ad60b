/** How late an open report is, in the colours and words of the ops map and its legend. */
import type { MessageKey } from '../shared/i18n/translate';
import type { Lateness } from './useReportsMap';

export const LATENESS_ORDER: readonly Lateness[] = ['on_time', 'due_soon', 'overdue'];

// Bright on the dark map, and told apart by lightness too, not by hue alone.
export const LATENESS_COLOR: Record<Lateness, string> = {
  on_time: '#5ad19a',
  due_soon: '#ffd166',
  overdue: '#ff5c5c',
};

export const LATENESS_LABEL: Record<Lateness, MessageKey> = {
  on_time: 'opsFeedback.onTime',
  due_soon: 'opsFeedback.dueSoon',
  overdue: 'opsFeedback.overdueReports',
};
