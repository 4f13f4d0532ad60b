/**
 * Finds the signatures of a PDF for a verifier: each signature field of the AcroForm with its
 * signature dictionary, the CMS bytes, the claims the dictionary makes (/M, /Name, /Reason…),
 * whether its /ByteRange is sane, and what the revisions after it changed. The cryptographic
 * check of the CMS is not done here; `digestSignedRange` gives it the document digest.
 *
 * A broken signature is reported with its problems rather than thrown, so that one bad field
 * does not hide the others; a file whose structure cannot be read at all still throws
 * PdfStructureError.
 */
import { digestByteRange, updateHashWithByteRange } from './byte-range';
import { PdfReader, type PdfBox } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { isPdfWhitespace } from './pdf-lexical';
import { PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from './pdf-values';
import { decodePdfText, parsePdfDate } from './pdf-text';
import { laterRevisions, type PdfLaterRevision } from './revision-changes';
import type { Hash } from 'node:crypto';

export interface PdfSignatureInfo {
  /** Fully qualified field name (parent names joined with periods). */
  fieldName: string;
  /** As written; null when missing or not an array of numbers. */
  byteRange: number[] | null;
  /** The DER-encoded CMS, without the zero padding of the placeholder. */
  contents: Buffer;
  filter: string | null;
  subFilter: string | null;
  /** /M: the signer's own claim of time, not a trusted time. */
  signingTimeClaimed: Date | null;
  name: string | null;
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  /** Where the signed revision ends: byteRange[2] + byteRange[3]. */
  revisionEnd: number | null;
  coversWholeFile: boolean;
  /** 0-based page of the widget, when the widget names its page (/P). */
  pageIndex: number | null;
  rect: PdfBox | null;
  /** Why the signature cannot be trusted structurally; empty when the structure is sound. */
  problems: string[];
  /** The incremental updates after the signed revision, oldest first. */
  laterRevisions: PdfLaterRevision[];
  /** True when every later change only added signatures, their fields and validation data. */
  laterChangesAllowed: boolean;
}

const MAX_FIELD_DEPTH = 32;

export function findPdfSignatures(pdf: Buffer): PdfSignatureInfo[] {
  const reader = new PdfReader(pdf);
  const revisionReaders = new Map<number, PdfReader>([[pdf.length, reader]]);
  const readerAt = (end: number): PdfReader => {
    let cut = revisionReaders.get(end);
    if (!cut) {
      cut = new PdfReader(pdf.subarray(0, end));
      revisionReaders.set(end, cut);
    }
    return cut;
  };
  return signatureFields(reader).map((field) => describeSignature(reader, field, readerAt));
}

interface SignatureField {
  name: string;
  /** The signature dictionary's reference (it must be indirect to have a span in the file). */
  valueRef: PdfValue;
  widget: PdfDict | undefined;
}

/** Walks the field tree; /FT is inheritable, names are qualified by the parents' /T. */
function signatureFields(reader: PdfReader): SignatureField[] {
  const form = reader.acroForm();
  const found: SignatureField[] = [];
  const seen = new Set<number>();
  const visit = (
    value: PdfValue,
    parentName: string,
    parentType: string | undefined,
    depth: number,
  ) => {
    if (depth > MAX_FIELD_DEPTH) return;
    if (value instanceof PdfRef) {
      if (seen.has(value.num)) return;
      seen.add(value.num);
    }
    const field = reader.resolveDict(value);
    if (!field) return;
    const title = reader.resolve(field.get('T'));
    const partial = title instanceof PdfString ? decodePdfText(title.bytes) : undefined;
    const name =
      partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const fieldType = field.nameOf('FT') ?? parentType;
    const kids = reader.resolveArray(field.get('Kids')) ?? [];
    // Kids with a /T are fields; kids without are this field's widgets.
    const childFields = kids.filter((kid) => reader.resolveDict(kid)?.has('T'));
    for (const kid of childFields) visit(kid, name, fieldType, depth + 1);
    if (fieldType !== 'Sig' || childFields.length > 0) return;
    const signatureValue = field.get('V');
    if (!reader.resolveDict(signatureValue)) return; // an empty signature field: not signed
    const widget = field.has('Rect') ? field : reader.resolveDict(kids[0]);
    found.push({ name, valueRef: signatureValue!, widget });
  };
  for (const field of reader.resolveArray(form?.get('Fields')) ?? [])
    visit(field, '', undefined, 0);
  return found;
}

function describeSignature(
  reader: PdfReader,
  field: SignatureField,
  readerAt: (end: number) => PdfReader,
): PdfSignatureInfo {
  const pdf = reader.bytes;
  const problems: string[] = [];
  const signature = reader.resolveDict(field.valueRef)!;

  const contentsValue = signature.get('Contents');
  let contents: Buffer = Buffer.alloc(0);
  if (contentsValue instanceof PdfString) contents = derPrefix(contentsValue);
  else problems.push('/Contents is missing or not a direct string');

  const byteRange = readByteRange(reader, signature.get('ByteRange'));
  let revisionEnd: number | null = null;
  if (!byteRange) {
    problems.push('/ByteRange is missing or not an array of non-negative integers');
  } else {
    revisionEnd = byteRange.length === 4 ? byteRange[2]! + byteRange[3]! : null;
    problems.push(...byteRangeProblems(reader, field.valueRef, byteRange, contentsValue));
  }
  const coversWholeFile = revisionEnd === pdf.length;

  let later: PdfLaterRevision[] = [];
  let laterChangesAllowed = true;
  if (revisionEnd !== null && revisionEnd < pdf.length && problems.length === 0) {
    try {
      later = laterRevisions(reader, revisionEnd, readerAt);
      laterChangesAllowed = later.every((revision) => revision.allowed);
      if (later.length === 0 && !onlyWhitespace(pdf, revisionEnd)) {
        laterChangesAllowed = false;
        problems.push('bytes follow the signed revision without being an incremental update');
      }
    } catch (error) {
      if (!(error instanceof PdfStructureError)) throw error;
      laterChangesAllowed = false;
      problems.push(`the later revisions cannot be read: ${error.message}`);
    }
  }

  const widget = field.widget;
  const page = widget?.get('P');
  const rect = readRect(reader, widget?.get('Rect'));
  const info = {
    fieldName: field.name,
    byteRange,
    contents,
    filter: nameEntry(reader, signature, 'Filter'),
    subFilter: nameEntry(reader, signature, 'SubFilter'),
    signingTimeClaimed: parseDateText(textEntry(reader, signature, 'M')),
    name: textEntry(reader, signature, 'Name'),
    reason: textEntry(reader, signature, 'Reason'),
    location: textEntry(reader, signature, 'Location'),
    contactInfo: textEntry(reader, signature, 'ContactInfo'),
    revisionEnd,
    coversWholeFile,
  };
  const lookup: PageLookup = { reader, num: page instanceof PdfRef ? page.num : null };
  Object.defineProperty(info, PAGE_LOOKUP, { value: lookup });
  Object.defineProperty(info, 'pageIndex', PAGE_INDEX);
  // Added after pageIndex, so that the properties keep the order of the interface.
  return Object.assign(info, {
    rect,
    problems,
    laterRevisions: later,
    laterChangesAllowed,
  } satisfies Omit<PdfSignatureInfo, keyof typeof info | 'pageIndex'>) as PdfSignatureInfo;
}

/** What a description's page index is looked up from; a non-enumerable property of it. */
const PAGE_LOOKUP = Symbol('pageLookup');

interface PageLookup {
  reader: PdfReader;
  /** The object number of the widget's /P, if it names one. */
  num: number | null;
  /** Undefined until looked up. */
  index?: number | null;
}

/**
 * A description's `pageIndex`, looked up when asked for: a page's index comes from walking the
 * page tree, often in a compressed object stream that checking the signature itself never has
 * to open. It is an own enumerable property like the others, but one getter serves every
 * description. A getter written in the object literal made V8 build each description as a
 * slow (dictionary-mode) object holding a new closure over the reader, and a good part of
 * every verification's garbage then survived young-generation collections into the old
 * generation: the GC took four times longer, some 15% of the verification.
 */
const PAGE_INDEX: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [PAGE_LOOKUP]: PageLookup }): number | null {
    const lookup = this[PAGE_LOOKUP];
    if (lookup.index === undefined) {
      lookup.index = lookup.num === null ? null : pageIndexOrNull(lookup.reader, lookup.num);
    }
    return lookup.index;
  },
};

function textEntry(reader: PdfReader, dict: PdfDict, key: string): string | null {
  const value = reader.resolve(dict.get(key));
  return value instanceof PdfString ? decodePdfText(value.bytes) : null;
}

function nameEntry(reader: PdfReader, dict: PdfDict, key: string): string | null {
  const value = reader.resolve(dict.get(key));
  return value instanceof PdfName ? value.name : null;
}

/** Where the widget sits is information, not integrity: a broken page tree only loses it. */
function pageIndexOrNull(reader: PdfReader, num: number): number | null {
  try {
    return reader.pageIndexOf(num) ?? null;
  } catch (error) {
    if (error instanceof PdfStructureError) return null;
    throw error;
  }
}

function parseDateText(text: string | null): Date | null {
  return text === null ? null : parsePdfDate(text);
}

function readByteRange(reader: PdfReader, value: PdfValue | undefined): number[] | null {
  const array = reader.resolveArray(value);
  if (!array) return null;
  const numbers = array.map((item) => reader.resolve(item));
  if (!numbers.every((n): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
    return null;
  }
  return numbers;
}

/**
 * The checks that make a /ByteRange mean "this revision, except the signature": two ranges,
 * the first from byte 0, both inside the file, and the gap between them exactly the /Contents
 * hex string of this signature dictionary, angle brackets included (§12.8.1).
 */
function byteRangeProblems(
  reader: PdfReader,
  signatureRef: PdfValue,
  byteRange: number[],
  contents: PdfValue | undefined,
): string[] {
  const pdf = reader.bytes;
  if (byteRange.length !== 4) return ['/ByteRange does not have exactly two ranges'];
  const [start, firstLength, gapEnd, secondLength] = byteRange as [number, number, number, number];
  const problems: string[] = [];
  if (start !== 0) problems.push('/ByteRange does not start at the beginning of the file');
  if (gapEnd <= firstLength) problems.push('/ByteRange ranges overlap or are out of order');
  if (gapEnd + secondLength > pdf.length) problems.push('/ByteRange reaches beyond the file');
  if (problems.length > 0) return problems;

  const span = signatureRef instanceof PdfRef ? reader.objectSpan(signatureRef.num) : undefined;
  if (!span) return ['the signature dictionary is not an indirect object stored uncompressed'];
  if (firstLength <= span.start || gapEnd > span.end) {
    return ['the /ByteRange gap is not inside the signature dictionary'];
  }
  // The parser knows where this dictionary's /Contents string starts; the gap must start
  // there (not at another string of the same length) and span exactly its hex digits.
  if (
    !(contents instanceof PdfString) ||
    contents.sourceOffset !== firstLength ||
    contents.sourceEnd !== gapEnd ||
    pdf[firstLength] !== 0x3c ||
    pdf[gapEnd - 1] !== 0x3e
  ) {
    return ['the /ByteRange gap is not exactly the /Contents hex string'];
  }
  return [];
}

/**
 * The DER value at the start of a zero-padded placeholder: its length is in its header, so
 * only that much of the (lazily decoded) hex string is decoded.
 */
function derPrefix(contents: PdfString): Buffer {
  const header = contents.head(6);
  const tag = header[0];
  const first = header[1];
  if (tag === 0x30 && first !== undefined) {
    if (first < 0x80) return contents.head(2 + first);
    const lengthBytes = first & 0x7f;
    if (lengthBytes > 0 && lengthBytes <= 4 && header.length >= 2 + lengthBytes) {
      let length = 0;
      for (let i = 0; i < lengthBytes; i++) length = length * 256 + header[2 + i]!;
      return contents.head(2 + lengthBytes + length);
    }
  }
  // Not definite-length DER (BER indefinite length, or garbage): trim the zero padding, but
  // keep an end-of-contents marker (two zero bytes) that the trim would have eaten.
  const bytes = contents.bytes;
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, Math.min(bytes.length, end + (first === 0x80 ? 2 : 0)));
}

function readRect(reader: PdfReader, value: PdfValue | undefined): PdfBox | null {
  const array = reader.resolveArray(value);
  if (!array || array.length !== 4) return null;
  const numbers = array.map((item) => reader.resolve(item));
  if (!numbers.every((n): n is number => typeof n === 'number')) return null;
  return numbers as PdfBox;
}

function onlyWhitespace(pdf: Buffer, from: number): boolean {
  for (let i = from; i < pdf.length; i++) if (!isPdfWhitespace(pdf[i])) return false;
  return true;
}

/** Feeds a signature's covered bytes into `hash` without copying the file. */
export function hashSignedRange(pdf: Buffer, signature: PdfSignatureInfo, hash: Hash): Hash {
  if (!signature.byteRange) {
    throw new PdfStructureError('bad-object', 'the signature has no usable /ByteRange');
  }
  return updateHashWithByteRange(hash, pdf, signature.byteRange);
}

/** The digest of a signature's covered bytes, e.g. `digestSignedRange(pdf, sig, 'sha256')`. */
export function digestSignedRange(
  pdf: Buffer,
  signature: PdfSignatureInfo,
  algorithm: string,
): Buffer {
  if (!signature.byteRange) {
    throw new PdfStructureError('bad-object', 'the signature has no usable /ByteRange');
  }
  return digestByteRange(pdf, signature.byteRange, algorithm);
}
