/**
 * The few pieces of PDF syntax the appearance objects need: numbers as PDF writes them,
 * stream objects with their /Length, and Flate compression.
 */
import { deflateSync } from 'node:zlib';
import { LruCache } from './lru-cache';

/**
 * A real number as a PDF token: at most three decimals (a thousandth of a point is far below
 * any device resolution), no exponent (PDF has none) and never `-0`.
 */
export function pdfNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const rounded = Math.round(value * 1000) / 1000;
  if (rounded === 0) return '0';
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(3).replace(/0+$/, '');
}

export function pdfNumbers(values: readonly number[]): string {
  return values.map(pdfNumber).join(' ');
}

export function ref(num: number): string {
  return `${num} 0 R`;
}

/**
 * A stream object's body: `dict` is the dictionary's content without `<<`, `>>` and
 * /Length, which is computed here from the bytes actually written.
 */
export function streamBody(dict: string, data: Buffer): Buffer {
  const head = dict ? `<< ${dict} /Length ${data.length} >>` : `<< /Length ${data.length} >>`;
  return Buffer.concat([Buffer.from(`${head}\nstream\n`, 'latin1'), data, ENDSTREAM]);
}

const ENDSTREAM = Buffer.from('\nendstream', 'latin1');

export function dictBody(dict: string): Buffer {
  return Buffer.from(`<< ${dict} >>`, 'latin1');
}

/** Level 9: everything compressed here is compressed once and then cached. */
export function flate(data: Buffer | string): Buffer {
  return deflateSync(typeof data === 'string' ? Buffer.from(data, 'latin1') : data, {
    level: 9,
  });
}

/** A small content stream costs more to inflate than it saves; compress only where it pays. */
export const FLATE_THRESHOLD = 512;

export interface EncodedStream {
  data: Buffer;
  /** Dictionary entries describing the encoding: `/Filter /FlateDecode` or nothing. */
  filter: string;
}

// A signer's block compiles to the same content stream on every document, and compressing it
// costs more than everything else a cached appearance does.
const encodedContents = new LruCache<string, EncodedStream>(64);

/** A content stream's bytes, Flate-compressed when it is large enough for that to pay. */
export function encodeContent(content: string): EncodedStream {
  const cached = encodedContents.get(content);
  if (cached) return cached;
  const raw = Buffer.from(content, 'latin1');
  let encoded: EncodedStream = { data: raw, filter: '' };
  if (raw.length >= FLATE_THRESHOLD) {
    const packed = flate(raw);
    if (packed.length < raw.length) encoded = { data: packed, filter: ' /Filter /FlateDecode' };
  }
  encodedContents.set(content, encoded);
  return encoded;
}
