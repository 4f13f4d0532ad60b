/**
 * The typed model of an edXML document package and of a status packet (QCVN 102:2016/BTTTT,
 * the data format of the national document-exchange axis). Names follow the standard's element
 * names, camel-cased, so a reader can map a field to the XML without a table; `Bussiness` keeps
 * the standard's spelling on purpose. README.md says where each element and its order come from.
 *
 * Conventions of the model:
 * - text values are trimmed; an optional value that is empty is `undefined`;
 * - dates without time (PromulgationDate, DueDate) are `LocalDate` strings `YYYY-MM-DD`;
 * - timestamps are `Date`s with second precision; on the wire they are Vietnam local time.
 */

/** A calendar date, `YYYY-MM-DD`, with no time zone (a document is dated, not timed). */
export type LocalDate = string;

/** An agency, as in `From`, `To` and a status packet's `From`. */
export interface Organ {
  /** The national agency code (mã định danh), e.g. `000.00.22.H49`. */
  organId: string;
  organName: string;
  /** The governing agency; the standard's element is `OrganizationInCharge`. */
  organizationInCharge?: string;
  organAdd?: string;
  email?: string;
  telephone?: string;
  fax?: string;
  website?: string;
}

/** Number and notation: `15` and `QĐ-UBND` make the document number `15/QĐ-UBND`. */
export interface DocumentCode {
  codeNumber: string;
  codeNotation: string;
}

export interface PromulgationInfo {
  place: string;
  promulgationDate: LocalDate;
}

export interface DocumentType {
  /** Category code of the standard (in samples: 1 for administrative documents). */
  type: number;
  /** Sub-category code; VPCP's SDK sends it, the element list of the standard omits it. */
  typeDetail?: number;
  /** Name of the kind of document, e.g. `Quyết định`, `Công văn`. */
  typeName: string;
}

export interface SignerInfo {
  /** Signing authority, e.g. `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`. */
  competence?: string;
  position?: string;
  fullName?: string;
}

/** Urgency (độ khẩn). 4 is "hỏa tốc hẹn giờ", urgent with a set delivery time. */
export const PRIORITIES = {
  0: 'thường',
  1: 'khẩn',
  2: 'thượng khẩn',
  3: 'hỏa tốc',
  4: 'hỏa tốc hẹn giờ',
} as const;
export type Priority = keyof typeof PRIORITIES;

export interface OtherInfo {
  priority: Priority;
  /** Scope of circulation, e.g. `Lưu hành nội bộ`. */
  sphereOfPromulgation?: string;
  /** Initials of the typist (ký hiệu người đánh máy). */
  typerNotation?: string;
  /** Number of copies issued. */
  promulgationAmount?: number;
  pageAmount?: number;
  appendixes: string[];
}

/** Points at an earlier document, the one this document or status answers. */
export interface ResponseFor {
  organId: string;
  /** The full number and notation, e.g. `123/UBND-VP`. */
  code: string;
  promulgationDate: LocalDate;
  documentId: string;
}

export interface MessageHeader {
  from: Organ;
  /** At least one recipient. */
  to: Organ[];
  code: DocumentCode;
  promulgationInfo: PromulgationInfo;
  documentType: DocumentType;
  /** Trích yếu. */
  subject: string;
  content?: string;
  signerInfo?: SignerInfo;
  dueDate?: LocalDate;
  /** Nơi nhận as printed on the document. */
  toPlaces: string[];
  otherInfo?: OtherInfo;
  responseFor: ResponseFor[];
  /** Whether and how the document directs (văn bản chỉ đạo); a code of the standard. */
  steeringType?: number;
  /** The id of the document on the axis, e.g. `000.00.22.H49,2025/03/14,123/UBND-VP`. */
  documentId: string;
}

/** One hop of the package: an agency or axis node and when it handled the package. */
export interface TraceHeader {
  organId: string;
  timestamp: Date;
}

/** What the package does to the document (nghiệp vụ). */
export const BUSSINESS_DOC_TYPES = {
  0: 'new',
  1: 'revoke',
  2: 'update',
  3: 'replace',
} as const;
export type BussinessDocType = keyof typeof BUSSINESS_DOC_TYPES;

export interface StaffInfo {
  department?: string;
  staff?: string;
  mobile?: string;
  email?: string;
}

export interface Receiver {
  organId: string;
  /** Code of the standard for the change to this recipient; passed through as received. */
  receiverType: number;
}

/** For an update: what changed. */
export interface BussinessDocumentInfo {
  /** 1 when the document's information changed, 0 when not. */
  documentInfo: 0 | 1;
  /** 1 when the recipients changed, 0 when not. */
  documentReceiver: 0 | 1;
  receivers: Receiver[];
}

/** For a replacement: a document replaced and the agencies that held it. */
export interface ReplacementInfo {
  documentId: string;
  organIds: string[];
}

export interface Bussiness {
  bussinessDocType: BussinessDocType;
  /** Required when revoking, updating or replacing: the sender must say why. */
  bussinessDocReason?: string;
  /** The document the operation acts on (for revoke/update: the earlier one). */
  documentId?: string;
  /** 1 when a paper copy is also sent. */
  paper?: 0 | 1;
  /** Required for an update (2). */
  bussinessDocumentInfo?: BussinessDocumentInfo;
  /** Required, non-empty, for a replacement (3). */
  replacementInfoList: ReplacementInfo[];
  staffInfo?: StaffInfo;
}

export interface Attachment {
  /** Identifier without the `cid:` prefix the wire form adds. */
  contentId: string;
  attachmentName: string;
  contentType: string;
  description?: string;
  content: Buffer;
}

export interface EdxmlPackage {
  header: MessageHeader;
  traces: TraceHeader[];
  bussiness: Bussiness;
  attachments: Attachment[];
}

/** Status codes a receiver sends back about a document (gói tin trạng thái). */
export const STATUS_CODES = {
  '01': 'arrived',
  '02': 'rejected',
  '03': 'registered',
  '04': 'assigned',
  '05': 'processing',
  '06': 'completed',
  '13': 'recall requested by the sender',
  '15': 'recall or update accepted',
  '16': 'recall refused',
} as const;
export type StatusCode = keyof typeof STATUS_CODES;

export interface EdxmlStatus {
  /** The document the status is about. */
  responseFor: ResponseFor;
  /** The agency reporting the status: the receiver of the document. */
  from: Organ;
  statusCode: StatusCode;
  /** Required for 02 (rejected): the reason. */
  description?: string;
  timestamp: Date;
  staffInfo?: StaffInfo;
}
