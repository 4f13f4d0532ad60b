/**
 * Turning what a person typed into a search pattern. Stored search text is
 * `lower(immutable_unaccent(…))`; the typed text goes through the same SQL functions, so
 * "ha long", "Hạ Long" and "HẠ LONG" meet on "ha long". Here we only do what SQL cannot do
 * as well: compose decomposed input (macOS and some Vietnamese keyboards send "a" + U+0323
 * for "ạ", which unaccent does not know), squeeze spaces, and escape LIKE's wildcards.
 */
export function searchPattern(typed: string): string | null {
  const text = typed.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
