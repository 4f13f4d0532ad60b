/**
 * Worksheet names as Excel accepts them: 1 to 31 characters, none of [ ] : * ? / \, not
 * starting or ending with an apostrophe, and not "History", which Excel keeps for itself.
 * A name that breaks these rules makes Excel refuse or "repair" the whole file.
 */

const MAX_LENGTH = 31;
/** Brackets become parentheses and separators hyphens, so "Phản ánh [11/2026]" stays readable. */
const REPLACEMENTS: Record<string, string> = {
  '[': '(',
  ']': ')',
  '/': '-',
  '\\': '-',
  ':': '-',
  '*': '',
  '?': '',
};
const FORBIDDEN = /[[\]:*?/\\]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const FALLBACK = 'Danh sách';

function tidy(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/^['\s]+|['\s]+$/g, '');
}

export function sanitiseSheetName(raw: string): string {
  let name = tidy(
    raw
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(FORBIDDEN, (c) => REPLACEMENTS[c] ?? ''),
  );
  // Excel counts UTF-16 units; a surrogate pair is never cut in half.
  if (name.length > MAX_LENGTH) {
    const cut = /[\uD800-\uDBFF]/.test(name.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
    name = tidy(name.slice(0, cut));
  }
  if (name === '') return FALLBACK;
  if (name.toLowerCase() === 'history') return `${name} 1`;
  return name;
}
