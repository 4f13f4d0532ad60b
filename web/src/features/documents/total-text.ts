import type { I18n } from '../../shared/i18n/i18n';

/** "12 văn bản", or "hơn 10.000 văn bản" when the server stopped counting. */
export function totalText(t: I18n['t'], total: string, capped: boolean): string {
  return capped ? t('documents.list.totalCapped', { total }) : t('documents.list.total', { total });
}
