import type { ColumnType, Generated } from 'kysely';

export interface AuditEventTable {
  id: Generated<number>;
  occurredAt: ColumnType<Date, Date | undefined, never>;
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';
  actorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  requestId: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface AuditSealTable {
  /** Position in the chain, contiguous from 1. */
  seq: number;
  eventId: number;
  /** hex SHA-256(previous hash ‖ canonical event row). */
  hash: string;
  sealedAt: ColumnType<Date, Date | undefined, never>;
}

export interface AuditCheckpointTable {
  /** Seal covered by this signature (the chain head when it was signed). */
  seq: number;
  hash: string;
  signedAt: Date;
  /** base64 Ed25519 signature of the checkpoint statement. */
  signature: string;
  keyId: string;
}

export interface AuditSigningKeyTable {
  keyId: string;
  /** SPKI PEM: enough to verify checkpoints without any secret. */
  publicKeyPem: string;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface AuditTables {
  auditEvent: AuditEventTable;
  auditSeal: AuditSealTable;
  auditCheckpoint: AuditCheckpointTable;
  auditSigningKey: AuditSigningKeyTable;
}
