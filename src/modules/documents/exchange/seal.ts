/**
 * Who signs a packet: the digital seal (con dấu số) of the agency it speaks for — the sender
 * of a document package, the agency reporting a status. The seal's keystore is the agency's
 * current `signing_keystore` of holder kind `seal`; its certificate and chain go into KeyInfo
 * so the receiver can build the path to its trusted root.
 */
import type { AppContext } from '../../../kernel/context';
import type { Db } from '../../../kernel/db/database';
import { currentKeystoreId, loadKeystore } from '../../../kernel/signing/keystores';
import type { SignOptions } from '../edxml';
import type { ExchangeDb, ExchangeTrx } from './exchange-db';
import { exchangeErrors } from './exchange.errors';

export function pemOf(der: Buffer): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Signing options by keystore version (`id:fingerprint`, as loadKeystore keys its cache): a
 * keystore replaced under the same id is a new entry, and a retired or expired one is never
 * current, so never looked up.
 */
const sealOptions = new Map<string, SignOptions>();

/**
 * The agency's seal as edXML signing options, or undefined when it has none. Read through
 * `db`, which inside a transaction must be that transaction (the embedded database has one
 * connection).
 */
export async function findSeal(
  ctx: Pick<AppContext, 'config'>,
  db: ExchangeDb | ExchangeTrx,
  agencyId: string,
): Promise<SignOptions | undefined> {
  // The keystore queries touch kernel tables only; any handle on this database will do.
  const handle = db as unknown as Db;
  const id = await currentKeystoreId(handle, { agencyId });
  if (!id) return undefined;
  // Every packet is signed, and loadKeystore reads the seal's picture (tens of kilobytes)
  // each time, which a packet never shows: once the version's options are known, only its
  // fingerprint is read.
  const version = await handle
    .selectFrom('signingKeystore')
    .select('fingerprint')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!version) return undefined;
  const known = sealOptions.get(`${id}:${version.fingerprint}`);
  if (known) return known;
  const keystore = await loadKeystore(ctx, handle, id);
  if (!keystore) return undefined;
  const { privateKey, certificate, chain } = keystore.contents;
  const options = { privateKey, certificateChainPem: [certificate, ...chain].map(pemOf) };
  sealOptions.set(`${id}:${version.fingerprint}`, options);
  return options;
}

export async function requireSeal(
  ctx: Pick<AppContext, 'config'>,
  db: ExchangeDb | ExchangeTrx,
  agency: { id: string; code: string },
): Promise<SignOptions> {
  const seal = await findSeal(ctx, db, agency.id);
  if (!seal) throw exchangeErrors.EXCHANGE_NO_SEAL({ agencyCode: agency.code });
  return seal;
}
