/**
 * The Ed25519 key that signs audit checkpoints.
 *
 * Production passes it in AUDIT_SIGNING_KEY (PKCS#8 PEM, base64-encoded) so every
 * scheduler process signs with the same key. Without it, the first process generates one
 * and keeps it in `<dataDir>/secrets/audit-signing-key.pem` (readable by the owner only).
 * The public half is stored in `audit_signing_key`, so anyone with read access to the
 * database can verify the chain, and an old key stays usable for old checkpoints after a
 * rotation.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import type { Db } from '../db/database';
import type { Config } from '../config/config';

export interface AuditSigningKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

const cache = new WeakMap<Readonly<Config>, AuditSigningKey>();

export function signingKeyFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'secrets', 'audit-signing-key.pem');
}

/** Key id: the first 128 bits of SHA-256 over the public key's DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 32);
}

export function loadAuditSigningKey(config: Readonly<Config>): AuditSigningKey {
  const cached = cache.get(config);
  if (cached) return cached;
  const pem =
    config.auditSigningKey !== ''
      ? Buffer.from(config.auditSigningKey, 'base64').toString('utf8')
      : readOrCreateKeyFile(signingKeyFile(config));
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('the audit signing key must be an Ed25519 key');
  }
  const publicKey = createPublicKey(privateKey);
  const key: AuditSigningKey = {
    keyId: keyIdOf(publicKey),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  cache.set(config, key);
  return key;
}

function readOrCreateKeyFile(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    // 'wx': when two processes start together, the first file written wins for both.
    fs.writeFileSync(file, pem, { flag: 'wx', mode: 0o600 });
    return pem;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8');
    throw error;
  }
}

/** Records the public key so verification needs no secret. */
export async function registerPublicKey(db: Db, key: AuditSigningKey): Promise<void> {
  await db
    .insertInto('auditSigningKey')
    .values({ keyId: key.keyId, publicKeyPem: key.publicKeyPem })
    .onConflict((oc) => oc.column('keyId').doNothing())
    .execute();
}
