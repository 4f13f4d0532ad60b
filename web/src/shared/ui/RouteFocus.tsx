/**
 * After a client-side navigation, moves keyboard and screen-reader focus to the new page's
 * main heading, as a full page load would put the reader at the top of the new page. The
 * first page of a visit is left alone so the skip link stays the first stop. The state is
 * kept for the whole app, not per area, so moving from the console to the operations
 * center counts as a navigation too.
 */
import { useEffect } from 'react';
import { useLocation } from 'react-router';

let focusedPath: string | null = null;

export function useFocusOnNavigation(mainId = 'main'): void {
  const { pathname } = useLocation();
  useEffect(() => {
    if (focusedPath === null || focusedPath === pathname) {
      focusedPath = pathname;
      return;
    }
    focusedPath = pathname;
    const main = document.getElementById(mainId);
    if (!main) return;
    const target = main.querySelector<HTMLElement>('h1') ?? main;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname, mainId]);
}
