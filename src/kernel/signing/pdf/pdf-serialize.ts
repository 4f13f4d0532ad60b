/**
 * Writes PDF values back as bytes (§7.3). Everything is written as ASCII — strings in hex,
 * names with `#xx` escapes — so binary content survives any later text handling.
 */
import { CHAR_CLASS } from './pdf-lexical';
import { PdfStructureError } from './pdf-structure-error';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './pdf-values';

function escapeName(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i) & 0xff;
    if (code > 0x20 && code < 0x7f && CHAR_CLASS[code] === 0 && code !== 0x23) {
      out += name[i];
    } else {
      out += `#${code.toString(16).padStart(2, '0')}`;
    }
  }
  return out;
}

/** Numbers as PDF allows them: no exponent, at most a few decimals. */
export function formatPdfNumber(value: number): string {
  if (!Number.isFinite(value)) return '0';
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? value.toString() : BigInt(value).toString();
  }
  const fixed = value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export function serializePdfValue(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatPdfNumber(value);
  if (value instanceof PdfName) return escapeName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${value.bytes.toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map(serializePdfValue).join(' ')}]`;
  if (value instanceof PdfDict) {
    let out = '<<';
    for (const [key, entry] of value.entries)
      out += `${escapeName(key)} ${serializePdfValue(entry)}`;
    return `${out}>>`;
  }
  // A stream cannot be a direct value (§7.3.8.1); it is written with `streamObjectBody`.
  throw new PdfStructureError('bad-object', 'a stream cannot be written as a direct value');
}

/** The bytes between `n g obj` and `endobj` for a non-stream value. */
export function valueObjectBody(value: PdfValue): Buffer {
  return Buffer.from(serializePdfValue(value), 'latin1');
}

/** The bytes between `n g obj` and `endobj` for a stream; /Length is set from `data`. */
export function streamObjectBody(dict: PdfDict, data: Buffer): Buffer {
  const withLength = dict.clone().set('Length', data.length);
  return Buffer.concat([
    Buffer.from(`${serializePdfValue(withLength)}\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
}
