/**
 * Peers: the other platforms and axis nodes packets are routed to. Province-wide
 * configuration, so only a grant on a root agency (the provincial People's Committee) with
 * `documents.exchange.manage` may change it. A peer is disabled, never deleted: the packages
 * that went through it keep pointing at it.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { authorizeRecord, fieldCipher, type Principal } from '../../../kernel/auth';
import { recordAudit } from '../../../kernel/audit';
import { checkWebhookUrl } from '../../../kernel/webhooks/webhook-url';
import { exchangeDb } from './exchange-db';
import { exchangeErrors } from './exchange.errors';
import { PEER_URL_POLICY } from './exchange-http';
import { EXCHANGE_PERMISSIONS } from './exchange.permissions';
import { ORGAN_PATTERN } from './exchange-routing';

export interface PeerView {
  id: string;
  name: string;
  baseUrl: string;
  organPatterns: string[];
  apiKeyPrefix: string;
  createdAt: string;
  disabledAt: string | null;
}

export interface NewPeer {
  name: string;
  baseUrl: string;
  organPatterns: string[];
  /** The key the peer's administrators created for this platform. */
  apiKey: string;
}

export interface RequestFacts {
  ip: string | null;
  requestId: string | null;
}

const keyContext = (id: string) => `exchange_peer.api_key:${id}`;

export function decryptPeerKey(
  ctx: Pick<AppContext, 'config'>,
  peerId: string,
  stored: string,
): string {
  return fieldCipher(ctx.config).decrypt(stored, keyContext(peerId)).toString('utf8');
}

/** The visible part of a key: tinhso keys' `tsk_XXXXXXXX`, the first characters of others. */
function prefixOf(key: string): string {
  return /^tsk_[A-Za-z0-9]{8}_/.test(key) ? key.slice(0, 12) : `${key.slice(0, 4)}…`;
}

function present(row: {
  id: string;
  name: string;
  baseUrl: string;
  organPatterns: string[];
  apiKeyPrefix: string;
  createdAt: Date;
  disabledAt: Date | null;
}): PeerView {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.baseUrl,
    organPatterns: row.organPatterns,
    apiKeyPrefix: row.apiKeyPrefix,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

const PEER_COLUMNS = [
  'id',
  'name',
  'baseUrl',
  'organPatterns',
  'apiKeyPrefix',
  'createdAt',
  'disabledAt',
] as const;

async function authorize(ctx: AppContext, principal: Principal): Promise<void> {
  await authorizeRecord(ctx, principal, EXCHANGE_PERMISSIONS.manage, null);
}

export async function listPeers(ctx: AppContext, principal: Principal): Promise<PeerView[]> {
  await authorize(ctx, principal);
  const rows = await exchangeDb(ctx)
    .selectFrom('exchangePeer')
    .select(PEER_COLUMNS)
    .orderBy((eb) => eb.case().when('disabledAt', 'is', null).then(0).else(1).end())
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

export async function createPeer(
  ctx: AppContext,
  principal: Principal,
  facts: RequestFacts,
  input: NewPeer,
): Promise<PeerView> {
  await authorize(ctx, principal);
  const checked = checkWebhookUrl(input.baseUrl, PEER_URL_POLICY);
  if (!checked.ok) throw exchangeErrors.EXCHANGE_PEER_URL_INVALID({ reason: checked.reason });
  if (checked.url.search !== '') {
    throw exchangeErrors.EXCHANGE_PEER_URL_INVALID({ reason: 'query' });
  }
  const patterns = [...new Set(input.organPatterns.map((p) => p.trim()))];
  const bad = patterns.filter((p) => !ORGAN_PATTERN.test(p));
  if (bad.length > 0 || patterns.length === 0) {
    throw exchangeErrors.EXCHANGE_PEER_PATTERN_INVALID({
      patterns: bad,
      expected: 'agency-code characters with % and _ wildcards, 1 to 64 characters',
    });
  }
  const id = randomUUID();
  const baseUrl = checked.url.toString().replace(/\/+$/, '');
  const now = ctx.clock.now();
  const apiKeyPrefix = prefixOf(input.apiKey);
  await exchangeDb(ctx)
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('exchangePeer')
        .values({
          id,
          name: input.name.trim(),
          baseUrl,
          organPatterns: patterns,
          apiKey: fieldCipher(ctx.config).encrypt(
            Buffer.from(input.apiKey, 'utf8'),
            keyContext(id),
          ),
          apiKeyPrefix,
          createdBy: principal.kind === 'user' ? principal.id : null,
          createdAt: now,
          disabledAt: null,
        })
        .execute();
      await recordAudit(trx, {
        actorType: principal.kind === 'api_key' ? 'api_key' : 'user',
        actorId: principal.id,
        action: 'documents.exchange_peer_added',
        recordType: 'exchange_peer',
        recordId: id,
        ip: facts.ip,
        requestId: facts.requestId,
        details: { name: input.name.trim(), baseUrl, organPatterns: patterns, apiKeyPrefix },
      });
    });
  const row = await exchangeDb(ctx)
    .selectFrom('exchangePeer')
    .select(PEER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return present(row);
}

/** Stops routing to the peer; packets already queued for it fail over to no route. */
export async function disablePeer(
  ctx: AppContext,
  principal: Principal,
  facts: RequestFacts,
  id: string,
): Promise<PeerView> {
  await authorize(ctx, principal);
  const db = exchangeDb(ctx);
  const existing = await db
    .selectFrom('exchangePeer')
    .select(PEER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!existing) throw exchangeErrors.EXCHANGE_PEER_NOT_FOUND();
  if (existing.disabledAt) return present(existing);
  const now = ctx.clock.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('exchangePeer')
      .set({ disabledAt: now })
      .where('id', '=', id)
      .where('disabledAt', 'is', null)
      .execute();
    await recordAudit(trx, {
      actorType: principal.kind === 'api_key' ? 'api_key' : 'user',
      actorId: principal.id,
      action: 'documents.exchange_peer_disabled',
      recordType: 'exchange_peer',
      recordId: id,
      ip: facts.ip,
      requestId: facts.requestId,
      details: { name: existing.name },
    });
  });
  return present({ ...existing, disabledAt: now });
}
