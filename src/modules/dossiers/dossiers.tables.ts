import type { ColumnType, Generated } from 'kysely';
import type { FormDefinition } from '../../kernel/forms';
import type {
  ApplicantType,
  Channel,
  OnlineServiceLevel,
  ProcedureLevel,
  ProcedureTinhso,
  ProcedureTthc,
  StepKind,
  StepRole,
} from './catalog/procedure-record';

type Json<T> = ColumnType<T, string, string>;

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  name: string;
  nameEn: string;
  fieldCode: string;
  fieldName: string;
  levels: ProcedureLevel[];
  onlineLevel: OnlineServiceLevel;
  applicantTypes: ApplicantType[];
  receivingAgencyId: string | null;
  tthc: Json<ProcedureTthc>;
  form: Json<FormDefinition>;
  process: Json<ProcedureTinhso['process']>;
  revision: Generated<number>;
  active: Generated<boolean>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  searchText: ColumnType<string, never, never>;
}

export type DossierStatus =
  | 'submitted'
  | 'received'
  | 'refused'
  | 'processing'
  | 'supplement_requested'
  | 'awaiting_payment'
  | 'withdrawn'
  | 'stopped'
  | 'resolved'
  | 'returned';

export type ReturnMethod = 'electronic' | 'desk' | 'post';

export interface DossierCounterTable {
  agencyId: string;
  /** `YYYY-MM-DD`, the day in Vietnam. */
  day: ColumnType<string, string, never>;
  lastNumber: number;
}

export interface DossierTable {
  id: string;
  code: string;
  procedureId: string;
  procedureCode: string;
  procedureRevision: number;
  receivingAgencyId: string;
  communeCode: string | null;
  channel: Channel;
  caseIndex: Generated<number>;
  applicantType: ApplicantType;
  applicantUserId: string | null;
  applicantName: string;
  /** Encrypted (field-crypto, the dossier id as context). */
  applicantIdNumber: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  /** The form's validated values as JSON, encrypted. */
  formValues: string;
  status: DossierStatus;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  returnedAt: Date | null;
  trackingFailures: Generated<number>;
  trackingWindowStart: Date | null;
  currentStep: number | null;
  pausedAt: Date | null;
  pausedFromStatus: DossierStatus | null;
  returnMethod: Generated<ReturnMethod>;
  refusalReason: string | null;
  resultFileId: string | null;
  resultName: string | null;
  resultSigned: Generated<boolean>;
  resultSignedAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface DossierDocumentTable {
  id: Generated<string>;
  dossierId: string;
  slot: string;
  storedFileId: string;
  name: string;
  mediaType: string;
  size: ColumnType<number, number, number>;
  origin: 'upload' | 'reuse' | 'scan';
  addedAt: Date;
}

export interface DossierHistoryTable {
  id: Generated<string>;
  dossierId: string;
  at: Date;
  action: string;
  status: DossierStatus | null;
  agencyId: string | null;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export type DossierStepStatus = 'active' | 'done' | 'returned';

export interface DossierStepTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  dossierId: string;
  stepNo: number;
  stepId: string;
  kind: StepKind;
  role: StepRole;
  name: string;
  agencyId: string;
  status: DossierStepStatus;
  startedAt: Date;
  dueAt: Date;
  finishedAt: Date | null;
  finishedBy: string | null;
}

export interface DossierSupplementTable {
  id: Generated<string>;
  dossierId: string;
  requestedAt: Date;
  requestedBy: string | null;
  agencyId: string;
  note: string;
  slots: ColumnType<string[], string[] | undefined, string[]>;
  suppliedAt: Date | null;
}

export interface DossierApologyTable {
  id: Generated<string>;
  dossierId: string;
  agencyId: string;
  issuedAt: Date;
  previousDueAt: Date;
  newDueAt: Date;
  reason: string;
  storedFileId: string | null;
  issuedBy: string | null;
}

export interface DossierSurveyTable {
  dossierId: string;
  answeredAt: Date;
  /** 1 very dissatisfied … 5 very satisfied. */
  rating: number;
  comment: string | null;
}

export interface DossierFeeTable {
  id: Generated<string>;
  dossierId: string;
  scheduleIndex: number;
  kind: 'PHI' | 'LE_PHI';
  description: string;
  unitAmount: ColumnType<number, number, number>;
  quantity: Generated<number>;
  amount: ColumnType<number, number, number>;
  status: 'due' | 'paid' | 'waived';
  assessedAt: Date;
  assessedBy: string | null;
  paidAt: Date | null;
  paymentId: string | null;
}

export type PaymentProvider = 'vnpay' | 'sandbox' | 'desk';

export interface DossierPaymentTable {
  id: string;
  dossierId: string;
  provider: PaymentProvider;
  method: 'online' | 'cash' | 'card';
  agencyId: string;
  txnRef: string;
  amount: ColumnType<number, number, number>;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  createdAt: Date;
  expiresAt: Date | null;
  paidAt: Date | null;
  providerTransaction: string | null;
  bankCode: string | null;
  receiptNumber: string | null;
  receiptYear: number | null;
  receiptSeq: number | null;
  takenBy: string | null;
}

export interface PaymentNotificationTable {
  id: Generated<string>;
  receivedAt: Date;
  provider: string;
  txnRef: string | null;
  outcome: 'bad_signature' | 'unknown' | 'wrong_amount' | 'duplicate' | 'paid' | 'failed' | 'error';
  answer: string;
  params: ColumnType<Record<string, unknown>, string, never>;
}

// A type, not an interface: Kysely's table maps need an index signature.
export type DossiersTables = {
  procedure: ProcedureTable;
  dossierCounter: DossierCounterTable;
  dossier: DossierTable;
  dossierDocument: DossierDocumentTable;
  dossierHistory: DossierHistoryTable;
  dossierStep: DossierStepTable;
  dossierSupplement: DossierSupplementTable;
  dossierApology: DossierApologyTable;
  dossierSurvey: DossierSurveyTable;
  dossierFee: DossierFeeTable;
  dossierPayment: DossierPaymentTable;
  paymentNotification: PaymentNotificationTable;
};
