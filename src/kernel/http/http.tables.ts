import type { ColumnType } from 'kysely';

export interface IdempotencyKeyTable {
  /** sha256 of (principal scope, method, route, client key): the client key alone is not trusted. */
  scopeKey: string;
  requestHash: string;
  state: 'running' | 'done';
  responseStatus: number | null;
  responseContentType: string | null;
  responseBody: string | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
  lockedUntil: Date;
  expiresAt: Date;
}

export interface HttpTables {
  idempotencyKey: IdempotencyKeyTable;
}
