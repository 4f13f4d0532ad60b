/**
 * The rows of the demo dossiers, as the tables hold them (snake_case, times as ISO text),
 * and how they are written: each table's rows in statements of BATCH rows, each statement
 * one JSON parameter unpacked by json_to_recordset, so a year of dossiers goes in with a few
 * hundred round trips rather than a hundred thousand. Rows that the tables number in order
 * (history lines, step passes) carry `seq`, and go in in that order.
 */
import { sql } from 'kysely';
import type { DossiersTrx } from './dossiers-db';

/** Rows per INSERT. */
export const BATCH = 1000;

type Iso = string;

export interface StoredFileRow {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string;
  owner_type: string;
  owner_id: string;
  agency_id: string;
  uploaded_by: string;
  created_at: Iso;
}

export interface DossierRow {
  id: string;
  code: string;
  procedure_id: string;
  procedure_code: string;
  procedure_revision: number;
  receiving_agency_id: string;
  commune_code: string | null;
  channel: string;
  case_index: number;
  applicant_type: string;
  applicant_user_id: string | null;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string | null;
  applicant_email: string | null;
  form_values: string;
  status: string;
  submitted_at: Iso;
  received_at: Iso | null;
  due_at: Iso | null;
  finished_at: Iso | null;
  returned_at: Iso | null;
  current_step: number | null;
  paused_at: Iso | null;
  paused_from_status: string | null;
  return_method: string;
  refusal_reason: string | null;
  result_file_id: string | null;
  result_name: string | null;
  result_signed: boolean;
  result_signed_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface DocumentRow {
  dossier_id: string;
  slot: string;
  stored_file_id: string;
  name: string;
  media_type: string;
  size: number;
  origin: 'upload' | 'reuse' | 'scan';
  added_at: Iso;
}

export interface HistoryRow {
  seq: number;
  dossier_id: string;
  at: Iso;
  action: string;
  status: string | null;
  agency_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface StepRow {
  seq: number;
  dossier_id: string;
  step_no: number;
  step_id: string;
  kind: string;
  role: string;
  name: string;
  agency_id: string;
  status: 'active' | 'done' | 'returned';
  started_at: Iso;
  due_at: Iso;
  finished_at: Iso | null;
  finished_by: string | null;
}

export interface SupplementRow {
  dossier_id: string;
  requested_at: Iso;
  requested_by: string | null;
  agency_id: string;
  note: string;
  slots: string[];
  supplied_at: Iso | null;
}

export interface ApologyRow {
  dossier_id: string;
  agency_id: string;
  issued_at: Iso;
  previous_due_at: Iso;
  new_due_at: Iso;
  reason: string;
  issued_by: string | null;
}

export interface SurveyRow {
  dossier_id: string;
  answered_at: Iso;
  rating: number;
  comment: string | null;
}

export interface FeeRow {
  dossier_id: string;
  schedule_index: number;
  kind: 'PHI' | 'LE_PHI';
  description: string;
  unit_amount: number;
  quantity: number;
  amount: number;
  status: 'due' | 'paid' | 'waived';
  assessed_at: Iso;
  assessed_by: string | null;
  paid_at: Iso | null;
  payment_id: string | null;
}

export interface PaymentRow {
  id: string;
  dossier_id: string;
  provider: 'vnpay' | 'desk';
  method: 'online' | 'cash' | 'card';
  agency_id: string;
  txn_ref: string;
  amount: number;
  status: 'paid';
  created_at: Iso;
  expires_at: Iso | null;
  paid_at: Iso;
  provider_transaction: string | null;
  bank_code: string | null;
  receipt_number: string;
  receipt_year: number;
  receipt_seq: number;
  taken_by: string | null;
}

export interface CounterRow {
  agency_id: string;
  day: string;
  last_number: number;
}

export interface DemoRows {
  storedFiles: StoredFileRow[];
  dossiers: DossierRow[];
  documents: DocumentRow[];
  history: HistoryRow[];
  steps: StepRow[];
  supplements: SupplementRow[];
  apologies: ApologyRow[];
  surveys: SurveyRow[];
  fees: FeeRow[];
  payments: PaymentRow[];
  counters: CounterRow[];
}

/** A table's columns with their SQL types, in the order json_to_recordset reads them. */
type Columns = ReadonlyArray<readonly [string, string]>;

const TABLES: ReadonlyArray<{
  table: string;
  rows: keyof DemoRows;
  columns: Columns;
  ordered?: boolean;
}> = [
  {
    table: 'stored_file',
    rows: 'storedFiles',
    columns: [
      ['id', 'uuid'],
      ['sha256', 'text'],
      ['size', 'int8'],
      ['media_type', 'text'],
      ['original_name', 'text'],
      ['owner_type', 'text'],
      ['owner_id', 'text'],
      ['agency_id', 'uuid'],
      ['uploaded_by', 'text'],
      ['created_at', 'timestamptz'],
    ],
  },
  {
    table: 'dossier',
    rows: 'dossiers',
    columns: [
      ['id', 'uuid'],
      ['code', 'text'],
      ['procedure_id', 'uuid'],
      ['procedure_code', 'text'],
      ['procedure_revision', 'int4'],
      ['receiving_agency_id', 'uuid'],
      ['commune_code', 'text'],
      ['channel', 'text'],
      ['case_index', 'int4'],
      ['applicant_type', 'text'],
      ['applicant_user_id', 'uuid'],
      ['applicant_name', 'text'],
      ['applicant_id_number', 'text'],
      ['applicant_phone', 'text'],
      ['applicant_email', 'text'],
      ['form_values', 'text'],
      ['status', 'text'],
      ['submitted_at', 'timestamptz'],
      ['received_at', 'timestamptz'],
      ['due_at', 'timestamptz'],
      ['finished_at', 'timestamptz'],
      ['returned_at', 'timestamptz'],
      ['current_step', 'int4'],
      ['paused_at', 'timestamptz'],
      ['paused_from_status', 'text'],
      ['return_method', 'text'],
      ['refusal_reason', 'text'],
      ['result_file_id', 'uuid'],
      ['result_name', 'text'],
      ['result_signed', 'boolean'],
      ['result_signed_at', 'timestamptz'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
  },
  {
    table: 'dossier_document',
    rows: 'documents',
    columns: [
      ['dossier_id', 'uuid'],
      ['slot', 'text'],
      ['stored_file_id', 'uuid'],
      ['name', 'text'],
      ['media_type', 'text'],
      ['size', 'int8'],
      ['origin', 'text'],
      ['added_at', 'timestamptz'],
    ],
  },
  {
    table: 'dossier_step',
    rows: 'steps',
    ordered: true,
    columns: [
      ['dossier_id', 'uuid'],
      ['step_no', 'int4'],
      ['step_id', 'text'],
      ['kind', 'text'],
      ['role', 'text'],
      ['name', 'text'],
      ['agency_id', 'uuid'],
      ['status', 'text'],
      ['started_at', 'timestamptz'],
      ['due_at', 'timestamptz'],
      ['finished_at', 'timestamptz'],
      ['finished_by', 'uuid'],
    ],
  },
  {
    table: 'dossier_history',
    rows: 'history',
    ordered: true,
    columns: [
      ['dossier_id', 'uuid'],
      ['at', 'timestamptz'],
      ['action', 'text'],
      ['status', 'text'],
      ['agency_id', 'uuid'],
      ['actor_id', 'uuid'],
      ['actor_name', 'text'],
      ['note', 'text'],
      ['details', 'jsonb'],
    ],
  },
  {
    table: 'dossier_supplement',
    rows: 'supplements',
    columns: [
      ['dossier_id', 'uuid'],
      ['requested_at', 'timestamptz'],
      ['requested_by', 'uuid'],
      ['agency_id', 'uuid'],
      ['note', 'text'],
      ['slots', 'text[]'],
      ['supplied_at', 'timestamptz'],
    ],
  },
  {
    table: 'dossier_apology',
    rows: 'apologies',
    columns: [
      ['dossier_id', 'uuid'],
      ['agency_id', 'uuid'],
      ['issued_at', 'timestamptz'],
      ['previous_due_at', 'timestamptz'],
      ['new_due_at', 'timestamptz'],
      ['reason', 'text'],
      ['issued_by', 'uuid'],
    ],
  },
  {
    table: 'dossier_survey',
    rows: 'surveys',
    columns: [
      ['dossier_id', 'uuid'],
      ['answered_at', 'timestamptz'],
      ['rating', 'int2'],
      ['comment', 'text'],
    ],
  },
  {
    table: 'dossier_payment',
    rows: 'payments',
    columns: [
      ['id', 'uuid'],
      ['dossier_id', 'uuid'],
      ['provider', 'text'],
      ['method', 'text'],
      ['agency_id', 'uuid'],
      ['txn_ref', 'text'],
      ['amount', 'int8'],
      ['status', 'text'],
      ['created_at', 'timestamptz'],
      ['expires_at', 'timestamptz'],
      ['paid_at', 'timestamptz'],
      ['provider_transaction', 'text'],
      ['bank_code', 'text'],
      ['receipt_number', 'text'],
      ['receipt_year', 'int4'],
      ['receipt_seq', 'int4'],
      ['taken_by', 'uuid'],
    ],
  },
  {
    table: 'dossier_fee',
    rows: 'fees',
    columns: [
      ['dossier_id', 'uuid'],
      ['schedule_index', 'int4'],
      ['kind', 'text'],
      ['description', 'text'],
      ['unit_amount', 'int8'],
      ['quantity', 'int4'],
      ['amount', 'int8'],
      ['status', 'text'],
      ['assessed_at', 'timestamptz'],
      ['assessed_by', 'uuid'],
      ['paid_at', 'timestamptz'],
      ['payment_id', 'uuid'],
    ],
  },
  {
    table: 'dossier_counter',
    rows: 'counters',
    columns: [
      ['agency_id', 'uuid'],
      ['day', 'date'],
      ['last_number', 'int4'],
    ],
  },
];

/**
 * Writes every table's rows, parents before children, in the caller's transaction.
 *
 * On the embedded database, where the platform is the only user and its superuser, foreign
 * keys are not checked row by row (session_replication_role, as a data-only restore does):
 * the rows are made from the rows they point to, and the checks would take three quarters of
 * the load's time there (each one a locking look-up inside the one thread). The demo's test
 * checks every reference. On PostgreSQL the platform's role need not be a superuser: the
 * checks run.
 */
export async function insertDemoRows(
  trx: DossiersTrx,
  rows: DemoRows,
  options: { skipReferenceChecks: boolean },
): Promise<void> {
  if (options.skipReferenceChecks) {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  }
  for (const { table, rows: key, columns, ordered } of TABLES) {
    const all = rows[key] as readonly object[];
    const names = columns.map(([name]) => name).join(', ');
    const selected = columns.map(([name]) => `r.${name}`).join(', ');
    const shape = [...(ordered ? [['seq', 'int4'] as const] : []), ...columns]
      .map(([name, type]) => `${name} ${type}`)
      .join(', ');
    const order = ordered ? ' ORDER BY r.seq' : '';
    for (let start = 0; start < all.length; start += BATCH) {
      const batch = JSON.stringify(all.slice(start, start + BATCH));
      await sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)})
        SELECT ${sql.raw(selected)}
        FROM json_to_recordset(${batch}::json) AS r(${sql.raw(shape)})${sql.raw(order)}`.execute(
        trx,
      );
    }
  }
}
