import type { ColumnType, Generated } from 'kysely';
import type { FormDefinition } from '../../kernel/forms';
import type {
  ApplicantType,
  Channel,
  OnlineServiceLevel,
  ProcedureLevel,
  ProcedureTinhso,
  ProcedureTthc,
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

// A type, not an interface: Kysely's table maps need an index signature.
export type DossiersTables = {
  procedure: ProcedureTable;
  dossierCounter: DossierCounterTable;
  dossier: DossierTable;
  dossierDocument: DossierDocumentTable;
  dossierHistory: DossierHistoryTable;
};
