/**
 * Field-level encryption of secrets kept in the database (TOTP secrets today): AES-256-GCM
 * with a fresh 96-bit nonce per value, and the owning row's id as associated data, so a
 * ciphertext copied onto another row does not decrypt.
 *
 * The key is `config.fieldEncryptionKey` (32 bytes, base64), required in production. A
 * developer's machine or a test run usually has no key; rather than leave secrets in clear
 * text there, a random 256-bit secret is created on first use in
 * `${dataDir}/secrets/field-key` (mode 0600) and the key derived from it with HKDF. It lives
 * beside the data it protects, so a restart can still read what it wrote, and each data
 * folder gets its own key. It protects a copied database dump, not a copied data folder —
 * which is why production must supply its own key, kept elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config } from '../config/config';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface FieldCipher {
  /** `v1:<base64 nonce|tag|ciphertext>`, bound to `context` (e.g. the row id). */
  encrypt(plain: Uint8Array, context: string): string;
  decrypt(stored: string, context: string): Buffer;
}

type KeyConfig = Pick<Config, 'env' | 'dataDir' | 'fieldEncryptionKey'>;

const ciphers = new Map<string, FieldCipher>();

export function fieldCipher(config: KeyConfig): FieldCipher {
  const cacheKey = `${config.fieldEncryptionKey}\n${config.dataDir}`;
  let cipher = ciphers.get(cacheKey);
  if (!cipher) {
    cipher = createFieldCipher(loadKey(config));
    ciphers.set(cacheKey, cipher);
  }
  return cipher;
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('the field encryption key must be 32 bytes');
  return {
    encrypt(plain, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return `${VERSION}:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored, context) {
      const [version, payload] = stored.split(':');
      if (version !== VERSION || payload === undefined) {
        throw new Error('unknown field encryption format');
      }
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([
        decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    },
  };
}

function loadKey(config: KeyConfig): Buffer {
  if (config.fieldEncryptionKey !== '') return Buffer.from(config.fieldEncryptionKey, 'base64');
  if (config.env === 'production') {
    throw new Error('FIELD_ENCRYPTION_KEY is required in production');
  }
  const file = path.join(config.dataDir, 'secrets', 'field-key');
  const secret = readOrCreateSecret(file);
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'tinhso field encryption', 32));
}

function readOrCreateSecret(file: string): Buffer {
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  try {
    // 'wx' fails if another process created the file first; then its secret wins.
    fs.writeFileSync(file, `${secret.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  }
}
