/**
 * Renumbering the `$n` placeholders of a compiled statement that is placed inside another
 * (a batch's clause, a value inside a row insert, a key of a jsonb object), after the
 * parameters that come before it.
 */

const QUOTED_OR_PLACEHOLDER = /'(?:[^']|'')*'|"(?:[^"]|"")*"|\$([0-9]+)/g;

/**
 * `$n` → `$(n + offset)`, outside quoted strings and identifiers (which never hold a
 * placeholder in compiled SQL, but may hold a `$`). One regular expression over the text:
 * quoted parts match whole (a doubled quote inside is an escape) and are kept as they are.
 */
export function shiftPlaceholders(text: string, offset: number): string {
  if (offset === 0) return text;
  return text.replace(QUOTED_OR_PLACEHOLDER, (match, digits: string | undefined) =>
    digits === undefined ? match : `$${Number(digits) + offset}`,
  );
}

/**
 * The texts placed inside others and their places repeat from one request to the next (the
 * same INSERTs, in the same order), so their shifted forms are kept. Bounded, as texts
 * could vary without end (an IN list of every length): past the bound it starts over.
 */
const shifted = new Map<string, Map<number, string>>();
const SHIFTED_TEXTS_KEPT = 2000;

/** shiftPlaceholders, remembered. */
export function shiftedText(text: string, offset: number): string {
  if (offset === 0) return text;
  let byOffset = shifted.get(text);
  if (!byOffset) {
    if (shifted.size >= SHIFTED_TEXTS_KEPT) shifted.clear();
    byOffset = new Map();
    shifted.set(text, byOffset);
  }
  let result = byOffset.get(offset);
  if (result === undefined) {
    result = shiftPlaceholders(text, offset);
    byOffset.set(offset, result);
  }
  return result;
}
