/**
 * Distinguished Encoding Rules (X.690), just the part that signatures need.
 *
 * CMS structures are built and read here by hand rather than through an ASN.1 schema library:
 * signing and verifying are benchmarked against bare `crypto.sign`/`crypto.verify`, and a
 * schema-driven encoder costs more than the RSA operation itself. Certificates and CRLs are
 * inserted as the DER bytes they already are; nothing is decoded that is not needed.
 */

export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

/** Universal tags used by CMS and X.509. */
export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** One element: its identifier octet, and where its header and contents lie in `bytes`. */
export interface DerElement {
  readonly bytes: Buffer;
  readonly tag: number;
  /** Offset of the identifier octet. */
  readonly start: number;
  /** Offset of the first content octet. */
  readonly contentStart: number;
  /** Offset just past the last content octet. */
  readonly end: number;
}

/** Reads the element at `offset`; `limit` bounds it (defaults to the buffer's end). */
export function readElement(bytes: Buffer, offset = 0, limit = bytes.length): DerElement {
  if (offset + 2 > limit) throw new DerError('truncated element header');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-octet tags are not used here');
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // 4 octets cover 4 GiB; indefinite lengths (0x80) are BER, not DER.
    if (octets === 0 || octets > 4) throw new DerError('unsupported length encoding');
    if (contentStart + octets > limit) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) throw new DerError('element runs past its container');
  return { bytes, tag, start: offset, contentStart, end };
}

/** The children of a constructed element, in order. */
export function children(element: DerElement): DerElement[] {
  const out: DerElement[] = [];
  let offset = element.contentStart;
  while (offset < element.end) {
    const child = readElement(element.bytes, offset, element.end);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** Reads an element and checks its tag. */
export function expectTag(element: DerElement | undefined, tag: number, what: string): DerElement {
  if (!element || element.tag !== tag) throw new DerError(`expected ${what}`);
  return element;
}

export function contentOf(element: DerElement): Buffer {
  return element.bytes.subarray(element.contentStart, element.end);
}

export function encodingOf(element: DerElement): Buffer {
  return element.bytes.subarray(element.start, element.end);
}

/**
 * Dotted forms already decoded, by their content octets: a CMS message has a dozen OIDs, the
 * same few in every signature, and building the string costs more than looking it up.
 */
const dottedOids = new Map<string, string>();
const MAX_DOTTED_OIDS = 1000;

export function decodeOid(element: DerElement): string {
  const content = contentOf(expectTag(element, TAG.oid, 'an object identifier'));
  if (content.length === 0) throw new DerError('empty object identifier');
  const key = content.toString('latin1');
  let dotted = dottedOids.get(key);
  if (dotted === undefined) {
    dotted = dottedForm(content);
    if (dottedOids.size < MAX_DOTTED_OIDS) dottedOids.set(key, dotted);
  }
  return dotted;
}

function dottedForm(content: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}

/** UTCTime or GeneralizedTime (both in their DER "Z" forms) to a Date. */
export function decodeTime(element: DerElement): Date {
  const text = contentOf(element).toString('latin1');
  let match: RegExpExecArray | null;
  if (element.tag === TAG.utcTime) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) throw new DerError('malformed UTCTime');
    const yy = Number(match[1]);
    // X.509 and CMS: years 50–99 are 19xx, 00–49 are 20xx.
    const year = yy >= 50 ? 1900 + yy : 2000 + yy;
    return new Date(Date.UTC(year, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!));
  }
  if (element.tag === TAG.generalizedTime) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(text);
    if (!match) throw new DerError('malformed GeneralizedTime');
    const ms = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
    return new Date(
      Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!, ms),
    );
  }
  throw new DerError('expected a time');
}

// ---------------------------------------------------------------------------------------------
// Encoding

function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.of(length);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.of(0x80 | octets.length, ...octets);
}

/** An element with the given identifier octet around the concatenated contents. */
export function encode(tag: number, ...contents: Buffer[]): Buffer {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  return Buffer.concat([Buffer.of(tag), lengthOctets(length), ...contents], undefined);
}

export const sequence = (...items: Buffer[]): Buffer => encode(TAG.sequence, ...items);

/** SET OF: DER orders the members by their encodings. */
export function setOf(...items: Buffer[]): Buffer {
  return encode(TAG.set, ...[...items].sort((a, b) => Buffer.compare(a, b)));
}

export const octetString = (value: Buffer): Buffer => encode(TAG.octetString, value);
export const nullValue = (): Buffer => Buffer.of(TAG.null, 0);
export const explicit = (n: number, ...contents: Buffer[]): Buffer => encode(0xa0 | n, ...contents);
/** [n] IMPLICIT over a constructed type (SET OF, SEQUENCE). */
export const implicitConstructed = (n: number, ...contents: Buffer[]): Buffer =>
  encode(0xa0 | n, ...contents);

export function integer(value: number | bigint): Buffer {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  // A set top bit would read as negative; DER prefixes a zero octet.
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.of(0), bytes]);
  return encode(TAG.integer, bytes);
}

const oidCache = new Map<string, Buffer>();

export function oid(dotted: string): Buffer {
  const cached = oidCache.get(dotted);
  if (cached) return cached;
  const parts = dotted.split('.').map(Number);
  if (parts.length < 2 || parts.some((p) => !Number.isInteger(p) || p < 0)) {
    throw new DerError(`bad object identifier ${dotted}`);
  }
  const arcs = [parts[0]! * 40 + parts[1]!, ...parts.slice(2)];
  const bytes: number[] = [];
  for (const arc of arcs) {
    const group: number[] = [];
    let rest = arc;
    do {
      group.unshift(rest % 128);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    for (let i = 0; i < group.length - 1; i++) group[i]! |= 0x80;
    bytes.push(...group);
  }
  const encoded = encode(TAG.oid, Buffer.from(bytes));
  oidCache.set(dotted, encoded);
  return encoded;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** CMS signingTime: UTCTime for 1950–2049 and GeneralizedTime outside (RFC 5652 §11.3). */
export function time(date: Date): Buffer {
  const year = date.getUTCFullYear();
  const rest =
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds()) +
    'Z';
  if (year >= 1950 && year < 2050) {
    return encode(TAG.utcTime, Buffer.from(pad(year % 100) + rest, 'latin1'));
  }
  return encode(TAG.generalizedTime, Buffer.from(pad(year, 4) + rest, 'latin1'));
}
