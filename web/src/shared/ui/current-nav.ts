/**
 * Which entry of an area's navigation the reader is on: the one whose address is the
 * longest prefix of the current path (an entry marked `end` only on its own address). So on
 * `/console/phan-anh/dinh-tuyen` the routing entry is current and the inbox entry above it
 * (`/console/phan-anh`) is not, while a report at `/console/phan-anh/PA-…` keeps the inbox
 * current.
 */
export interface NavTarget {
  to: string;
  end?: boolean;
}

function covers(item: NavTarget, pathname: string): boolean {
  const to = item.to.replace(/\/+$/, '') || '/';
  if (pathname === to || pathname === `${to}/`) return true;
  if (item.end) return false;
  return pathname.startsWith(to === '/' ? '/' : `${to}/`);
}

/** The `to` of the current entry, or null when none covers the path. */
export function currentNavTarget(items: readonly NavTarget[], pathname: string): string | null {
  let best: string | null = null;
  for (const item of items) {
    if (covers(item, pathname) && (best === null || item.to.length > best.length)) best = item.to;
  }
  return best;
}
