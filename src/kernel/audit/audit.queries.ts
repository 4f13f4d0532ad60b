/** Reading the audit log for auditors: filtered, newest first, one page at a time. */
import type { Db } from '../db/database';

export interface AuditEventFilter {
  actorId?: string;
  action?: string;
  recordType?: string;
  recordId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditEventRow {
  id: number;
  occurredAt: Date;
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';
  actorId: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
  /** Position in the hash chain; null until the sealer has linked the row. */
  sealSeq: number | null;
}

export async function listAuditEvents(
  db: Db,
  filter: AuditEventFilter,
  page: number,
  pageSize: number,
): Promise<{ items: AuditEventRow[]; total: number }> {
  let query = db.selectFrom('auditEvent as e');
  if (filter.actorId !== undefined) query = query.where('e.actorId', '=', filter.actorId);
  if (filter.action !== undefined) query = query.where('e.action', '=', filter.action);
  if (filter.recordType !== undefined) query = query.where('e.recordType', '=', filter.recordType);
  if (filter.recordId !== undefined) query = query.where('e.recordId', '=', filter.recordId);
  if (filter.from !== undefined) query = query.where('e.occurredAt', '>=', filter.from);
  // `to` is exclusive, so consecutive periods never count a row twice.
  if (filter.to !== undefined) query = query.where('e.occurredAt', '<', filter.to);

  const [items, count] = await Promise.all([
    query
      .leftJoin('auditSeal as s', 's.eventId', 'e.id')
      .select([
        'e.id',
        'e.occurredAt',
        'e.actorType',
        'e.actorId',
        'e.action',
        'e.recordType',
        'e.recordId',
        'e.ip',
        'e.requestId',
        'e.details',
        's.seq as sealSeq',
      ])
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}
