/**
 * Incremental updates (§7.5.6): new and replaced objects, a cross-reference section for just
 * those objects and a trailer pointing back (/Prev) to the previous section, appended after
 * the original bytes. The original bytes are never rewritten — an earlier signature covers
 * them byte for byte — so a document can be signed again and again.
 */
import type { PdfReader } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { serializePdfValue } from './pdf-serialize';
import { PdfDict, PdfName } from './pdf-values';

export interface PdfObjectWrite {
  num: number;
  /** Defaults to the generation the object has now (0 for a new object). */
  gen?: number;
  /** The bytes between `n g obj` and `endobj`: a value, or a dictionary and its stream. */
  body: Buffer;
}

export interface IncrementalUpdate {
  /** The original bytes followed by the update. */
  bytes: Buffer;
  /** Position in `bytes` where each written object's body starts (just after `n g obj\n`). */
  bodyOffsets: Map<number, number>;
  /** Position of the new cross-reference section (the value of the new startxref, unshifted). */
  xrefPosition: number;
}

/** Hands out object numbers that are free in the document, starting at its /Size. */
export function createObjectAllocator(reader: PdfReader): () => number {
  let next = reader.size;
  return () => next++;
}

/**
 * Appends one incremental update. The new cross-reference section is of the same kind as the
 * newest one in the file — a classic table after a table (hybrid files included), an xref
 * stream after a stream — because a reader that only understands tables (or a validator
 * comparing revisions) must not meet a kind the original writer never used.
 */
export function appendIncrementalUpdate(
  reader: PdfReader,
  objects: readonly PdfObjectWrite[],
): IncrementalUpdate {
  if (objects.length === 0) {
    throw new PdfStructureError('invalid-request', 'an incremental update needs objects');
  }
  const original = reader.bytes;
  const shift = reader.xref.shift;
  const parts: Buffer[] = [original];
  let position = original.length;
  const push = (part: Buffer): void => {
    parts.push(part);
    position += part.length;
  };
  // The update must start on a new line: `%%EOF` may be the very last bytes of the file.
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n', 'latin1'));

  const bodyOffsets = new Map<number, number>();
  const written = new Map<number, { offset: number; gen: number }>();
  let highest = reader.size - 1;
  for (const object of objects) {
    if (!Number.isInteger(object.num) || object.num <= 0 || written.has(object.num)) {
      throw new PdfStructureError('invalid-request', `object number ${object.num} is not valid`);
    }
    const gen = object.gen ?? reader.generationOf(object.num);
    const header = Buffer.from(`${object.num} ${gen} obj\n`, 'latin1');
    written.set(object.num, { offset: position - shift, gen });
    push(header);
    bodyOffsets.set(object.num, position);
    push(object.body);
    push(Buffer.from('\nendobj\n', 'latin1'));
    highest = Math.max(highest, object.num);
  }

  const xrefPosition = position - shift;
  const trailer = new PdfDict();
  const previous = reader.trailer;
  for (const key of ['Root', 'Info', 'ID']) {
    const value = previous.get(key);
    if (value !== undefined) trailer.set(key, value);
  }
  trailer.set('Prev', reader.xref.startxref);

  if (reader.xref.newestKind === 'stream') {
    // The xref stream is itself an object of the update and lists itself (§7.5.8.2).
    const streamNum = highest + 1;
    written.set(streamNum, { offset: xrefPosition, gen: 0 });
    trailer.set('Size', streamNum + 1);
    push(xrefStreamObject(streamNum, written, trailer));
  } else {
    trailer.set('Size', highest + 1);
    push(Buffer.from(`${xrefTable(written)}trailer\n${serializePdfValue(trailer)}\n`, 'latin1'));
  }
  push(Buffer.from(`startxref\n${xrefPosition}\n%%EOF\n`, 'latin1'));
  return { bytes: Buffer.concat(parts, position), bodyOffsets, xrefPosition };
}

/** Consecutive object numbers as [first, count] runs, for subsections and /Index. */
function runs(nums: number[]): [number, number][] {
  const result: [number, number][] = [];
  for (const num of nums) {
    const run = result[result.length - 1];
    if (run && run[0] + run[1] === num) run[1]++;
    else result.push([num, 1]);
  }
  return result;
}

function xrefTable(written: Map<number, { offset: number; gen: number }>): string {
  const nums = [...written.keys()].sort((a, b) => a - b);
  let table = 'xref\n';
  let i = 0;
  for (const [first, count] of runs(nums)) {
    table += `${first} ${count}\n`;
    for (let j = 0; j < count; j++, i++) {
      const entry = written.get(nums[i]!)!;
      // Each entry is exactly 20 bytes, with a two-byte end-of-line (§7.5.4).
      table += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
    }
  }
  return table;
}

function byteWidth(value: number): number {
  let width = 1;
  while (value >= 256 ** width) width++;
  return width;
}

function xrefStreamObject(
  streamNum: number,
  written: Map<number, { offset: number; gen: number }>,
  trailer: PdfDict,
): Buffer {
  const nums = [...written.keys()].sort((a, b) => a - b);
  let maxOffset = 0;
  let maxGen = 0;
  for (const entry of written.values()) {
    maxOffset = Math.max(maxOffset, entry.offset);
    maxGen = Math.max(maxGen, entry.gen);
  }
  const widths = [1, byteWidth(maxOffset), byteWidth(maxGen)] as const;
  const rowLength = widths[0] + widths[1] + widths[2];
  // Uncompressed: a handful of rows compresses to nothing worth the zlib call.
  const rows = Buffer.alloc(nums.length * rowLength);
  nums.forEach((num, row) => {
    const entry = written.get(num)!;
    let at = row * rowLength;
    rows[at++] = 1;
    for (let i = widths[1] - 1; i >= 0; i--) rows[at++] = Math.floor(entry.offset / 256 ** i) % 256;
    for (let i = widths[2] - 1; i >= 0; i--) rows[at++] = Math.floor(entry.gen / 256 ** i) % 256;
  });
  const dict = trailer.clone();
  dict.set('Type', PdfName.of('XRef'));
  dict.set('W', [...widths]);
  dict.set('Index', runs(nums).flat());
  dict.set('Length', rows.length);
  return Buffer.concat([
    Buffer.from(`${streamNum} 0 obj\n${serializePdfValue(dict)}\nstream\n`, 'latin1'),
    rows,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}
