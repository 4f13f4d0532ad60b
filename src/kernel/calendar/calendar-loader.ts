/**
 * `loadWorkingCalendar`: the working calendar of the installation, built from the settings
 * and the exception table, and kept in memory so deadline computations never wait on the
 * database.
 *
 * Freshness: an edit through this process (createCalendarException, deleteCalendarException)
 * drops the cached calendar at once, so the next call sees it. Edits made by another
 * process show up within REFRESH_AFTER_MS: an older calendar is still answered while a
 * fresh one loads in the background.
 */
import type { Config } from '../config/config';
import { listCalendarExceptions, type CalendarDb } from './calendar.queries';
import { WorkingCalendar } from './working-calendar';

/** Years the installation's calendar answers for: from the Labour Code 2019 coming into force. */
export const CALENDAR_YEARS = Object.freeze({ from: 2021, to: 2100 });
const REFRESH_AFTER_MS = 60_000;

export type CalendarSettings = Pick<Config, 'timezone' | 'workingHours'>;

interface CachedCalendar {
  /** The last calendar loaded, once there is one. */
  calendar?: WorkingCalendar;
  /** The load in progress, if any. */
  loading?: Promise<WorkingCalendar>;
  loadedAt: number;
}

/** Per database (a process has one; each test has its own), per settings. */
const cache = new WeakMap<object, Map<string, CachedCalendar>>();

export async function loadWorkingCalendar(
  db: CalendarDb,
  settings: CalendarSettings,
): Promise<WorkingCalendar> {
  let byKey = cache.get(db);
  if (!byKey) {
    byKey = new Map();
    cache.set(db, byKey);
  }
  const key = `${settings.timezone}\n${settings.workingHours}`;
  let entry = byKey.get(key);
  if (!entry) {
    entry = { loadedAt: 0 };
    byKey.set(key, entry);
  }
  const stale = performance.now() - entry.loadedAt >= REFRESH_AFTER_MS;
  if (entry.calendar && !stale) return entry.calendar;
  const current = entry;
  const loading = (current.loading ??= buildCalendar(db, settings).then(
    (calendar) => {
      current.calendar = calendar;
      current.loadedAt = performance.now();
      current.loading = undefined;
      return calendar;
    },
    (error: unknown) => {
      current.loading = undefined;
      throw error;
    },
  ));
  if (current.calendar) {
    // Keep answering with the previous calendar; a failed refresh is retried next call.
    loading.catch(() => undefined);
    return current.calendar;
  }
  return loading;
}

/** Forgets the cached calendars of this database, after its exceptions changed. */
export function invalidateWorkingCalendar(db: CalendarDb): void {
  cache.delete(db);
}

async function buildCalendar(db: CalendarDb, settings: CalendarSettings): Promise<WorkingCalendar> {
  const rows = await listCalendarExceptions(
    db,
    `${CALENDAR_YEARS.from}-01-01`,
    `${CALENDAR_YEARS.to}-12-31`,
  );
  return new WorkingCalendar({
    years: CALENDAR_YEARS,
    exceptions: rows.map(({ date, kind, name, nameEn }) => ({ date, kind, name, nameEn })),
    workingHours: settings.workingHours,
    timezone: settings.timezone,
  });
}
