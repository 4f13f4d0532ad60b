/**
 * The PDF object model (§7.3): names, references, strings, streams, dictionaries, and the
 * structural equality used to compare an object across revisions.
 */
import { decodeHex } from './pdf-lexical';

/** A name object. Its text is the decoded bytes (after `#xx` escapes) as Latin-1. */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();
  /** The same names keyed by a hash of their bytes, so parsing need not build a string. */
  private static readonly byHash = new Map<number, PdfName>();

  private constructor(readonly name: string) {}

  /** Names are interned so that the common ones (/Type, /Page…) are not allocated per parse. */
  static of(name: string): PdfName {
    let known = PdfName.interned.get(name);
    if (!known) {
      known = new PdfName(name);
      // A corrupt file can contain any number of distinct names; only keep short ones.
      if (name.length <= 32 && PdfName.interned.size < 10_000) PdfName.interned.set(name, known);
    }
    return known;
  }

  /**
   * The name whose bytes are `data[start..end)` (no escapes). Names are the most frequent
   * token of a dictionary, and creating a string for each costs more than hashing its bytes.
   */
  static fromBytes(data: Buffer, start: number, end: number): PdfName {
    const length = end - start;
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + data[i]!) | 0;
    const candidate = PdfName.byHash.get(hash);
    if (candidate && candidate.name.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (candidate.name.charCodeAt(i) !== data[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return candidate;
    }
    const name = PdfName.of(data.toString('latin1', start, end));
    if (length <= 32 && PdfName.byHash.size < 10_000) PdfName.byHash.set(hash, name);
    return name;
  }
}

/** An indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string object, literal or hexadecimal, kept as the raw bytes it denotes. */
export class PdfString {
  private decoded: Buffer | undefined;

  constructor(
    bytes: Buffer | undefined,
    /** Where the opening delimiter is in the parsed data (-1 when not parsed). */
    readonly sourceOffset = -1,
    /** Just after the closing delimiter in the parsed data (-1 when not parsed). */
    readonly sourceEnd = -1,
    /** For a long hex string, the data its digits are in, decoded only when needed. */
    private readonly hexSource?: Buffer,
  ) {
    this.decoded = bytes;
  }

  /**
   * A long hex string whose digits are decoded on first use. A signature's /Contents is a
   * 16 KB placeholder of which the CMS uses a fraction; a verifier reads its DER header
   * with `head` and decodes only what the DER length says.
   */
  static lazyHex(data: Buffer, sourceOffset: number, sourceEnd: number): PdfString {
    return new PdfString(undefined, sourceOffset, sourceEnd, data);
  }

  get bytes(): Buffer {
    this.decoded ??= decodeHex(this.hexSource!, this.sourceOffset + 1, this.sourceEnd - 1);
    return this.decoded;
  }

  /** The first `count` bytes (or fewer, if the string is shorter), decoding no more. */
  head(count: number): Buffer {
    if (this.decoded || !this.hexSource) return this.bytes.subarray(0, count);
    const start = this.sourceOffset + 1;
    const end = Math.min(this.sourceEnd - 1, start + 2 * count);
    const part = Buffer.from(this.hexSource.toString('latin1', start, end), 'hex');
    // White-space or a bad digit in that stretch: decode properly.
    return part.length * 2 === end - start ? part : this.bytes.subarray(0, count);
  }
}

/** A stream: its dictionary and its still-encoded data (a view into the source, not a copy). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Buffer,
  ) {}
}

export type PdfValue =
  null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

/**
 * A dictionary. Keys are name texts without the slash. A null value is the same as an absent
 * key (§7.3.7), so null entries are not stored.
 */
export class PdfDict {
  readonly entries = new Map<string, PdfValue>();

  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: PdfValue): this {
    if (value === null) this.entries.delete(key);
    else this.entries.set(key, value);
    return this;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The name text of an entry, when it is a direct name (e.g. `dict.nameOf('Type')`). */
  nameOf(key: string): string | undefined {
    const value = this.entries.get(key);
    return value instanceof PdfName ? value.name : undefined;
  }

  /** A shallow copy, to change a parsed dictionary without touching the cached original. */
  clone(): PdfDict {
    const copy = new PdfDict();
    for (const [key, value] of this.entries) copy.entries.set(key, value);
    return copy;
  }
}

/** Builds a dictionary from a plain object; handy for dictionaries written by this code. */
export function pdfDict(entries: Record<string, PdfValue>): PdfDict {
  const dict = new PdfDict();
  for (const [key, value] of Object.entries(entries)) dict.set(key, value);
  return dict;
}

/** Structural equality, with references compared by number (not followed). */
export function pdfValuesEqual(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString) return b instanceof PdfString && a.bytes.equals(b.bytes);
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => pdfValuesEqual(item, b[i]))
    );
  }
  if (a instanceof PdfDict) {
    if (!(b instanceof PdfDict) || a.entries.size !== b.entries.size) return false;
    for (const [key, value] of a.entries) if (!pdfValuesEqual(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof PdfStream) {
    return b instanceof PdfStream && pdfValuesEqual(a.dict, b.dict) && a.raw.equals(b.raw);
  }
  return false;
}
