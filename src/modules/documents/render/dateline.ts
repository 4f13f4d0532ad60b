/**
 * The texts that go into the two places the renderer leaves empty: the number line and the
 * dateline. They are printed only once the document is signed and registered (the clerk gives
 * the number, the agency's seal signature carries it), so the renderer reserves their places
 * and whoever stamps them uses these functions to write them as Decree 30 prescribes.
 */

/** `07/UBND-VP` → `Số: 07/UBND-VP` (Appendix I: "Số" in lower case with a colon). */
export function numberLineText(numberAndNotation: string): string {
  const text = numberAndNotation.normalize('NFC').trim();
  if (!text) throw new RangeError('the number and notation are required');
  return `Số: ${text}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `Hạ Long, ngày 05 tháng 02 năm 2026`. Appendix I: days below 10 and the months 1 and 2 are
 * written with a leading zero, other months without (`tháng 3`, `tháng 12`); the zero keeps
 * anyone from adding a digit in front of a 1 or a 2 on the printed page.
 */
export function datelineText(placeName: string, date: string): string {
  const place = placeName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!place) throw new RangeError('the place name is required');
  const match = ISO_DATE.exec(date);
  const [year, month, day] = (match?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined || !isDate(year, month, day)) {
    throw new RangeError(`not a calendar date in the form YYYY-MM-DD: ${date}`);
  }
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

function isDate(year: number, month: number, day: number): boolean {
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}
