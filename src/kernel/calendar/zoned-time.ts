/**
 * Instants ↔ wall-clock time in an IANA time zone, with nothing but `Intl`. Working hours
 * are wall-clock rules ("17:00 in Hà Nội"), while deadlines are stored as instants; this
 * file is the one bridge between the two.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** A wall-clock moment: the epoch day of the local date and the milliseconds since its midnight. */
export interface WallTime {
  epochDay: number;
  msOfDay: number;
}

/** Offsets are looked up through Intl, which is slow; local days are few, so remember them. */
const MAX_CACHED_DAYS = 100_000;
const HOUR = 3_600_000;

export class ZonedClock {
  private readonly format: Intl.DateTimeFormat;
  /** Epoch day → the zone's offset through that whole local day, or null when it changes. */
  private readonly dayOffsets = new Map<number, number | null>();
  /** UTC epoch day → the zone's offset through that whole UTC day, or null when it changes. */
  private readonly utcDayOffsets = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /**
   * Milliseconds to add to UTC to get the wall clock, at that instant. Asked for every date
   * a list shows, so answered from the UTC day: a zone changes its offset at most once a
   * day and never back the same day, so equal offsets at a day's first and last second
   * hold for all of it.
   */
  offsetAt(instantMs: number): number {
    const day = Math.floor(instantMs / MS_PER_DAY);
    let steady = this.utcDayOffsets.get(day);
    if (steady === undefined) {
      const first = this.lookUpOffset(day * MS_PER_DAY);
      const last = this.lookUpOffset((day + 1) * MS_PER_DAY - 1000);
      steady = first === last ? first : null;
      if (this.utcDayOffsets.size >= MAX_CACHED_DAYS) this.utcDayOffsets.clear();
      this.utcDayOffsets.set(day, steady);
    }
    return steady ?? this.lookUpOffset(instantMs);
  }

  /** The offset at an instant, from Intl (slow: it formats the date into parts). */
  private lookUpOffset(instantMs: number): number {
    const whole = Math.floor(instantMs / 1000) * 1000;
    const fields: Record<string, string> = {};
    for (const part of this.format.formatToParts(new Date(whole))) fields[part.type] = part.value;
    const year = fields.era === 'BC' ? 1 - Number(fields.year) : Number(fields.year);
    const wall = new Date(0);
    wall.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
    wall.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
    return wall.getTime() - whole;
  }

  toWall(instantMs: number): WallTime {
    const wall = instantMs + this.offsetAt(instantMs);
    const epochDay = Math.floor(wall / MS_PER_DAY);
    return { epochDay, msOfDay: wall - epochDay * MS_PER_DAY };
  }

  /**
   * The instant of a wall-clock time. A time skipped by a daylight-saving jump resolves to
   * the same distance past the jump; a repeated time resolves to its first occurrence.
   */
  toInstant(epochDay: number, msOfDay: number): number {
    const wall = epochDay * MS_PER_DAY + msOfDay;
    const steady = this.steadyOffset(epochDay);
    if (steady !== null) return wall - steady;
    // Zones change offset at most once around any given wall time, so the offsets a day
    // before and a day after are the only candidates.
    const before = wall - this.offsetAt(wall - MS_PER_DAY);
    const after = wall - this.offsetAt(wall + MS_PER_DAY);
    const fits = (instant: number) => instant + this.offsetAt(instant) === wall;
    if (fits(before) && fits(after)) return Math.min(before, after);
    if (fits(after)) return after;
    return before;
  }

  /**
   * The offset in force during the whole local day, or null on a day the offset changes.
   * Real offsets lie between −12 h and +14 h, so the local day spans at most the instants
   * from its wall-clock start − 14 h to its wall-clock end + 12 h.
   */
  private steadyOffset(epochDay: number): number | null {
    const known = this.dayOffsets.get(epochDay);
    if (known !== undefined) return known;
    const before = this.offsetAt(epochDay * MS_PER_DAY - 14 * HOUR);
    const after = this.offsetAt((epochDay + 1) * MS_PER_DAY + 12 * HOUR);
    const steady = before === after ? before : null;
    if (this.dayOffsets.size >= MAX_CACHED_DAYS) this.dayOffsets.clear();
    this.dayOffsets.set(epochDay, steady);
    return steady;
  }

  /** ISO 8601 text of an instant with this zone's offset, e.g. 2026-02-24T17:00:00+07:00. */
  formatIso(instantMs: number): string {
    const offset = this.offsetAt(instantMs);
    const wall = new Date(instantMs + offset).toISOString().slice(0, 19);
    const minutes = Math.round(offset / MS_PER_MINUTE);
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${wall}${sign}${hh}:${mm}`;
  }
}

const sharedClocks = new Map<string, ZonedClock>();

/** The clock of a time zone, built once per process: it caches the zone's offsets by day. */
export function zonedClock(timeZone: string): ZonedClock {
  let clock = sharedClocks.get(timeZone);
  if (!clock) {
    clock = new ZonedClock(timeZone);
    sharedClocks.set(timeZone, clock);
  }
  return clock;
}

/** The calendar date (`YYYY-MM-DD`) of an instant on a time zone's wall clock. */
export function localDateIn(at: Date, timeZone: string): string {
  return zonedClock(timeZone).formatIso(at.getTime()).slice(0, 10);
}
