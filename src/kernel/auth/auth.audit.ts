/**
 * The audit lines identity and access writes. Every sign-in (success and failure), second
 * factor enrolment, sign-out, account creation, disabling and role change, API key creation
 * and revocation, and every staff read of unmasked contact details leaves one, written in
 * the same transaction as the change it describes.
 */
import { recordAudit, recordPersonalDataRead, type AuditWriter } from '../audit';
import type { Principal } from './principal';

/** Where a request came from, for the audit line and the session row. */
export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export type AuthAction =
  | 'auth.user_registered'
  | 'auth.login_succeeded'
  | 'auth.login_failed'
  | 'auth.login_refused_disabled'
  | 'auth.mfa_verified'
  | 'auth.mfa_failed'
  | 'auth.step_up_confirmed'
  | 'auth.step_up_failed'
  | 'auth.mfa_enrolment_started'
  | 'auth.mfa_enrolled'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.profile_updated'
  | 'auth.user_created'
  | 'auth.user_updated'
  | 'auth.user_disabled'
  | 'auth.user_enabled'
  | 'auth.user_roles_changed'
  | 'auth.api_key_created'
  | 'auth.api_key_revoked';

export interface AuthAuditEntry {
  action: AuthAction;
  /** Who acted; null for an anonymous attempt (a failed sign-in). */
  actor: Pick<Principal, 'kind' | 'id'> | null;
  recordType: 'user' | 'api_key' | 'session';
  recordId: string | null;
  request: RequestInfo;
  details?: Record<string, unknown>;
}

export async function auditAuth(db: AuditWriter, entry: AuthAuditEntry): Promise<void> {
  await recordAudit(db, {
    actorType: entry.actor ? entry.actor.kind : 'anonymous',
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    ip: entry.request.ip,
    requestId: entry.request.requestId,
    details: entry.details ?? {},
  });
}

/** A staff member saw a person's full email and phone. */
export async function auditContactRead(
  db: AuditWriter,
  actor: Pick<Principal, 'kind' | 'id'>,
  userId: string,
  fields: string[],
  request: RequestInfo,
  purpose: string,
): Promise<void> {
  if (fields.length === 0) return;
  await recordPersonalDataRead(db, {
    actorType: actor.kind,
    actorId: actor.id,
    recordType: 'user',
    recordId: userId,
    fields,
    ip: request.ip,
    requestId: request.requestId,
    purpose,
  });
}
