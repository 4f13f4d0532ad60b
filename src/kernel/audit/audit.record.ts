/**
 * Writing to the audit log. Writers only INSERT, in the caller's transaction, so an audit
 * line exists exactly when the change it describes was committed; no writer waits for
 * another (the sealer links rows into the hash chain afterwards).
 */
import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { plainInsert } from '../db/row-insert';

export type AuditActorType = 'user' | 'api_key' | 'system' | 'anonymous';

export interface AuditEntry {
  actorType: AuditActorType;
  actorId: string | null;
  /** What happened, `<part>.<verb>`, e.g. `auth.login_failed`, `dossier.accepted`. */
  action: string;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  /** Request that caused the change, to join the audit line with the logs. */
  requestId?: string | null;
  /** Facts worth keeping; never secrets (the log is kept for years and shown to auditors). */
  details?: Record<string, unknown>;
}

export type AuditWriter = Kysely<any> | Transaction<any>;

export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.executeQuery(auditInsert(entry));
}

/**
 * The INSERT of an audit line, for a caller that sends it with others in one statement
 * (kernel/db/statement-batch). Written with the real column names (kernel/db/row-insert):
 * callers may hold any Kysely instance, with or without the camel-case plugin.
 */
export function auditInsert(entry: AuditEntry): CompiledQuery {
  return plainInsert('audit_event', {
    actor_type: entry.actorType,
    actor_id: entry.actorId,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId,
    ip: entry.ip,
    request_id: entry.requestId ?? null,
    details: JSON.stringify(entry.details ?? {}),
  });
}

export interface PersonalDataRead {
  actorType: AuditActorType;
  actorId: string | null;
  recordType: string;
  recordId: string;
  /** Names of the personal fields shown, e.g. `['citizenId', 'phone']`; never their values. */
  fields: string[];
  ip?: string | null;
  requestId?: string | null;
  /** Why the data was read, when the caller knows (e.g. `dossier.review`). */
  purpose?: string;
}

/** Every read of personal data by staff leaves a line (Decree 13/2023/NĐ-CP, Article 27). */
export async function recordPersonalDataRead(
  db: AuditWriter,
  read: PersonalDataRead,
): Promise<void> {
  await recordAudit(db, {
    actorType: read.actorType,
    actorId: read.actorId,
    action: 'personal_data.read',
    recordType: read.recordType,
    recordId: read.recordId,
    ip: read.ip ?? null,
    requestId: read.requestId ?? null,
    details: {
      fields: [...new Set(read.fields)].sort(),
      ...(read.purpose ? { purpose: read.purpose } : {}),
    },
  });
}
