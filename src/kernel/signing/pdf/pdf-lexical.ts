/**
 * The lexical level of PDF (ISO 32000-1:2008 §7.2): character classes and hex digits, shared
 * by the parser, the string values that decode themselves and the serializer.
 */
import { PdfStructureError } from './pdf-structure-error';

// Character classes of §7.2.2: 1 = white-space, 2 = delimiter, 0 = regular.
export const CHAR_CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CHAR_CLASS[c] = 1;
for (const c of '()<>[]{}/%') CHAR_CLASS[c.charCodeAt(0)] = 2;

export const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX_VALUE[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  HEX_VALUE[0x41 + i] = 10 + i;
  HEX_VALUE[0x61 + i] = 10 + i;
}

export function isPdfWhitespace(byte: number | undefined): boolean {
  return byte !== undefined && CHAR_CLASS[byte] === 1;
}

/** Whether a byte ends a token (white-space, delimiter or end of data). */
export function endsToken(byte: number | undefined): boolean {
  return byte === undefined || CHAR_CLASS[byte] !== 0;
}
/** Decodes hex digits in `data[start..end)`, skipping white-space (§7.3.4.3). */
export function decodeHex(data: Buffer, start: number, end: number): Buffer {
  // Fast path: digits without white-space (e.g. a signature's /Contents) decode natively;
  // Buffer.from stops at the first non-hex pair, which the lengths reveal.
  if ((end - start) % 2 === 0) {
    const decoded = Buffer.from(data.toString('latin1', start, end), 'hex');
    if (decoded.length * 2 === end - start) return decoded;
  }
  const out = Buffer.allocUnsafe((end - start + 1) >> 1);
  let length = 0;
  let high = -1;
  for (let pos = start; pos < end; pos++) {
    const byte = data[pos]!;
    const value = HEX_VALUE[byte]!;
    if (value < 0) {
      if (CHAR_CLASS[byte] === 1) continue;
      throw new PdfStructureError('bad-object', `invalid character in hex string at byte ${pos}`);
    }
    if (high < 0) {
      high = value;
    } else {
      out[length++] = high * 16 + value;
      high = -1;
    }
  }
  // An odd number of digits behaves as if followed by a zero.
  if (high >= 0) out[length++] = high * 16;
  return out.subarray(0, length);
}
