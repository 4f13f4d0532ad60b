/**
 * Where a packet for an agency code goes. An agency of this platform (its code is in the
 * `agency` table and it is active) is served in-process. Otherwise the enabled peer with a
 * matching organ pattern takes it; when several match, the most specific pattern wins (the
 * most characters that are not wildcards), then the oldest peer, so adding a broad fallback
 * (`%`) never steals traffic from a precise one (`%.H26`).
 */
import { sql } from 'kysely';
import type { ExchangeDb, ExchangeTrx } from './exchange-db';

export interface PeerRoute {
  kind: 'peer';
  peerId: string;
  name: string;
  baseUrl: string;
  /** Field-encrypted; see exchange-peers.ts. */
  apiKeyEncrypted: string;
}

export type Route = { kind: 'local'; agencyId: string } | PeerRoute | { kind: 'none' };

/** A LIKE pattern of agency codes: code characters, `%` and `_`, up to 64 characters. */
export const ORGAN_PATTERN = /^[A-Za-z0-9.%_-]{1,64}$/;

export async function localAgency(
  db: ExchangeDb | ExchangeTrx,
  organId: string,
): Promise<{ id: string; code: string; name: string } | undefined> {
  return db
    .selectFrom('agency')
    .select(['id', 'code', 'name'])
    .where('code', '=', organId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function routeFor(db: ExchangeDb | ExchangeTrx, organId: string): Promise<Route> {
  const local = await localAgency(db, organId);
  if (local) return { kind: 'local', agencyId: local.id };
  const peer = await db
    .selectFrom('exchangePeer as p')
    .select(['p.id', 'p.name', 'p.baseUrl', 'p.apiKey'])
    .select(
      sql<number>`(SELECT max(length(replace(replace(pattern, '%', ''), '_', ''))) FROM unnest(p.organ_patterns) AS pattern WHERE ${organId} LIKE pattern)`.as(
        'specificity',
      ),
    )
    .where('p.disabledAt', 'is', null)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(p.organ_patterns) AS pattern WHERE ${organId} LIKE pattern)`,
    )
    .orderBy('specificity', 'desc')
    .orderBy('p.createdAt')
    .orderBy('p.id')
    .executeTakeFirst();
  if (!peer) return { kind: 'none' };
  return {
    kind: 'peer',
    peerId: peer.id,
    name: peer.name,
    baseUrl: peer.baseUrl,
    apiKeyEncrypted: peer.apiKey,
  };
}

/** The codes among `organIds` that no route reaches. */
export async function unroutable(
  db: ExchangeDb | ExchangeTrx,
  organIds: readonly string[],
): Promise<string[]> {
  const missing: string[] = [];
  for (const organId of organIds) {
    if ((await routeFor(db, organId)).kind === 'none') missing.push(organId);
  }
  return missing;
}
