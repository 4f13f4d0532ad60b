/**
 * Checks a model before it is written, with the same codes and element paths parsing uses, so
 * this system never puts on the axis a package it would itself refuse. TypeScript checks shapes;
 * this checks what types cannot: blank required text, empty recipient lists, real dates, codes
 * of the standard, and the rules tying the business operation to its details.
 */
import { isLocalDate, isValidDate } from './edxml.dates';
import { EdxmlError, quote } from './edxml.errors';
import {
  BUSSINESS_DOC_TYPES,
  PRIORITIES,
  STATUS_CODES,
  type EdxmlPackage,
  type EdxmlStatus,
  type Organ,
  type ResponseFor,
} from './edxml.types';

const HEADER = 'edXML/edXMLEnvelope/edXMLHeader';
const MESSAGE = `${HEADER}/MessageHeader`;
const BUSSINESS = `${HEADER}/TraceHeaderList/Bussiness`;

const blank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

function need(value: unknown, path: string): void {
  if (blank(value)) throw new EdxmlError('EDXML_MISSING_ELEMENT', { path });
}

const shown = (value: unknown): string =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? typeof value);

function bad(path: string, reason: string, value?: unknown): never {
  throw new EdxmlError('EDXML_BAD_VALUE', {
    path,
    reason,
    ...(value === undefined ? {} : { value: quote(shown(value)) }),
  });
}

function date(value: unknown, path: string, required: boolean): void {
  if (value === undefined && !required) return;
  need(value, path);
  if (!isLocalDate(value)) bad(path, 'not a real date in the form YYYY-MM-DD', value);
}

function int(value: unknown, path: string, allowed?: readonly number[]): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 999_999_999) {
    bad(path, 'not a non-negative integer', value);
  }
  if (allowed && !allowed.includes(value)) bad(path, `must be one of ${allowed.join(', ')}`, value);
}

const keysOf = (table: object): number[] => Object.keys(table).map(Number);

function organ(o: Organ | undefined, path: string): void {
  if (!o) throw new EdxmlError('EDXML_MISSING_ELEMENT', { path });
  need(o.organId, `${path}/OrganId`);
  need(o.organName, `${path}/OrganName`);
}

function responseFor(r: ResponseFor, path: string): void {
  need(r.organId, `${path}/OrganId`);
  need(r.code, `${path}/Code`);
  date(r.promulgationDate, `${path}/PromulgationDate`, true);
  need(r.documentId, `${path}/DocumentId`);
}

export function validatePackage(pkg: EdxmlPackage): void {
  const h = pkg.header;
  organ(h.from, `${MESSAGE}/From`);
  if (!Array.isArray(h.to) || h.to.length === 0) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${MESSAGE}/To` });
  }
  h.to.forEach((to, i) => organ(to, `${MESSAGE}/To[${i}]`));
  need(h.code?.codeNumber, `${MESSAGE}/Code/CodeNumber`);
  need(h.code?.codeNotation, `${MESSAGE}/Code/CodeNotation`);
  need(h.promulgationInfo?.place, `${MESSAGE}/PromulgationInfo/Place`);
  date(h.promulgationInfo?.promulgationDate, `${MESSAGE}/PromulgationInfo/PromulgationDate`, true);
  int(h.documentType?.type, `${MESSAGE}/DocumentType/Type`);
  if (h.documentType?.type === undefined) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${MESSAGE}/DocumentType/Type` });
  }
  int(h.documentType.typeDetail, `${MESSAGE}/DocumentType/TypeDetail`);
  need(h.documentType.typeName, `${MESSAGE}/DocumentType/TypeName`);
  need(h.subject, `${MESSAGE}/Subject`);
  date(h.dueDate, `${MESSAGE}/DueDate`, false);
  if (h.otherInfo) {
    const path = `${MESSAGE}/OtherInfo`;
    int(h.otherInfo.priority, `${path}/Priority`, keysOf(PRIORITIES));
    int(h.otherInfo.promulgationAmount, `${path}/PromulgationAmount`);
    int(h.otherInfo.pageAmount, `${path}/PageAmount`);
  }
  h.responseFor.forEach((r, i) => responseFor(r, `${MESSAGE}/ResponseFor[${i}]`));
  int(h.steeringType, `${MESSAGE}/SteeringType`);
  need(h.documentId, `${MESSAGE}/DocumentId`);

  pkg.traces.forEach((t, i) => {
    const path = `${HEADER}/TraceHeaderList/TraceHeader[${i}]`;
    need(t.organId, `${path}/OrganId`);
    if (!isValidDate(t.timestamp)) bad(`${path}/Timestamp`, 'not a valid time');
  });

  const b = pkg.bussiness;
  int(b.bussinessDocType, `${BUSSINESS}/BussinessDocType`, keysOf(BUSSINESS_DOC_TYPES));
  int(b.paper, `${BUSSINESS}/Paper`, [0, 1]);
  if (b.bussinessDocType !== 0) need(b.bussinessDocReason, `${BUSSINESS}/BussinessDocReason`);
  if (b.bussinessDocType === 2 && !b.bussinessDocumentInfo) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${BUSSINESS}/BussinessDocumentInfo` });
  }
  if (b.bussinessDocumentInfo) {
    const path = `${BUSSINESS}/BussinessDocumentInfo`;
    int(b.bussinessDocumentInfo.documentInfo, `${path}/DocumentInfo`, [0, 1]);
    int(b.bussinessDocumentInfo.documentReceiver, `${path}/DocumentReceiver`, [0, 1]);
    b.bussinessDocumentInfo.receivers.forEach((r, i) => {
      need(r.organId, `${path}/ReceiverList/Receiver[${i}]/OrganId`);
      int(r.receiverType, `${path}/ReceiverList/Receiver[${i}]/ReceiverType`);
    });
  }
  if (b.bussinessDocType === 3 && b.replacementInfoList.length === 0) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${BUSSINESS}/ReplacementInfoList` });
  }
  b.replacementInfoList.forEach((r, i) => {
    need(r.documentId, `${BUSSINESS}/ReplacementInfoList/ReplacementInfo[${i}]/DocumentId`);
  });

  const ids = new Set<string>();
  pkg.attachments.forEach((a, i) => {
    const path = `edXML/edXMLEnvelope/edXMLBody/edXMLManifest/Reference[${i}]`;
    need(a.contentId, `${path}/ContentId`);
    if (!/^[\x21-\x7E]+$/.test(a.contentId)) bad(`${path}/ContentId`, 'must be printable ASCII');
    if (ids.has(a.contentId)) bad(`${path}/ContentId`, 'used by two attachments', a.contentId);
    ids.add(a.contentId);
    need(a.attachmentName, `${path}/AttachmentName`);
    need(a.contentType, `${path}/ContentType`);
    if (!Buffer.isBuffer(a.content)) bad(`${path}`, 'content must be a Buffer');
  });
}

export function validateStatus(status: EdxmlStatus): void {
  const path = `${HEADER}/Status`;
  organ(status.from, `${path}/From`);
  if (!status.responseFor) {
    throw new EdxmlError('EDXML_MISSING_ELEMENT', { path: `${path}/ResponseFor` });
  }
  responseFor(status.responseFor, `${path}/ResponseFor`);
  if (!Object.hasOwn(STATUS_CODES, status.statusCode)) {
    throw new EdxmlError('EDXML_UNKNOWN_STATUS_CODE', {
      path: `${path}/StatusCode`,
      value: quote(String(status.statusCode)),
    });
  }
  if (status.statusCode === '02') need(status.description, `${path}/Description`);
  if (!isValidDate(status.timestamp)) bad(`${path}/Timestamp`, 'not a valid time');
}
