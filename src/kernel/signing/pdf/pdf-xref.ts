/**
 * Cross-reference data (§7.5.4–7.5.8): from `startxref` back through every /Prev, classic
 * tables, cross-reference streams and hybrid files (/XRefStm). Only these sections are read;
 * the objects themselves are parsed later, on demand, by PdfReader.
 */
import { decodePdfStream } from './pdf-filters';
import { PdfStructureError } from './pdf-structure-error';
import { isPdfWhitespace } from './pdf-lexical';
import { PdfParser } from './pdf-parser';
import { PdfDict, PdfStream, type PdfValue } from './pdf-values';

export type XrefEntry =
  | { type: 'free' }
  /** `offset` is a position in the file (already corrected by the header shift). */
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; streamNum: number; index: number };

export interface XrefSection {
  kind: 'table' | 'stream';
  /** Where the `xref` keyword or the xref stream object starts in the file. */
  position: number;
  trailer: PdfDict;
  entries: Map<number, XrefEntry>;
  /** Set for a hybrid file's table: the position of the stream named by /XRefStm. */
  hybridStreamPosition?: number;
}

/**
 * The cross-reference data of a file, read lazily: the newest section at once, older ones
 * (through /Prev) only when an object is not in the newer ones or when every section is
 * asked for. Verifying the last signature of a document touches only its own update (the
 * signature, its field, the form, the catalog), so a document's original, often compressed,
 * cross-reference stream is not even inflated — the newest entry of an object is the first
 * one found going back, exactly what merging every section would give.
 */
export class CrossReference {
  /** The newest trailer (for an xref stream, its dictionary). */
  readonly trailer: PdfDict;
  private readonly loaded: XrefSection[] = [];
  private readonly merged = new Map<number, XrefEntry>();
  private readonly visited = new Set<number>();
  private next: number | undefined;

  constructor(
    private readonly data: Buffer,
    /** The number written after the last `startxref`, as written (not corrected by `shift`). */
    readonly startxref: number,
    /**
     * What to add to the offsets written in the file to get positions in the buffer: 0 for a
     * normal file; the header's position when bytes were prepended before `%PDF-` and the
     * writer counted offsets from the header.
     */
    readonly shift: number,
    /** Where `%PDF-` starts. */
    readonly headerOffset: number,
  ) {
    this.next = startxref + shift;
    if (!this.loadNext()) throw xrefError('no cross-reference section');
    this.trailer = this.loaded[0]!.trailer;
  }

  /** An object's newest entry, reading older sections only as far as needed. */
  entry(num: number): XrefEntry | undefined {
    let found = this.merged.get(num);
    while (found === undefined && this.loadNext()) found = this.merged.get(num);
    return found;
  }

  /** Every section, newest first: sections[0] is the one `startxref` points to. */
  get sections(): XrefSection[] {
    while (this.loadNext());
    return this.loaded;
  }

  /** Every object's newest entry. */
  get entries(): Map<number, XrefEntry> {
    while (this.loadNext());
    return this.merged;
  }

  /** The kind of the newest section (what an incremental update must write). */
  get newestKind(): XrefSection['kind'] {
    return this.loaded[0]!.kind;
  }

  private loadNext(): boolean {
    const position = this.next;
    // A /Prev loop ends the chain: what was read so far is all there is.
    if (position === undefined || this.visited.has(position)) return false;
    if (this.loaded.length >= MAX_SECTIONS) throw xrefError('too many cross-reference sections');
    this.visited.add(position);
    const section = readSection(this.data, position, this.shift);
    this.loaded.push(section);
    for (const [num, entry] of section.entries) {
      if (!this.merged.has(num)) this.merged.set(num, entry);
    }
    const prev = section.trailer.get('Prev');
    this.next =
      typeof prev === 'number' && Number.isInteger(prev) && prev >= 0
        ? prev + this.shift
        : undefined;
    return true;
  }
}

/** How far from the start `%PDF-` may be; Acrobat accepts junk of up to 1024 bytes. */
const HEADER_WINDOW = 1024;
/** How far from the end `startxref` may be. */
const TAIL_WINDOW = 1024;
/** A chain longer than this is a loop the visited-set did not catch, or an absurd file. */
const MAX_SECTIONS = 10_000;

function xrefError(message: string, cause?: unknown): PdfStructureError {
  return new PdfStructureError('bad-xref', message, cause === undefined ? undefined : { cause });
}

export function readCrossReference(data: Buffer): CrossReference {
  const headerOffset = data.subarray(0, HEADER_WINDOW + 5).indexOf('%PDF-', 0, 'latin1');
  if (headerOffset < 0) {
    throw new PdfStructureError('not-pdf', 'not a PDF: no %PDF- header at the start of the file');
  }
  const startxref = readStartxref(data);
  const shift = detectShift(data, startxref, headerOffset);
  return new CrossReference(data, startxref, shift, headerOffset);
}

function readStartxref(data: Buffer): number {
  const tailStart = Math.max(0, data.length - TAIL_WINDOW);
  const at = data.subarray(tailStart).lastIndexOf('startxref', undefined, 'latin1');
  if (at < 0) {
    throw xrefError('no startxref near the end of the file (is it truncated?)');
  }
  const parser = new PdfParser(data, tailStart + at + 'startxref'.length);
  try {
    return parser.readUnsignedInteger();
  } catch (error) {
    throw xrefError('startxref is not followed by an offset', error);
  }
}

function looksLikeSection(data: Buffer, position: number): boolean {
  if (position < 0 || position >= data.length) return false;
  const parser = new PdfParser(data, position);
  if (parser.tryKeyword('xref')) return true;
  try {
    parser.readUnsignedInteger();
    parser.readUnsignedInteger();
    return parser.tryKeyword('obj');
  } catch {
    return false;
  }
}

function detectShift(data: Buffer, startxref: number, headerOffset: number): number {
  if (looksLikeSection(data, startxref)) return 0;
  if (headerOffset > 0 && looksLikeSection(data, startxref + headerOffset)) return headerOffset;
  throw xrefError(`startxref points to byte ${startxref}, where there is no cross-reference data`);
}

function readSection(data: Buffer, position: number, shift: number): XrefSection {
  const parser = new PdfParser(data, position);
  if (parser.tryKeyword('xref')) return readTable(data, parser, position, shift);
  return readXrefStream(data, position, shift);
}

function readTable(data: Buffer, parser: PdfParser, position: number, shift: number): XrefSection {
  const entries = new Map<number, XrefEntry>();
  let trailerValue: PdfValue;
  try {
    while (!parser.tryKeyword('trailer')) {
      const first = parser.readUnsignedInteger();
      const count = parser.readUnsignedInteger();
      for (let i = 0; i < count; i++) {
        let offset: number;
        let gen: number;
        let kind: string;
        const fixed = readFixedEntry(data, parser);
        if (fixed) {
          [offset, gen, kind] = fixed;
        } else {
          offset = parser.readUnsignedInteger();
          gen = parser.readUnsignedInteger();
          kind = parser.readToken();
        }
        const num = first + i;
        if (kind === 'n') {
          entries.set(num, { type: 'offset', offset: offset + shift, gen });
        } else if (kind === 'f') {
          entries.set(num, { type: 'free' });
        } else {
          throw xrefError(`xref table entry for object ${num} is neither "n" nor "f"`);
        }
      }
    }
    trailerValue = parser.readValue();
  } catch (error) {
    if (error instanceof PdfStructureError && error.code === 'bad-xref') throw error;
    throw xrefError(`the xref table at byte ${position} cannot be read`, error);
  }
  if (!(trailerValue instanceof PdfDict)) {
    throw xrefError(`the trailer after the xref table at byte ${position} is not a dictionary`);
  }
  const section: XrefSection = { kind: 'table', position, trailer: trailerValue, entries };

  // A hybrid file (§7.5.8.4) lists its compressed objects only in the stream named by /XRefStm;
  // they fill the table's gaps and free entries but do not override its in-use entries.
  const hybrid = trailerValue.get('XRefStm');
  if (typeof hybrid === 'number' && Number.isInteger(hybrid) && hybrid >= 0) {
    const stream = readXrefStream(data, hybrid + shift, shift);
    for (const [num, entry] of stream.entries) {
      const own = entries.get(num);
      if (!own || own.type === 'free') entries.set(num, entry);
    }
    section.hybridStreamPosition = hybrid + shift;
  }
  return section;
}

/**
 * The standard 20-byte entry `oooooooooo ggggg n` read directly: a table of a large document
 * has thousands of them, and tokenizing each costs several string allocations.
 */
function readFixedEntry(data: Buffer, parser: PdfParser): [number, number, string] | undefined {
  parser.skipWhitespaceAndComments();
  const at = parser.pos;
  if (at + 18 > data.length || data[at + 10] !== 0x20 || data[at + 16] !== 0x20) return undefined;
  const kind = data[at + 17];
  if ((kind !== 0x6e && kind !== 0x66) || !isPdfWhitespace(data[at + 18] ?? 0x20)) {
    return undefined;
  }
  let offset = 0;
  for (let i = at; i < at + 10; i++) {
    const digit = data[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    offset = offset * 10 + digit;
  }
  let gen = 0;
  for (let i = at + 11; i < at + 16; i++) {
    const digit = data[i]! - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    gen = gen * 10 + digit;
  }
  parser.pos = at + 18;
  return [offset, gen, kind === 0x6e ? 'n' : 'f'];
}

function readXrefStream(data: Buffer, position: number, shift: number): XrefSection {
  let stream: PdfValue;
  try {
    stream = new PdfParser(data, position).readIndirectObject().value;
  } catch (error) {
    throw xrefError(`no cross-reference table or stream at byte ${position}`, error);
  }
  if (!(stream instanceof PdfStream) || stream.dict.nameOf('Type') !== 'XRef') {
    throw xrefError(`the object at byte ${position} is not a cross-reference stream`);
  }
  const dict = stream.dict;
  const widths = dict.get('W');
  if (
    !Array.isArray(widths) ||
    widths.length < 3 ||
    !widths.every((w) => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 8)
  ) {
    throw xrefError(`the xref stream at byte ${position} has no valid /W`);
  }
  const [w1, w2, w3] = widths as number[];
  const rowLength = w1! + w2! + w3!;
  if (rowLength === 0) throw xrefError(`the xref stream at byte ${position} has an empty /W`);

  const size = dict.get('Size');
  let index = dict.get('Index');
  if (index === undefined) index = [0, typeof size === 'number' ? size : 0];
  if (
    !Array.isArray(index) ||
    index.length % 2 !== 0 ||
    !index.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  ) {
    throw xrefError(`the xref stream at byte ${position} has an invalid /Index`);
  }

  let rows: Buffer;
  try {
    rows = decodePdfStream(stream);
  } catch (error) {
    throw xrefError(`the xref stream at byte ${position} cannot be decoded`, error);
  }

  const entries = new Map<number, XrefEntry>();
  let at = 0;
  const field = (width: number, fallback: number): number => {
    if (width === 0) return fallback;
    let value = 0;
    // Multiplication rather than shifts: offsets may exceed 32 bits.
    for (let i = 0; i < width; i++) value = value * 256 + rows[at++]!;
    return value;
  };
  outer: for (let i = 0; i < index.length; i += 2) {
    const first = index[i] as number;
    const count = index[i + 1] as number;
    for (let j = 0; j < count; j++) {
      if (at + rowLength > rows.length) break outer; // fewer rows than /Index claims
      const type = field(w1!, 1);
      const second = field(w2!, 0);
      const third = field(w3!, 0);
      const num = first + j;
      if (type === 0) entries.set(num, { type: 'free' });
      else if (type === 1) entries.set(num, { type: 'offset', offset: second + shift, gen: third });
      else if (type === 2)
        entries.set(num, { type: 'compressed', streamNum: second, index: third });
      // Other types are reserved and read as the null object (§7.5.8.3): no entry.
    }
  }
  return { kind: 'stream', position, trailer: dict, entries };
}
