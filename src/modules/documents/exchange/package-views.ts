/**
 * Reading packages: the list of packets of the agencies a principal serves with
 * `documents.exchange` (a peer's key polls what its agencies received; operators look for
 * packets not delivered or not acknowledged), and one packet's signed XML.
 */
import type { AppContext } from '../../../kernel/context';
import { permissionScope, type Principal } from '../../../kernel/auth';
import { exchangeDb, type ExchangeDb } from './exchange-db';
import { exchangeErrors } from './exchange.errors';
import type { ExchangePackage } from './exchange-packages';
import { EXCHANGE_PERMISSIONS } from './exchange.permissions';

export interface PackageQuery {
  direction: 'in' | 'out';
  state?: 'queued' | 'delivered' | 'failed' | 'accepted' | 'rejected';
  /** Out only: not delivered yet, given up, or delivered without any status back. */
  attention?: boolean;
  since?: string;
  page: number;
  pageSize: number;
}

export interface PackageView {
  id: string;
  direction: 'in' | 'out';
  kind: 'document' | 'status';
  business: string | null;
  statusCode: string | null;
  exchangeId: string | null;
  fromOrgan: string | null;
  toOrgan: string | null;
  state: string;
  attempts: number;
  errorCode: string | null;
  lastError: string | null;
  receiptCode: string | null;
  acknowledgedAt: string | null;
  sha256: string;
  size: number;
  agencyId: string | null;
  incomingId: string | null;
  outgoingId: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

type Row = Omit<ExchangePackage, 'xml'>;

function present(row: Row): PackageView {
  return {
    id: row.id,
    direction: row.direction,
    kind: row.kind,
    business: row.business,
    statusCode: row.statusCode,
    exchangeId: row.exchangeId,
    fromOrgan: row.fromOrgan,
    toOrgan: row.toOrgan,
    state: row.state,
    attempts: row.attempts,
    errorCode: row.errorCode,
    lastError: row.lastError,
    receiptCode: row.receiptCode,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    sha256: row.sha256,
    size: Number(row.size),
    agencyId: row.agencyId,
    incomingId: row.incomingId,
    outgoingId: row.outgoingId,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

async function scoped(ctx: AppContext, principal: Principal) {
  const scope = await permissionScope(ctx, principal, EXCHANGE_PERMISSIONS.exchange);
  return (db: ExchangeDb) =>
    db.selectFrom('exchangePackage').where((eb) => {
      const parts = [];
      if (scope.agencyIds.length > 0) parts.push(eb('agencyId', 'in', scope.agencyIds));
      if (scope.includesUnassigned) parts.push(eb('agencyId', 'is', null));
      return parts.length > 0 ? eb.or(parts) : eb.lit(false);
    });
}

export async function listPackages(
  ctx: AppContext,
  principal: Principal,
  query: PackageQuery,
): Promise<{ items: PackageView[]; total: number; page: number; pageSize: number }> {
  const from = await scoped(ctx, principal);
  let base = from(exchangeDb(ctx)).where('direction', '=', query.direction);
  if (query.state) base = base.where('state', '=', query.state);
  if (query.since) base = base.where('createdAt', '>=', new Date(query.since));
  if (query.attention) {
    base = base.where((eb) =>
      eb.or([
        eb('state', '<>', 'delivered'),
        eb.and([eb('kind', '=', 'document'), eb('acknowledgedAt', 'is', null)]),
      ]),
    );
  }
  const count = await base
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'id',
      'direction',
      'kind',
      'business',
      'statusCode',
      'exchangeId',
      'fromOrgan',
      'toOrgan',
      'sha256',
      'size',
      'state',
      'attempts',
      'lastAttemptAt',
      'errorCode',
      'lastError',
      'receiptCode',
      'acknowledgedAt',
      'peerId',
      'apiKeyId',
      'agencyId',
      'outgoingId',
      'incomingId',
      'createdAt',
      'deliveredAt',
    ])
    .orderBy('createdAt')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map(present),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The packet as signed; 404 outside the principal's agencies. */
export async function packageXml(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<string> {
  const from = await scoped(ctx, principal);
  const row = await from(exchangeDb(ctx)).select('xml').where('id', '=', id).executeTakeFirst();
  if (!row) throw exchangeErrors.EXCHANGE_PACKAGE_NOT_FOUND();
  return row.xml;
}
