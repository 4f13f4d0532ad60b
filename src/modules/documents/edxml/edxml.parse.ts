/**
 * Reads a document package produced by any system on the axis into the typed model, refusing
 * with a precise EdxmlError what the standard does not allow. Lenient where axis software
 * differs harmlessly (namespace prefix, layout, element order, empty placeholder elements,
 * extra elements of the edXML namespace such as VPCP's `Direction`), strict where a receiver
 * would otherwise act on a guess (missing or repeated elements, bad dates and codes, damaged or
 * oversized files, manifest and files that do not match).
 *
 * Parsing does not check the signature: call verifyEdxml on the same string first.
 */
import { DEFAULT_MAX_ATTACHMENT_BYTES, decodeBase64 } from './edxml.base64';
import {
  compact,
  isBlank,
  readDate,
  readInt,
  readOrgan,
  readRequiredDate,
  readRequiredInt,
  readResponseFor,
  readStaffInfo,
} from './edxml.common';
import { parseTimestamp } from './edxml.dates';
import { locateEnvelope } from './edxml.envelope';
import { EdxmlError } from './edxml.errors';
import { BODY, MANIFEST } from './edxml.names';
import {
  BUSSINESS_DOC_TYPES,
  PRIORITIES,
  type Attachment,
  type Bussiness,
  type BussinessDocType,
  type EdxmlPackage,
  type MessageHeader,
  type OtherInfo,
  type Priority,
  type SignerInfo,
  type TraceHeader,
} from './edxml.types';
import { parseXml, type Cursor } from './xml-reader';

export interface ParseOptions {
  /** Largest decoded size of one attachment, in bytes. Default 50 MiB. */
  maxAttachmentBytes?: number;
}

export function parseEdxml(xml: string, options: ParseOptions = {}): EdxmlPackage {
  const { envelope, header, attachmentEncoded } = locateEnvelope(parseXml(xml));
  const message = header.optional('MessageHeader');
  if (header.optional('Status') || message?.optional('StatusCode')) {
    throw new EdxmlError('EDXML_NOT_EDXML', { reason: 'this is a status packet; use parseStatus' });
  }
  if (!message)
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${header.path}/MessageHeader` });
  const traceList = header.required('TraceHeaderList');
  return {
    header: readMessageHeader(message),
    traces: traceList.all('TraceHeader').map(readTraceHeader),
    bussiness: readBussiness(traceList.required('Bussiness')),
    attachments: readAttachments(
      envelope.optional(BODY)?.optional(MANIFEST),
      attachmentEncoded,
      options.maxAttachmentBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
    ),
  };
}

const keysOf = (table: object): number[] => Object.keys(table).map(Number);

function readMessageHeader(m: Cursor): MessageHeader {
  const to = m.all('To');
  if (to.length === 0) throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${m.path}/To` });
  const code = m.required('Code');
  const promulgation = m.required('PromulgationInfo');
  const type = m.required('DocumentType');
  const toPlaces = m.optional('ToPlaces');
  return compact({
    from: readOrgan(m.required('From')),
    to: to.map(readOrgan),
    code: {
      codeNumber: code.requiredText('CodeNumber'),
      codeNotation: code.requiredText('CodeNotation'),
    },
    promulgationInfo: {
      place: promulgation.requiredText('Place'),
      promulgationDate: readRequiredDate(promulgation, 'PromulgationDate'),
    },
    documentType: compact({
      type: readRequiredInt(type, 'Type'),
      typeDetail: readInt(type, 'TypeDetail'),
      typeName: type.requiredText('TypeName'),
    }),
    subject: m.requiredText('Subject'),
    content: m.text('Content'),
    signerInfo: readSignerInfo(m.optional('SignerInfo')),
    dueDate: readDate(m, 'DueDate'),
    toPlaces: toPlaces ? texts(toPlaces, 'Place') : [],
    otherInfo: readOtherInfo(m.optional('OtherInfo')),
    // Axis software writes an all-empty ResponseFor when a document answers nothing.
    responseFor: m
      .all('ResponseFor')
      .filter((r) => !isBlank(r))
      .map(readResponseFor),
    steeringType: readInt(m, 'SteeringType'),
    documentId: m.requiredText('DocumentId'),
  });
}

/** The non-empty texts of repeated children, e.g. every `Place` of `ToPlaces`. */
function texts(parent: Cursor, name: string): string[] {
  return parent
    .all(name)
    .map((c) => c.ownText())
    .filter((t) => t !== '');
}

function readSignerInfo(cursor: Cursor | undefined): SignerInfo | undefined {
  if (!cursor || isBlank(cursor)) return undefined;
  return compact({
    competence: cursor.text('Competence'),
    position: cursor.text('Position'),
    fullName: cursor.text('FullName'),
  });
}

function readOtherInfo(cursor: Cursor | undefined): OtherInfo | undefined {
  if (!cursor || isBlank(cursor)) return undefined;
  const appendixes = cursor.optional('Appendixes');
  return compact({
    // The standard's default urgency is "thường" (0) when the element is left out.
    priority: (readInt(cursor, 'Priority', keysOf(PRIORITIES)) ?? 0) as Priority,
    sphereOfPromulgation: cursor.text('SphereOfPromulgation'),
    typerNotation: cursor.text('TyperNotation'),
    promulgationAmount: readInt(cursor, 'PromulgationAmount'),
    pageAmount: readInt(cursor, 'PageAmount'),
    appendixes: appendixes ? texts(appendixes, 'Appendix') : [],
  });
}

function readTraceHeader(cursor: Cursor): TraceHeader {
  const text = cursor.requiredText('Timestamp');
  const timestamp = parseTimestamp(text);
  if (!timestamp) cursor.fail('not a timestamp (yyyy/MM/dd HH:mm:ss)', text, 'Timestamp');
  return { organId: cursor.requiredText('OrganId'), timestamp };
}

function readBussiness(b: Cursor): Bussiness {
  const docType = readRequiredInt(
    b,
    'BussinessDocType',
    keysOf(BUSSINESS_DOC_TYPES),
  ) as BussinessDocType;
  const reason = b.text('BussinessDocReason');
  if (docType !== 0 && reason === undefined) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${b.path}/BussinessDocReason` });
  }
  const info = b.optional('BussinessDocumentInfo');
  if (docType === 2 && (!info || isBlank(info))) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${b.path}/BussinessDocumentInfo` });
  }
  const replacements = b.optional('ReplacementInfoList')?.all('ReplacementInfo') ?? [];
  if (docType === 3 && replacements.length === 0) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${b.path}/ReplacementInfoList` });
  }
  return compact({
    bussinessDocType: docType,
    bussinessDocReason: reason,
    documentId: b.text('DocumentId'),
    paper: readInt(b, 'Paper', [0, 1]) as 0 | 1 | undefined,
    bussinessDocumentInfo:
      info && !isBlank(info)
        ? {
            documentInfo: readRequiredInt(info, 'DocumentInfo', [0, 1]) as 0 | 1,
            documentReceiver: readRequiredInt(info, 'DocumentReceiver', [0, 1]) as 0 | 1,
            receivers: (info.optional('ReceiverList')?.all('Receiver') ?? []).map((r) => ({
              organId: r.requiredText('OrganId'),
              receiverType: readRequiredInt(r, 'ReceiverType'),
            })),
          }
        : undefined,
    replacementInfoList: replacements.map((r) => {
      const organs = r.optional('OrganIdList');
      return {
        documentId: r.requiredText('DocumentId'),
        organIds: organs ? texts(organs, 'OrganId') : [],
      };
    }),
    staffInfo: readStaffInfo(b.optional('StaffInfo')),
  });
}

/** Strips the `cid:` scheme the wire form puts on content ids (RFC 2392 style). */
function contentIdOf(cursor: Cursor): string {
  const raw = cursor.requiredText('ContentId');
  const id = raw.replace(/^cid:/i, '').replace(/^<(.*)>$/, '$1');
  if (id === '') cursor.fail('empty content id', raw, 'ContentId');
  return id;
}

/**
 * Joins the manifest (what files the sender declares, signed with the header) with the encoded
 * files (their bytes). Each declared file must have its bytes and each file its declaration, or
 * a receiver could register a document without a file it was meant to carry.
 */
function readAttachments(
  manifest: Cursor | undefined,
  encoded: Cursor | undefined,
  maxBytes: number,
): Attachment[] {
  const references = manifest?.all('Reference') ?? [];
  const files = new Map<string, Cursor>();
  for (const file of encoded?.all('Attachment') ?? []) {
    const id = contentIdOf(file);
    if (files.has(id)) file.fail('two files have this content id', id, 'ContentId');
    files.set(id, file);
  }
  const declared = new Set<string>();
  const attachments = references.map((ref): Attachment => {
    const id = contentIdOf(ref);
    if (declared.has(id)) ref.fail('two manifest entries have this content id', id, 'ContentId');
    declared.add(id);
    const file = files.get(id);
    if (!file) {
      throw new EdxmlError('EDXML_ATTACHMENT_MISMATCH', {
        path: `${ref.path}/ContentId`,
        reason: `no encoded file has content id ${id}`,
      });
    }
    const payload = file.required('ContentTransferEncoded');
    return compact({
      contentId: id,
      attachmentName: ref.text('AttachmentName') ?? file.requiredText('AttachmentName'),
      contentType: ref.text('ContentType') ?? file.requiredText('ContentType'),
      description: ref.text('Description') ?? file.text('Description'),
      content: decodeBase64(payload.ownText(), payload.path, maxBytes),
    });
  });
  for (const [id, file] of files) {
    if (!declared.has(id)) {
      throw new EdxmlError('EDXML_ATTACHMENT_MISMATCH', {
        path: `${file.path}/ContentId`,
        reason: `file ${id} is not in the manifest`,
      });
    }
  }
  return attachments;
}
