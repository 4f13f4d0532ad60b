/**
 * Today as the province's calendar has it, `YYYY-MM-DD`: what a form's `today` bounds mean.
 * Read on the Asia/Ho_Chi_Minh clock, not the device's, so a phone set to another zone (or a
 * visitor abroad at 23:30) checks a birth date against the same day the server will.
 */
import { TIME_ZONE } from '../../../shared/i18n/format';

export function todayInVietnam(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
