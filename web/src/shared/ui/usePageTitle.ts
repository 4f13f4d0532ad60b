import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';
import { useFocusOnNavigation } from './RouteFocus';

/**
 * Every page calls this when it renders: it names the browser tab (what a screen reader
 * announces after navigation) and moves focus to the page's heading after a navigation.
 */
export function usePageTitle(page: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.titleFormat', { page });
  }, [page, t]);
  useFocusOnNavigation();
}
