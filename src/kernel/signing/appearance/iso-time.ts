/**
 * The signing time as Decree 30 shows it on attachments: ISO 8601 with the Vietnamese offset,
 * to the second, e.g. `2026-11-21T09:30:05+07:00`. The offset is a parameter rather than a
 * time-zone lookup: Vietnam has had no daylight saving since 1975, and the caller may hold a
 * configured offset.
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;

export function isoWithOffset(instant: Date, offsetMinutes = VIETNAM_OFFSET_MINUTES): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid signing time');
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw new RangeError(`invalid UTC offset: ${offsetMinutes} minutes`);
  }
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${two(local.getUTCMonth() + 1)}-` +
    `${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:` +
    `${two(local.getUTCSeconds())}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}
