/**
 * PDF object syntax (ISO 32000-1:2008 §7.3): a parser that reads one value or one indirect
 * object at a given offset of a Buffer. Signing only ever touches a handful of objects of a
 * document, so the parser works on demand at an offset instead of tokenizing the whole file.
 */
import { CHAR_CLASS, HEX_VALUE, decodeHex, endsToken } from './pdf-lexical';
import { PdfStructureError } from './pdf-structure-error';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-values';

/** Hex strings longer than this are decoded on first use (see PdfString.lazyHex). */
const LAZY_HEX_DIGITS = 512;
/** Deeper nesting than this is not a document but an attempt to exhaust the stack. */
const MAX_DEPTH = 200;

/** Resolves the /Length of a stream when it is an indirect reference. */
export type StreamLengthResolver = (ref: PdfRef) => number | undefined;

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
}

/**
 * Reads values from `data` starting at `pos`. Every syntax problem is a PdfStructureError;
 * every loop advances `pos`, so corrupt input ends in an error, never in a hang.
 */
export class PdfParser {
  pos: number;

  constructor(
    readonly data: Buffer,
    pos = 0,
  ) {
    this.pos = pos;
  }

  private fail(message: string): never {
    throw new PdfStructureError('bad-object', `${message} at byte ${this.pos}`);
  }

  skipWhitespaceAndComments(): void {
    const data = this.data;
    const length = data.length;
    let pos = this.pos;
    while (pos < length) {
      const byte = data[pos]!;
      if (CHAR_CLASS[byte] === 1) {
        pos++;
      } else if (byte === 0x25 /* % */) {
        while (pos < length && data[pos] !== 0x0a && data[pos] !== 0x0d) pos++;
      } else {
        break;
      }
    }
    this.pos = pos;
  }

  /** Reads a run of regular characters (a keyword or number) without interpreting it. */
  readToken(): string {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    while (!endsToken(this.data[this.pos])) this.pos++;
    return this.data.toString('latin1', start, this.pos);
  }

  /** Consumes `keyword` if it is the next token; otherwise leaves the position alone. */
  tryKeyword(keyword: string): boolean {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    const end = start + keyword.length;
    if (end > this.data.length) return false;
    for (let i = 0; i < keyword.length; i++) {
      if (this.data[start + i] !== keyword.charCodeAt(i)) return false;
    }
    if (!endsToken(this.data[end])) return false;
    this.pos = end;
    return true;
  }

  /** Reads an unsigned integer token, or fails. */
  readUnsignedInteger(): number {
    this.skipWhitespaceAndComments();
    const value = this.tryUnsignedInteger();
    if (value === undefined) this.fail('expected an unsigned integer');
    return value;
  }

  /** Reads an unsigned integer if one is next (and restores the position if not). */
  private tryUnsignedInteger(): number | undefined {
    const data = this.data;
    const start = this.pos;
    let pos = start;
    let value = 0;
    while (pos < data.length) {
      const byte = data[pos]!;
      if (byte < 0x30 || byte > 0x39) break;
      value = value * 10 + (byte - 0x30);
      pos++;
    }
    if (pos === start || !endsToken(data[pos])) return undefined;
    this.pos = pos;
    return value;
  }

  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('objects nested too deeply');
    this.skipWhitespaceAndComments();
    const data = this.data;
    const byte = data[this.pos];
    if (byte === undefined) this.fail('unexpected end of data');
    switch (byte) {
      case 0x2f /* / */:
        return this.readName();
      case 0x28 /* ( */:
        return this.readLiteralString();
      case 0x3c /* < */:
        if (data[this.pos + 1] === 0x3c) return this.readDict(depth);
        return this.readHexString();
      case 0x5b /* [ */:
        return this.readArray(depth);
      default:
        break;
    }
    if ((byte >= 0x30 && byte <= 0x39) || byte === 0x2b || byte === 0x2d || byte === 0x2e) {
      return this.readNumberOrRef();
    }
    const start = this.pos;
    const token = this.readToken();
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    this.pos = start;
    this.fail(`unexpected ${token ? `keyword "${token.slice(0, 20)}"` : 'delimiter'}`);
  }

  private readNumberOrRef(): number | PdfRef {
    const start = this.pos;
    const num = this.tryUnsignedInteger();
    if (num !== undefined) {
      // `num gen R` is a reference; anything else leaves `num` as a plain integer.
      const afterNum = this.pos;
      this.skipWhitespaceAndComments();
      const gen = this.tryUnsignedInteger();
      if (gen !== undefined) {
        this.skipWhitespaceAndComments();
        if (this.data[this.pos] === 0x52 /* R */ && endsToken(this.data[this.pos + 1])) {
          this.pos++;
          return new PdfRef(num, gen);
        }
      }
      this.pos = afterNum;
      return num;
    }
    this.pos = start;
    const token = this.readToken();
    // §7.3.3: an optional sign, digits and at most one period; no exponent.
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
      this.pos = start;
      this.fail(`malformed number "${token.slice(0, 20)}"`);
    }
    return Number(token);
  }

  private readName(): PdfName {
    const data = this.data;
    let pos = this.pos + 1;
    const start = pos;
    let escaped = false;
    while (!endsToken(data[pos])) {
      if (data[pos] === 0x23 /* # */) escaped = true;
      pos++;
    }
    this.pos = pos;
    if (!escaped) return PdfName.fromBytes(data, start, pos);
    const bytes: number[] = [];
    for (let i = start; i < pos; i++) {
      const byte = data[i]!;
      const high = HEX_VALUE[data[i + 1] ?? 0]!;
      const low = HEX_VALUE[data[i + 2] ?? 0]!;
      if (byte === 0x23 && i + 2 < pos && high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
      } else {
        bytes.push(byte);
      }
    }
    return PdfName.of(Buffer.from(bytes).toString('latin1'));
  }

  private readLiteralString(): PdfString {
    const data = this.data;
    const opening = this.pos;
    const out: number[] = [];
    let pos = this.pos + 1;
    let depth = 1;
    for (;;) {
      const byte = data[pos];
      if (byte === undefined) this.fail('unterminated literal string');
      pos++;
      if (byte === 0x5c /* \ */) {
        const next = data[pos];
        if (next === undefined) continue;
        pos++;
        switch (next) {
          case 0x6e:
            out.push(0x0a);
            break;
          case 0x72:
            out.push(0x0d);
            break;
          case 0x74:
            out.push(0x09);
            break;
          case 0x62:
            out.push(0x08);
            break;
          case 0x66:
            out.push(0x0c);
            break;
          case 0x0d:
            // A backslash before an end-of-line continues the string on the next line.
            if (data[pos] === 0x0a) pos++;
            break;
          case 0x0a:
            break;
          default:
            if (next >= 0x30 && next <= 0x37) {
              let code = next - 0x30;
              for (let digits = 1; digits < 3; digits++) {
                const octal = data[pos];
                if (octal === undefined || octal < 0x30 || octal > 0x37) break;
                code = code * 8 + (octal - 0x30);
                pos++;
              }
              out.push(code & 0xff);
            } else {
              // \( \) \\ and, per §7.3.4.2, an unknown escape stands for the character itself.
              out.push(next);
            }
        }
      } else if (byte === 0x28) {
        depth++;
        out.push(byte);
      } else if (byte === 0x29) {
        depth--;
        if (depth === 0) break;
        out.push(byte);
      } else if (byte === 0x0d) {
        // An unescaped end-of-line of any kind reads as a single line feed.
        if (data[pos] === 0x0a) pos++;
        out.push(0x0a);
      } else {
        out.push(byte);
      }
    }
    this.pos = pos;
    return new PdfString(Buffer.from(out), opening, pos);
  }

  private readHexString(): PdfString {
    const data = this.data;
    const opening = this.pos;
    const end = data.indexOf(0x3e /* > */, opening + 1);
    if (end < 0) this.fail('unterminated hexadecimal string');
    this.pos = end + 1;
    if (end - opening > LAZY_HEX_DIGITS) return PdfString.lazyHex(data, opening, end + 1);
    return new PdfString(decodeHex(data, opening + 1, end), opening, end + 1);
  }

  private readArray(depth: number): PdfValue[] {
    this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.data[this.pos];
      if (byte === undefined) this.fail('unterminated array');
      if (byte === 0x5d /* ] */) {
        this.pos++;
        return items;
      }
      items.push(this.readValue(depth + 1));
    }
  }

  private readDict(depth: number): PdfDict {
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.data[this.pos];
      if (byte === undefined) this.fail('unterminated dictionary');
      if (byte === 0x3e && this.data[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return dict;
      }
      if (byte !== 0x2f) this.fail('expected a name as dictionary key');
      const key = this.readName();
      dict.set(key.name, this.readValue(depth + 1));
    }
  }

  /**
   * Reads a dictionary but builds only the values of `wanted` keys; the others are skipped
   * without allocating. Walking a page tree needs /Type, /Kids and /Count of many pages whose
   * /Resources and the like are of no interest.
   */
  readShallowDict(wanted: ReadonlySet<string>, stopAtLeafPage = false): PdfDict {
    this.skipWhitespaceAndComments();
    if (this.data[this.pos] !== 0x3c || this.data[this.pos + 1] !== 0x3c) {
      this.fail('expected a dictionary');
    }
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhitespaceAndComments();
      const byte = this.data[this.pos];
      if (byte === undefined) this.fail('unterminated dictionary');
      if (byte === 0x3e && this.data[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return dict;
      }
      if (byte !== 0x2f) {
        // The generation and `R` of a skipped reference, as separate tokens.
        this.skipValue(0);
        continue;
      }
      const key = this.readName();
      if (wanted.has(key.name)) dict.set(key.name, this.readValue(1));
      else this.skipValue(1);
      // Counting the pages before a page only needs to know that a sibling is a leaf; writers
      // put /Type first, so the rest of its (often long) dictionary is never scanned.
      if (stopAtLeafPage && key.name === 'Type' && dict.nameOf('Type') === 'Page') return dict;
    }
  }

  /** Moves past one value (or one token of a reference) without building it. */
  private skipValue(depth: number): void {
    if (depth > MAX_DEPTH) this.fail('objects nested too deeply');
    this.skipWhitespaceAndComments();
    const data = this.data;
    const byte = data[this.pos];
    if (byte === undefined) this.fail('unexpected end of data');
    if (byte === 0x28) {
      this.readLiteralString();
    } else if (byte === 0x3c && data[this.pos + 1] === 0x3c) {
      this.pos += 2;
      for (;;) {
        this.skipWhitespaceAndComments();
        if (data[this.pos] === undefined) this.fail('unterminated dictionary');
        if (data[this.pos] === 0x3e && data[this.pos + 1] === 0x3e) break;
        this.skipValue(depth + 1);
      }
      this.pos += 2;
    } else if (byte === 0x3c) {
      const end = data.indexOf(0x3e, this.pos);
      if (end < 0) this.fail('unterminated hexadecimal string');
      this.pos = end + 1;
    } else if (byte === 0x5b) {
      this.pos++;
      for (;;) {
        this.skipWhitespaceAndComments();
        if (data[this.pos] === undefined) this.fail('unterminated array');
        if (data[this.pos] === 0x5d) break;
        this.skipValue(depth + 1);
      }
      this.pos++;
    } else if (byte === 0x2f) {
      this.pos++;
      while (!endsToken(data[this.pos])) this.pos++;
    } else if (CHAR_CLASS[byte] === 0) {
      while (!endsToken(data[this.pos])) this.pos++;
    } else {
      this.fail('unexpected delimiter');
    }
  }

  /**
   * Reads `num gen obj … endobj` at the current position. A dictionary followed by `stream`
   * becomes a PdfStream whose data length comes from /Length; when /Length is missing, wrong
   * or unresolvable, the data ends at the next `endstream`, as readers commonly tolerate.
   */
  readIndirectObject(resolveLength?: StreamLengthResolver): IndirectObject {
    const num = this.readUnsignedInteger();
    const gen = this.readUnsignedInteger();
    if (!this.tryKeyword('obj')) this.fail('expected "obj"');
    let value = this.readValue();
    if (value instanceof PdfDict && this.tryKeyword('stream')) {
      value = this.readStreamData(value, resolveLength);
    }
    // `endobj` is routinely missing or misspelled in real files; the value is complete anyway.
    this.tryKeyword('endobj');
    return { num, gen, value };
  }

  private readStreamData(dict: PdfDict, resolveLength?: StreamLengthResolver): PdfStream {
    const data = this.data;
    // `stream` is followed by CRLF or LF (§7.3.8.1); a lone CR is tolerated.
    if (data[this.pos] === 0x0d) this.pos++;
    if (data[this.pos] === 0x0a) this.pos++;
    const start = this.pos;
    const declared = dict.get('Length');
    let length: number | undefined;
    if (typeof declared === 'number') length = declared;
    else if (declared instanceof PdfRef && resolveLength) length = resolveLength(declared);
    if (
      length !== undefined &&
      Number.isInteger(length) &&
      length >= 0 &&
      start + length <= data.length
    ) {
      this.pos = start + length;
      if (this.tryKeyword('endstream'))
        return new PdfStream(dict, data.subarray(start, start + length));
    }
    const end = data.indexOf('endstream', start, 'latin1');
    if (end < 0) {
      this.pos = start;
      this.fail('stream without endstream');
    }
    let dataEnd = end;
    if (data[dataEnd - 1] === 0x0a) dataEnd--;
    if (data[dataEnd - 1] === 0x0d) dataEnd--;
    this.pos = end + 'endstream'.length;
    return new PdfStream(dict, data.subarray(start, Math.max(start, dataEnd)));
  }
}
