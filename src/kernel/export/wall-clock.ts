/**
 * Instants as the wall clock of the platform's time zone shows them, for writing dates into
 * files that have no time zone (Excel serial dates, CSV text). The zone offset comes from
 * the calendar's ZonedClock; looking it up goes through Intl and costs microseconds, which
 * adds up to seconds over a large export, so it is remembered per UTC day.
 */
import { MS_PER_DAY, ZonedClock } from '../calendar/zoned-time';

const MAX_CACHED_DAYS = 10_000;

export class WallClock {
  private readonly zone: ZonedClock;
  /** UTC day → the zone's offset through that whole day, or null when it changes within. */
  private readonly offsets = new Map<number, number | null>();

  constructor(timezone: string) {
    this.zone = new ZonedClock(timezone);
  }

  /** Milliseconds since 1970-01-01T00:00 of the wall-clock time, read as if it were UTC. */
  wallMs(instant: Date): number {
    const ms = instant.getTime();
    return ms + this.offsetAt(ms);
  }

  private offsetAt(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY);
    let steady = this.offsets.get(day);
    if (steady === undefined) {
      const start = this.zone.offsetAt(day * MS_PER_DAY);
      const end = this.zone.offsetAt((day + 1) * MS_PER_DAY - 1000);
      steady = start === end ? start : null;
      if (this.offsets.size >= MAX_CACHED_DAYS) this.offsets.clear();
      this.offsets.set(day, steady);
    }
    return steady ?? this.zone.offsetAt(ms);
  }
}
