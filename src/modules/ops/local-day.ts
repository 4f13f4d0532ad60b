/**
 * The bounds of "today" on the wall clock of a time zone, as UTC instants. The operations
 * center counts per local day (Asia/Ho_Chi_Minh by default), not per UTC day, which would
 * start at 07:00 in Quảng Ninh.
 */

/** Milliseconds to add to a UTC instant to read the wall clock of `timeZone` at that instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the local calendar day (year, month 1–12, day) begins. */
function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const naive = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight is near a daylight-saving change.
  let instant = naive - offsetAt(naive, timeZone);
  instant = naive - offsetAt(instant, timeZone);
  return new Date(instant);
}

export function localDayBounds(now: Date, timeZone: string): { from: Date; to: Date } {
  const local = new Date(now.getTime() + offsetAt(now.getTime(), timeZone));
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    from: localMidnight(year, month, day, timeZone),
    to: localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone),
  };
}
