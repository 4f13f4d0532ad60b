import fs from 'node:fs';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeystoreError, readPkcs12, writePkcs12 } from './pkcs12';
import type { KeyAndCertificate } from './certificate-authority';
import { createTestPki, openssl, tempDir, toPem, type TestPki } from './signing.test-support';

describe('PKCS#12 keystores', () => {
  let pki: TestPki;
  let seal: KeyAndCertificate;
  const tmp = tempDir();
  const password = 'Mật khẩu kho khóa 2026!';

  beforeAll(async () => {
    pki = await createTestPki();
    seal = await pki.issue({
      commonName: 'UBND tỉnh Quảng Ninh',
      organization: 'UBND tỉnh Quảng Ninh',
    });
  }, 60_000);
  afterAll(() => tmp.remove());

  it('writes a keystore OpenSSL opens with the password, holding the key and the chain', async () => {
    const p12 = await writePkcs12({ ...seal, chain: [pki.root.certificate] }, password);
    fs.writeFileSync(tmp.file('seal.p12'), p12);
    const opened = await openssl([
      'pkcs12',
      '-in',
      tmp.file('seal.p12'),
      '-nodes',
      '-passin',
      `pass:${password}`,
    ]);
    expect(opened.ok).toBe(true);
    expect(opened.output).toContain('-----BEGIN PRIVATE KEY-----');
    // Both certificates come out, the seal's and the root's.
    expect(opened.output.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    const wrong = await openssl([
      'pkcs12',
      '-in',
      tmp.file('seal.p12'),
      '-nodes',
      '-passin',
      'pass:sai',
    ]);
    expect(wrong.ok).toBe(false);
  });

  it('reads back what it wrote', async () => {
    const p12 = await writePkcs12({ ...seal, chain: [pki.root.certificate] }, password);
    const back = await readPkcs12(p12, password);
    expect(back.certificate.equals(seal.certificate)).toBe(true);
    expect(back.chain.map((c) => c.equals(pki.root.certificate))).toEqual([true]);
    expect(
      createPublicKey(back.privateKey).equals(new X509Certificate(seal.certificate).publicKey),
    ).toBe(true);
  });

  it('reads a keystore OpenSSL wrote', async () => {
    fs.writeFileSync(tmp.file('cert.pem'), toPem(seal.certificate));
    fs.writeFileSync(tmp.file('key.pem'), seal.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    fs.writeFileSync(tmp.file('root.pem'), toPem(pki.root.certificate));
    const exported = await openssl([
      'pkcs12',
      '-export',
      '-in',
      tmp.file('cert.pem'),
      '-inkey',
      tmp.file('key.pem'),
      '-certfile',
      tmp.file('root.pem'),
      '-passout',
      `pass:${password}`,
      '-out',
      tmp.file('openssl.p12'),
    ]);
    expect(exported.ok).toBe(true);
    const back = await readPkcs12(fs.readFileSync(tmp.file('openssl.p12')), password);
    expect(back.certificate.equals(seal.certificate)).toBe(true);
    expect(back.chain).toHaveLength(1);
  });

  it('refuses a wrong password and a file that is not a keystore with a clear error', async () => {
    const p12 = await writePkcs12({ ...seal, chain: [] }, password);
    await expect(readPkcs12(p12, 'không đúng')).rejects.toThrow(KeystoreError);
    await expect(readPkcs12(p12, 'không đúng')).rejects.toThrow(/wrong password/);
    await expect(readPkcs12(Buffer.from('hello'), password)).rejects.toThrow(/not a PKCS#12/);
  });
});
