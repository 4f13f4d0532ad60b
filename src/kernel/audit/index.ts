/**
 * The audit log: append-only, tamper-evident record of what people and machines did.
 *
 * Tables owned: audit_event, audit_seal, audit_checkpoint, audit_signing_key.
 * Writers call `recordAudit` in their own transaction (INSERT only). The scheduler's sealer
 * links committed rows into a SHA-256 hash chain within a second and signs an Ed25519
 * checkpoint every minute; `verifyAuditChain` re-walks the chain and reports the first bad
 * row. Events published: none. Events consumed: none.
 */
export {
  recordAudit,
  auditInsert,
  recordPersonalDataRead,
  type AuditEntry,
  type AuditActorType,
  type AuditWriter,
  type PersonalDataRead,
} from './audit.record';
export {
  verifyAuditChain,
  type AuditVerification,
  type AuditProblem,
  type VerifyOptions,
} from './audit.verify';
export { runAuditVerify, describeVerification, type TextOutput } from './audit.cli';
export { sealPendingAuditEvents, type SealResult } from './audit.sealer';
export { signAuditCheckpoint } from './audit.checkpoint';
export { auditManifest } from './audit.manifest';
