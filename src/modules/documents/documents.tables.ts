import type { ColumnType, Generated } from 'kysely';

export type RegisterDirection = 'outgoing' | 'incoming';

/** How an agency signs its documents' notations and datelines. */
export interface DocumentIssuerTable {
  agencyId: string;
  /** `UBND` in `15/QĐ-UBND`. */
  abbreviation: string;
  /** `Hạ Long` in `Hạ Long, ngày 21 tháng 11 năm 2026`. */
  placeName: string;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** A register (sổ văn bản) of outgoing or incoming documents of one agency. */
export interface DocumentRegisterTable {
  id: Generated<string>;
  agencyId: string;
  direction: RegisterDirection;
  /** Short code unique within the agency, e.g. `VBDI`, `VBDEN`, `QD`. */
  code: string;
  name: string;
  createdAt: ColumnType<Date, Date | undefined, never>;
  retiredAt: Date | null;
}

export interface DocumentRegisterCounterTable {
  registerId: string;
  year: number;
  lastNumber: number;
}

export type Urgency = 'normal' | 'urgent' | 'very_urgent' | 'express';
export type Secrecy = 'normal' | 'confidential' | 'secret' | 'top_secret';

export type OutgoingStatus =
  'draft' | 'in_review' | 'approved' | 'signed' | 'issued' | 'recalled' | 'replaced';

type PdfRect = [number, number, number, number];

interface ReservedLine {
  pageIndex: number;
  rect: PdfRect;
  baseline: number;
  fontSize: number;
}

/** Where the signed PDF's signer block, number and dateline are (PDF points, bottom left). */
export interface SignatureLayout {
  /** The signer's block as signed: the seal goes over the left third of `imageRect`. */
  signer: { pageIndex: number; rect: PdfRect; imageRect: PdfRect };
  numberField: ReservedLine;
  datelineField: ReservedLine;
}

/** An outgoing document (văn bản đi), from draft to issue. */
export interface DocumentOutgoingTable {
  id: Generated<string>;
  agencyId: string;
  status: OutgoingStatus;
  /** QĐ, TB, KH…; null for a công văn. */
  typeAbbreviation: string | null;
  typeName: string;
  /** A công văn's drafting unit abbreviation (`VP` in `123/UBND-VP`). */
  draftingUnit: string | null;
  /** Trích yếu. */
  subject: string;
  /** A công văn's addressees, `Kính gửi: …`. */
  greeting: string | null;
  /** Paragraphs separated by blank lines. */
  body: string;
  /** Nơi nhận as printed at the foot. */
  toPlaces: string[];
  urgency: Urgency;
  secrecy: Secrecy;
  replyDueOn: string | null;
  placeName: string;
  signerUserId: string | null;
  /** TM., KT., TL., TUQ. with the body or the head, e.g. `TM. ỦY BAN NHÂN DÂN`; null when signing in one's own name. */
  signerCompetence: string | null;
  signerPosition: string | null;
  signerName: string | null;
  draftedBy: string;
  reviewerUserId: string | null;
  registerId: string | null;
  year: number | null;
  number: number | null;
  codeNotation: string | null;
  /** `07/UBND-VP`. */
  notation: string | null;
  promulgatedOn: string | null;
  signedAt: Date | null;
  signatureLayout: ColumnType<SignatureLayout | null, string | null, string | null>;
  issuedAt: Date | null;
  /** DocumentId on the exchange axis: `OrganId,yyyy/MM/dd,NN/notation`. */
  exchangeId: string | null;
  responseForId: string | null;
  replacesId: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  searchText: ColumnType<string, never, never>;
}

export type IncomingStatus =
  'received' | 'registered' | 'assigned' | 'processing' | 'done' | 'recalled' | 'replaced';

/** An incoming document (văn bản đến). */
export interface DocumentIncomingTable {
  id: Generated<string>;
  agencyId: string;
  status: IncomingStatus;
  source: 'exchange' | 'paper';
  receivedAt: Date;
  senderOrganId: string | null;
  senderName: string;
  codeNumber: string;
  codeNotation: string;
  notation: string;
  typeName: string;
  subject: string;
  promulgatedOn: string;
  signerName: string | null;
  urgency: Urgency;
  secrecy: Secrecy;
  replyDueOn: string | null;
  /** The sender's DocumentId; unique per receiving agency among live records. */
  exchangeId: string | null;
  registerId: string | null;
  year: number | null;
  /** Số đến. */
  number: number | null;
  registeredAt: Date | null;
  registeredBy: string | null;
  handlingUnit: string | null;
  handlingDeadline: string | null;
  assignedBy: string | null;
  assignedAt: Date | null;
  completedAt: Date | null;
  completionNote: string | null;
  replyOutgoingId: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  searchText: ColumnType<string, never, never>;
}

export interface DocumentAssignmentTable {
  incomingId: string;
  userId: string;
  role: 'lead' | 'support' | 'informed';
  assignedAt: Date;
}

export interface DocumentRecipientTable {
  outgoingId: string;
  /** The recipient's national agency code. */
  organId: string;
  organName: string;
  /** The last status code it sent back (01, 02, 03…), null before any. */
  statusCode: string | null;
  statusAt: Date | null;
  statusNote: string | null;
}

export interface DocumentStatusEventTable {
  id: Generated<string>;
  outgoingId: string;
  organId: string;
  statusCode: string;
  description: string | null;
  occurredAt: Date;
  receivedAt: ColumnType<Date, Date | undefined, never>;
}

export type DocumentFileRole = 'draft' | 'signed' | 'attachment' | 'received';

export interface DocumentFileTable {
  id: Generated<string>;
  outgoingId: string | null;
  incomingId: string | null;
  role: DocumentFileRole;
  storedFileId: string;
  name: string;
  mediaType: string;
  size: number;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface DocumentHistoryTable {
  id: Generated<string>;
  outgoingId: string | null;
  incomingId: string | null;
  action: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  at: Date;
}

// A type, not an interface: Kysely's withTables needs the implicit index signature.
export type DocumentsTables = {
  documentIssuer: DocumentIssuerTable;
  documentRegister: DocumentRegisterTable;
  documentRegisterCounter: DocumentRegisterCounterTable;
  documentOutgoing: DocumentOutgoingTable;
  documentIncoming: DocumentIncomingTable;
  documentAssignment: DocumentAssignmentTable;
  documentRecipient: DocumentRecipientTable;
  documentStatusEvent: DocumentStatusEventTable;
  documentFile: DocumentFileTable;
  documentHistory: DocumentHistoryTable;
};
