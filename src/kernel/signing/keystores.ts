/**
 * The software keystores kept in the database: one PKCS#12 file per signer, per agency seal
 * and for the demo CA, each locked with its own random password, which is stored encrypted
 * with the platform's field key. Loading one yields a SigningIdentity; keys stay in memory
 * per process so a signer who signs fifty documents decrypts the keystore once.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context';
import type { Db } from '../db/database';
import { fieldCipher } from '../auth/field-crypto';
import { randomToken } from '../crypto/random-token';
import { children, encodingOf, readElement } from './der';
import { knownCertificate, nameField } from './certificate-cache';
import { readPkcs12, writePkcs12, type KeystoreContents } from './pkcs12';
import { softwareIdentity, type SigningIdentity } from './signing-identity';
import type { KeystoreHolder } from './signing.tables';

export interface NewKeystore {
  holderKind: KeystoreHolder;
  userId?: string | null;
  agencyId?: string | null;
  contents: KeystoreContents;
  appearanceImage?: Buffer | null;
}

const passwordContext = (id: string) => `signing_keystore.keystore_password:${id}`;

/** Splits concatenated DER certificates. */
export function splitCertificates(concatenated: Buffer): Buffer[] {
  if (concatenated.length === 0) return [];
  const wrapper = Buffer.concat([Buffer.of(0x30, 0x84), Buffer.alloc(4), concatenated]);
  wrapper.writeUInt32BE(concatenated.length, 2);
  return children(readElement(wrapper)).map((element) => Buffer.from(encodingOf(element)));
}

export async function saveKeystore(
  ctx: Pick<AppContext, 'config'>,
  db: Db,
  keystore: NewKeystore,
): Promise<string> {
  const id = randomUUID();
  const password = randomToken(32);
  const certificate = knownCertificate(keystore.contents.certificate);
  await db
    .insertInto('signingKeystore')
    .values({
      id,
      holderKind: keystore.holderKind,
      userId: keystore.userId ?? null,
      agencyId: keystore.agencyId ?? null,
      subjectName: nameField(certificate.x509.subject, 'CN') ?? certificate.x509.subject,
      certificate: keystore.contents.certificate,
      chain: Buffer.concat(keystore.contents.chain),
      fingerprint: certificate.fingerprint,
      serialNumber: certificate.serialNumber,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      keystore: await writePkcs12(keystore.contents, password),
      keystorePassword: fieldCipher(ctx.config).encrypt(Buffer.from(password), passwordContext(id)),
      appearanceImage: keystore.appearanceImage ?? null,
    })
    .execute();
  return id;
}

export interface LoadedKeystore {
  id: string;
  holderKind: KeystoreHolder;
  subjectName: string;
  identity: SigningIdentity;
  contents: KeystoreContents;
  appearanceImage: Buffer | null;
}

const loaded = new Map<string, Promise<LoadedKeystore>>();

/** The keystore's identity, decrypted once per process; a retired keystore is refused. */
export async function loadKeystore(
  ctx: Pick<AppContext, 'config'>,
  db: Db,
  id: string,
): Promise<LoadedKeystore | undefined> {
  const row = await db
    .selectFrom('signingKeystore')
    .select(['id', 'holderKind', 'subjectName', 'fingerprint', 'retiredAt', 'appearanceImage'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || row.retiredAt) return undefined;
  // Keyed by fingerprint too, so a replaced keystore under the same id never reuses a key.
  const key = `${row.id}:${row.fingerprint}`;
  let pending = loaded.get(key);
  if (!pending) {
    pending = (async () => {
      const full = await db
        .selectFrom('signingKeystore')
        .select(['keystore', 'keystorePassword'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const password = fieldCipher(ctx.config)
        .decrypt(full.keystorePassword, passwordContext(id))
        .toString();
      const contents = await readPkcs12(full.keystore, password);
      return {
        id: row.id,
        holderKind: row.holderKind,
        subjectName: row.subjectName,
        identity: softwareIdentity(contents.privateKey, contents.certificate, contents.chain),
        contents,
        appearanceImage: row.appearanceImage,
      };
    })();
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  const result = await pending;
  return { ...result, appearanceImage: row.appearanceImage };
}

/** The current keystore of a signer or of an agency's seal, if one exists. */
export async function currentKeystoreId(
  db: Db,
  holder: { userId: string } | { agencyId: string },
): Promise<string | undefined> {
  let query = db
    .selectFrom('signingKeystore')
    .select('id')
    .where('retiredAt', 'is', null)
    .where('notAfter', '>', new Date());
  query =
    'userId' in holder
      ? query.where('holderKind', '=', 'person').where('userId', '=', holder.userId)
      : query.where('holderKind', '=', 'seal').where('agencyId', '=', holder.agencyId);
  return (await query.executeTakeFirst())?.id;
}
