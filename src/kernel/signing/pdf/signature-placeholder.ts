/**
 * The PDF side of a PAdES signature (§12.8, ETSI EN 319 142-1): one incremental update that
 * adds a signature dictionary with a zero-filled /Contents placeholder and an exact /ByteRange,
 * a signature field whose widget sits on a page, and the AcroForm entries that make readers
 * list it. The CMS is made afterwards over the covered bytes and written into the placeholder
 * without moving any byte, so the /ByteRange stays true.
 *
 * No /Perms (DocMDP) entry is written: a certification signature would forbid the agency
 * seal and the attachment signatures that follow the signer's.
 */
import { createHash, type Hash } from 'node:crypto';
import { byteRangeContent, updateHashWithByteRange } from './byte-range';
import {
  appendIncrementalUpdate,
  createObjectAllocator,
  type PdfObjectWrite,
} from './pdf-incremental';
import { PdfReader, type PdfBox } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { serializePdfValue, valueObjectBody } from './pdf-serialize';
import { PdfDict, PdfName, PdfRef, PdfString, pdfDict, type PdfValue } from './pdf-values';
import { decodePdfText, encodePdfText, formatPdfDate } from './pdf-text';

export type PdfSignatureSubFilter = 'ETSI.CAdES.detached' | 'adbe.pkcs7.detached';

export interface PdfAppearanceContext {
  /** Width and height of the page's visible box (CropBox, else MediaBox), unrotated. */
  pageWidth: number;
  pageHeight: number;
  /** The visible box in default user space; a widget /Rect is in the same coordinates. */
  pageBox: PdfBox;
  /** The page's /Rotate (0, 90, 180, 270): the appearance must counter-rotate to look upright. */
  rotate: number;
  /** A new object number for each object the appearance writes. */
  allocate: () => number;
}

export interface PdfSignatureAppearance {
  /** The widget rectangle in default user space. */
  rect: [number, number, number, number];
  /** Objects to write (Form XObjects, fonts, images), numbered with `allocate`. */
  objects: { num: number; body: Buffer }[];
  /** The Form XObject to use as the widget's normal appearance (/AP /N). */
  normalAppearance: number;
}

export interface PdfSignatureOptions {
  /** The time claimed in /M (the trusted time, if any, comes from a timestamp in the CMS). */
  signingTime: Date;
  /** Minutes east of UTC for /M; default +07:00 (Vietnam). */
  timeZoneOffsetMinutes?: number;
  /** Default ETSI.CAdES.detached (PAdES); adbe.pkcs7.detached for older verifiers. */
  subFilter?: PdfSignatureSubFilter;
  /** 0-based page that carries the widget; default 0. */
  pageIndex?: number;
  /** Field name; made unique with a suffix if the form already has it. Default SignatureN. */
  fieldName?: string;
  name?: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Bytes reserved for the DER signature; default 16384 (32768 hex digits in the file). */
  contentsSize?: number;
  /** Draws a visible signature; without it the widget is invisible (/Rect [0 0 0 0]). */
  appearance?: (context: PdfAppearanceContext) => PdfSignatureAppearance;
  /**
   * More places the same signature shows itself, each a widget of the one signature field
   * (its /Kids): how the agency's seal also writes the number and the date into the places
   * the document left for them, inside the bytes it signs.
   */
  extraWidgets?: readonly PdfExtraWidget[];
}

export interface PdfExtraWidget {
  /** 0-based page of this widget. */
  pageIndex: number;
  appearance: (context: PdfAppearanceContext) => PdfSignatureAppearance;
}

export interface PreparedPdfSignature {
  /** The document with the update; the signature is later written into it in place. */
  bytes: Buffer;
  byteRange: [number, number, number, number];
  /** Position of the first hex digit of /Contents (just after its `<`). */
  contentsHexOffset: number;
  /** Number of hex digits reserved: twice the bytes available for the DER signature. */
  contentsHexLength: number;
}

const DEFAULT_CONTENTS_SIZE = 16_384;
const VIETNAM_OFFSET_MINUTES = 7 * 60;
/** Annotation flags Print (4) and Locked (128): printed, and not movable by the user. */
const WIDGET_FLAGS = 132;
/** SignaturesExist (1) and AppendOnly (2): readers must save with incremental updates. */
const SIG_FLAGS = 3;
/** Four numbers of up to 10 digits each and their separators: files up to ~9.3 GB. */
const BYTE_RANGE_WIDTH = 4 * 10 + 3;

export function preparePdfSignature(
  pdf: Buffer,
  options: PdfSignatureOptions,
): PreparedPdfSignature {
  const contentsSize = options.contentsSize ?? DEFAULT_CONTENTS_SIZE;
  if (!Number.isInteger(contentsSize) || contentsSize < 1 || contentsSize > 1_048_576) {
    throw new PdfStructureError('invalid-request', 'contentsSize must be 1 byte to 1 MiB');
  }
  const reader = new PdfReader(pdf);
  refuseIfCertifiedWithoutChanges(reader);
  const page = reader.page(options.pageIndex ?? 0);
  const allocated = new Set<number>();
  const nextNumber = createObjectAllocator(reader);
  const allocate = (): number => {
    const num = nextNumber();
    allocated.add(num);
    return num;
  };
  const sigNum = allocate();
  const extras = options.extraWidgets ?? [];
  // One widget: the field and its widget are one dictionary. Several: a field with kids,
  // written without /Parent: poppler (pdfsig) reads a kid that has one as a separate,
  // unsigned field; Acrobat and our verifier find the kids from the field's /Kids.
  const fieldNum = extras.length > 0 ? allocate() : null;
  const widgetNum = allocate();
  const widgetRef = new PdfRef(widgetNum, 0);
  const fieldRef = fieldNum === null ? widgetRef : new PdfRef(fieldNum, 0);
  const writes: PdfObjectWrite[] = [];

  const form = formUpdate(reader, allocate, fieldRef);
  const fieldEntries = {
    FT: PdfName.of('Sig'),
    T: encodePdfText(uniqueFieldName(reader, form.existingFields, options.fieldName)),
    V: new PdfRef(sigNum, 0),
  };
  const widgetOn = (pageRef: PdfRef) =>
    pdfDict({
      Type: PdfName.of('Annot'),
      Subtype: PdfName.of('Widget'),
      ...(fieldNum === null ? fieldEntries : {}),
      F: WIDGET_FLAGS,
      P: pageRef,
      Rect: [0, 0, 0, 0],
    });
  const draw = (
    widget: PdfDict,
    target: ReturnType<PdfReader['page']>,
    appearanceOf: NonNullable<PdfSignatureOptions['appearance']>,
  ) => {
    const box = target.cropBox;
    const appearance = appearanceOf({
      pageWidth: box[2] - box[0],
      pageHeight: box[3] - box[1],
      pageBox: box,
      rotate: target.rotate,
      allocate,
    });
    checkAppearance(appearance, allocated);
    widget.set('Rect', appearance.rect);
    widget.set('AP', pdfDict({ N: new PdfRef(appearance.normalAppearance, 0) }));
    for (const object of appearance.objects) writes.push({ num: object.num, body: object.body });
  };
  const widget = widgetOn(page.ref);
  if (options.appearance) draw(widget, page, options.appearance);
  writes.push({ num: widgetNum, body: valueObjectBody(widget) });
  const widgetsByPage = new Map<number, { page: typeof page; refs: PdfRef[] }>([
    [page.ref.num, { page, refs: [widgetRef] }],
  ]);
  for (const extra of extras) {
    const target = reader.page(extra.pageIndex);
    const num = allocate();
    const kid = widgetOn(target.ref);
    draw(kid, target, extra.appearance);
    writes.push({ num, body: valueObjectBody(kid) });
    const entry = widgetsByPage.get(target.ref.num) ?? { page: target, refs: [] };
    entry.refs.push(new PdfRef(num, 0));
    widgetsByPage.set(target.ref.num, entry);
  }
  if (fieldNum !== null) {
    const kids = [...widgetsByPage.values()].flatMap((entry) => entry.refs);
    writes.push({ num: fieldNum, body: valueObjectBody(pdfDict({ ...fieldEntries, Kids: kids })) });
  }

  const signature = signatureDictionary(options, contentsSize);
  writes.push({ num: sigNum, body: signature.body });
  for (const entry of widgetsByPage.values()) {
    writes.push(...annotsUpdate(reader, entry.page.ref, entry.page.dict, entry.refs));
  }
  writes.push(...form.writes);

  const update = appendIncrementalUpdate(reader, writes);
  const bytes = update.bytes;
  const sigBody = update.bodyOffsets.get(sigNum)!;
  const contentsStart = sigBody + signature.contentsAt;
  const contentsEnd = contentsStart + 2 + 2 * contentsSize;
  const byteRange: [number, number, number, number] = [
    0,
    contentsStart,
    contentsEnd,
    bytes.length - contentsEnd,
  ];
  const rangeText = byteRange.join(' ');
  if (rangeText.length > BYTE_RANGE_WIDTH) {
    throw new PdfStructureError('unsupported', 'the document is too large for a /ByteRange');
  }
  // Same width as the placeholder, so no byte after it moves.
  bytes.write(rangeText.padEnd(BYTE_RANGE_WIDTH, ' '), sigBody + signature.byteRangeAt, 'latin1');
  return {
    bytes,
    byteRange,
    contentsHexOffset: contentsStart + 1,
    contentsHexLength: 2 * contentsSize,
  };
}

/**
 * Writes the DER-encoded CMS into the placeholder, in place: `prepared.bytes` is returned,
 * now signed. The rest of the placeholder stays zeros, which DER readers ignore as padding.
 */
export function embedPdfSignature(prepared: PreparedPdfSignature, cmsDer: Buffer): Buffer {
  const hexLength = cmsDer.length * 2;
  if (hexLength > prepared.contentsHexLength) {
    throw new PdfStructureError(
      'invalid-request',
      `the signature is ${cmsDer.length} bytes but only ${prepared.contentsHexLength / 2} were ` +
        'reserved; prepare again with a larger contentsSize',
    );
  }
  prepared.bytes.write(cmsDer.toString('hex'), prepared.contentsHexOffset, hexLength, 'latin1');
  return prepared.bytes;
}

/** Feeds the bytes the signature will cover into `hash` without copying the document. */
export function hashPdfSignedBytes(prepared: PreparedPdfSignature, hash?: Hash): Hash {
  return updateHashWithByteRange(hash ?? createHash('sha256'), prepared.bytes, prepared.byteRange);
}

/** The bytes the signature will cover, as one (copied) Buffer, for signers that need them. */
export function pdfSignedBytes(prepared: PreparedPdfSignature): Buffer {
  return byteRangeContent(prepared.bytes, prepared.byteRange);
}

function signatureDictionary(
  options: PdfSignatureOptions,
  contentsSize: number,
): { body: Buffer; byteRangeAt: number; contentsAt: number } {
  const subFilter = options.subFilter ?? 'ETSI.CAdES.detached';
  if (subFilter !== 'ETSI.CAdES.detached' && subFilter !== 'adbe.pkcs7.detached') {
    throw new PdfStructureError('invalid-request', `unknown /SubFilter ${String(subFilter)}`);
  }
  const time = options.signingTime;
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) {
    throw new PdfStructureError('invalid-request', 'signingTime must be a valid Date');
  }
  const offset = options.timeZoneOffsetMinutes ?? VIETNAM_OFFSET_MINUTES;
  let head = `<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/${subFilter}/M (${formatPdfDate(time, offset)})`;
  const texts: [string, string | undefined][] = [
    ['Name', options.name],
    ['Reason', options.reason],
    ['Location', options.location],
    ['ContactInfo', options.contactInfo],
  ];
  for (const [key, text] of texts) {
    if (text !== undefined) head += `/${key} ${serializePdfValue(encodePdfText(text))}`;
  }
  head += '/ByteRange [';
  const byteRangeAt = head.length;
  // A parseable placeholder of the final width: readers that open the unsigned file cope.
  head += `0 ${'0'.repeat(10)} ${'0'.repeat(10)} ${'0'.repeat(10)}`.padEnd(BYTE_RANGE_WIDTH, ' ');
  head += ']/Contents ';
  const contentsAt = head.length;
  const body = Buffer.concat([
    Buffer.from(`${head}<`, 'latin1'),
    Buffer.alloc(2 * contentsSize, 0x30),
    Buffer.from('>>>', 'latin1'),
  ]);
  return { body, byteRangeAt, contentsAt };
}

/**
 * A document certified with DocMDP permission 1 (§12.8.2.2) forbids any change, a signature
 * included: signing it anyway would leave the certification broken in every reader.
 */
function refuseIfCertifiedWithoutChanges(reader: PdfReader): void {
  const perms = reader.resolveDict(reader.catalog().get('Perms'));
  const certification = reader.resolveDict(perms?.get('DocMDP'));
  if (!certification) return;
  for (const reference of reader.resolveArray(certification.get('Reference')) ?? []) {
    const params = reader.resolveDict(reader.resolveDict(reference)?.get('TransformParams'));
    if (reader.resolveNumber(params?.get('P')) === 1) {
      throw new PdfStructureError(
        'unsupported',
        'the document is certified with no changes allowed (DocMDP P=1); it cannot be signed',
      );
    }
  }
}

function checkAppearance(appearance: PdfSignatureAppearance, allocated: Set<number>): void {
  const { rect, objects, normalAppearance } = appearance;
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((n) => Number.isFinite(n))) {
    throw new PdfStructureError('invalid-request', 'the appearance /Rect needs four numbers');
  }
  for (const object of objects) {
    // Only numbers handed out by `allocate`: an appearance must not overwrite the document.
    if (!allocated.has(object.num)) {
      throw new PdfStructureError(
        'invalid-request',
        `appearance object ${object.num} was not allocated for this signature`,
      );
    }
  }
  if (!objects.some((object) => object.num === normalAppearance)) {
    throw new PdfStructureError('invalid-request', 'the normal appearance object is not written');
  }
}

/** The page's /Annots with the widgets added: the array object if indirect, else the page. */
function annotsUpdate(
  reader: PdfReader,
  pageRef: PdfRef,
  pageDict: PdfDict,
  widgetRefs: readonly PdfRef[],
): PdfObjectWrite[] {
  const annots = pageDict.get('Annots');
  if (annots instanceof PdfRef) {
    const array = reader.resolveArray(annots);
    if (array) {
      return [
        { num: annots.num, gen: annots.gen, body: valueObjectBody([...array, ...widgetRefs]) },
      ];
    }
  }
  const existing = Array.isArray(annots) ? annots : [];
  const page = pageDict.clone().set('Annots', [...existing, ...widgetRefs]);
  return [{ num: pageRef.num, gen: pageRef.gen, body: valueObjectBody(page) }];
}

interface FormUpdate {
  writes: PdfObjectWrite[];
  existingFields: PdfValue[];
}

/**
 * Adds the field to the AcroForm's /Fields and sets /SigFlags, rewriting only what holds the
 * change: the /Fields array object if it is indirect, the AcroForm object if it is indirect,
 * the catalog if the AcroForm is inline or has to be created.
 */
function formUpdate(reader: PdfReader, allocate: () => number, widgetRef: PdfRef): FormUpdate {
  const writes: PdfObjectWrite[] = [];
  const catalog = reader.catalog();
  const acroValue = catalog.get('AcroForm');
  const acroRef = acroValue instanceof PdfRef ? acroValue : undefined;
  const existingForm = reader.resolveDict(acroValue);
  const form = existingForm ? existingForm.clone() : new PdfDict();
  let formChanged = false;

  const fieldsValue = form.get('Fields');
  const existingFields = reader.resolveArray(fieldsValue) ?? [];
  if (fieldsValue instanceof PdfRef && reader.resolveArray(fieldsValue)) {
    writes.push({
      num: fieldsValue.num,
      gen: fieldsValue.gen,
      body: valueObjectBody([...existingFields, widgetRef]),
    });
  } else {
    form.set('Fields', [...existingFields, widgetRef]);
    formChanged = true;
  }
  const flags = reader.resolveNumber(form.get('SigFlags'));
  const newFlags = (Number.isInteger(flags) ? flags! : 0) | SIG_FLAGS;
  if (newFlags !== flags) {
    form.set('SigFlags', newFlags);
    formChanged = true;
  }

  if (acroRef && existingForm) {
    if (formChanged)
      writes.push({ num: acroRef.num, gen: acroRef.gen, body: valueObjectBody(form) });
  } else {
    let formValue: PdfValue = form;
    if (!existingForm) {
      const formNum = allocate();
      writes.push({ num: formNum, body: valueObjectBody(form) });
      formValue = new PdfRef(formNum, 0);
    }
    const root = reader.rootRef;
    const newCatalog = catalog.clone().set('AcroForm', formValue);
    writes.push({ num: root.num, gen: root.gen, body: valueObjectBody(newCatalog) });
  }
  return { writes, existingFields };
}

/** A field name no top-level field has yet; periods would split it into a hierarchy. */
function uniqueFieldName(reader: PdfReader, fields: PdfValue[], wanted?: string): string {
  const taken = new Set<string>();
  for (const field of fields) {
    const title = reader.resolve(reader.resolveDict(field)?.get('T'));
    if (title instanceof PdfString) taken.add(decodePdfText(title.bytes));
  }
  if (wanted === undefined || wanted === '') {
    let n = 1;
    while (taken.has(`Signature${n}`)) n++;
    return `Signature${n}`;
  }
  const base = wanted.replaceAll('.', '_');
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}
