/**
 * A person's name as lists show it: the family name whole, the other words as initials
 * ("Nguyễn Thị Lan" → "Nguyễn T. L."). Enough for a desk to tell its queue apart, not enough
 * to identify someone from a list left on a screen or in an export.
 */
export function maskPersonName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ? `${[...words[0]][0]}.` : '';
  const [family, ...rest] = words;
  return [family, ...rest.map((word) => `${[...word][0]!.toLocaleUpperCase('vi')}.`)].join(' ');
}
