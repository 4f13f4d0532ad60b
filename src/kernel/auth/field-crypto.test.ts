import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createFieldCipher, fieldCipher } from './field-crypto';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-field-key-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('field encryption', () => {
  it('round-trips a value and never stores it in clear', () => {
    const cipher = createFieldCipher(randomBytes(32));
    const stored = cipher.encrypt(Buffer.from('JBSWY3DPEHPK3PXP'), 'user-1');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(stored, 'user-1').toString()).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh nonce for every value', () => {
    const cipher = createFieldCipher(randomBytes(32));
    expect(cipher.encrypt(Buffer.from('x'), 'a')).not.toBe(cipher.encrypt(Buffer.from('x'), 'a'));
  });

  it('refuses a value moved to another row or tampered with', () => {
    const cipher = createFieldCipher(randomBytes(32));
    const stored = cipher.encrypt(Buffer.from('secret'), 'user-1');
    expect(() => cipher.decrypt(stored, 'user-2')).toThrow();
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`, 'user-1')).toThrow();
  });

  it('uses the configured key when there is one', () => {
    const key = randomBytes(32);
    const dataDir = tempDir();
    const cipher = fieldCipher({
      env: 'test',
      dataDir,
      fieldEncryptionKey: key.toString('base64'),
    });
    const stored = cipher.encrypt(Buffer.from('v'), 'c');
    expect(createFieldCipher(key).decrypt(stored, 'c').toString()).toBe('v');
    expect(fs.existsSync(path.join(dataDir, 'secrets'))).toBe(false);
  });

  it('without a key, persists a private secret in the data folder and reuses it', () => {
    const dataDir = tempDir();
    const stored = fieldCipher({ env: 'development', dataDir, fieldEncryptionKey: '' }).encrypt(
      Buffer.from('kept'),
      'row',
    );
    const file = path.join(dataDir, 'secrets', 'field-key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A new process (no cache) with the same folder reads what the first one wrote.
    fs.renameSync(dataDir, `${dataDir}-moved`);
    dirs.push(`${dataDir}-moved`);
    const again = fieldCipher({
      env: 'development',
      dataDir: `${dataDir}-moved`,
      fieldEncryptionKey: '',
    });
    expect(again.decrypt(stored, 'row').toString()).toBe('kept');
  });

  it('refuses to invent a key in production', () => {
    expect(() =>
      fieldCipher({ env: 'production', dataDir: tempDir(), fieldEncryptionKey: '' }),
    ).toThrow(/FIELD_ENCRYPTION_KEY/);
  });
});
