/**
 * The ToUnicode CMap of a subset font: it maps each CID back to the text it shows, which is
 * what lets a reader copy `Nguyễn Văn Hùng` out of the signature and find it by search, and
 * what lets an archive check the visible text against the certificate.
 */

/** `entries`: CID → text (one glyph may stand for several code points). */
export function toUnicodeCmap(entries: ReadonlyMap<number, string>): string {
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  const mapped = [...entries].filter(([, text]) => text.length > 0).sort(([a], [b]) => a - b);
  // A bfchar section may hold at most 100 mappings (PDF 32000-1, 9.10.3).
  for (let start = 0; start < mapped.length; start += 100) {
    const chunk = mapped.slice(start, start + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const [cid, text] of chunk) lines.push(`<${hex4(cid)}> <${utf16beHex(text)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0').toUpperCase();
}

/** UTF-16BE, surrogate pairs included, as PDF CMaps require for destination strings. */
function utf16beHex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}
