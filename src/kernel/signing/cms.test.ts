import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCrl, type KeyAndCertificate } from './certificate-authority';
import { signDetachedCms } from './cms-sign';
import { verifyDetachedCms } from './cms-verify';
import { softwareIdentity, type SigningIdentity } from './signing-identity';
import { TrustStore } from './trust-store';
import { createTestPki, openssl, tempDir, toPem, type TestPki } from './signing.test-support';

const content = Buffer.from(
  'Công văn số 123/UBND-VP về việc tổ chức Tết Nguyên đán 2027\n'.repeat(40),
);
const digestOf = (data: Buffer) => (algorithm: string) =>
  createHash(algorithm).update(data).digest();

describe('detached CMS signatures', () => {
  let pki: TestPki;
  let other: TestPki;
  let chairman: KeyAndCertificate;
  let identity: SigningIdentity;
  let trust: TrustStore;
  const tmp = tempDir();

  beforeAll(async () => {
    pki = await createTestPki();
    other = await createTestPki('Tỉnh khác');
    chairman = await pki.issue({
      commonName: 'Nguyễn Văn Hùng',
      organization: 'UBND phường Hạ Long',
    });
    identity = softwareIdentity(chairman.privateKey, chairman.certificate);
    trust = new TrustStore([pki.root.certificate]);
    fs.writeFileSync(tmp.file('root.pem'), toPem(pki.root.certificate));
    fs.writeFileSync(tmp.file('other-root.pem'), toPem(other.root.certificate));
    fs.writeFileSync(tmp.file('content.bin'), content);
  }, 60_000);
  afterAll(() => tmp.remove());

  async function opensslVerify(cms: Buffer, data: Buffer, extra: string[] = [], ca = 'root.pem') {
    fs.writeFileSync(tmp.file('sig.der'), cms);
    fs.writeFileSync(tmp.file('data.bin'), data);
    return openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      tmp.file('sig.der'),
      '-content',
      tmp.file('data.bin'),
      '-CAfile',
      tmp.file(ca),
      '-out',
      '/dev/null',
      ...extra,
    ]);
  }

  it('signs so that OpenSSL verifies it, with and without a signing time', async () => {
    const contentDigest = createHash('sha256').update(content).digest();
    for (const signingTime of [undefined, new Date('2026-11-21T02:30:00Z')]) {
      const cms = await signDetachedCms({ contentDigest, identity, signingTime });
      const result = await opensslVerify(cms, content);
      expect(result.output).toContain('Verification successful');
      expect(result.ok).toBe(true);
      const ours = verifyDetachedCms({ cms, digestOf: digestOf(content), trust });
      expect(ours.problems).toEqual([]);
      expect(ours.valid).toBe(true);
      expect(ours.signer?.x509.subject).toContain('CN=Nguyễn Văn Hùng');
      expect(ours.signingTime?.toISOString()).toBe(signingTime?.toISOString());
    }
  });

  it('fails in OpenSSL and here when one byte of the content changed', async () => {
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity,
    });
    const changed = Buffer.from(content);
    changed[100] = changed[100]! ^ 0x01;
    const result = await opensslVerify(cms, changed);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/content verify error/i);
    const ours = verifyDetachedCms({ cms, digestOf: digestOf(changed), trust });
    expect(ours.intact).toBe(false);
    expect(ours.problems).toContain('DIGEST_MISMATCH');
  });

  it('fails when the signature bytes are altered', async () => {
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity,
    });
    const altered = Buffer.from(cms);
    altered[altered.length - 10] = altered[altered.length - 10]! ^ 0x40; // inside the RSA signature, the last field
    expect((await opensslVerify(altered, content)).ok).toBe(false);
    const ours = verifyDetachedCms({ cms: altered, digestOf: digestOf(content), trust });
    expect(ours.problems).toContain('BAD_SIGNATURE');
  });

  it('is intact but not trusted when the root is not one the platform trusts', async () => {
    const stranger = await other.issue({ commonName: 'Người lạ' });
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity: softwareIdentity(stranger.privateKey, stranger.certificate),
    });
    expect((await opensslVerify(cms, content)).ok).toBe(false);
    expect((await opensslVerify(cms, content, [], 'other-root.pem')).ok).toBe(true);
    const ours = verifyDetachedCms({ cms, digestOf: digestOf(content), trust });
    expect(ours.intact).toBe(true);
    expect(ours.valid).toBe(false);
    expect(ours.problems).toEqual(['NO_PATH_TO_TRUSTED_ROOT']);
  });

  it('keeps each trust store to its own roots, even against a root of the same name', async () => {
    // Same subject as the platform's root, another key: names alone would chain to either.
    const impostor = await createTestPki();
    const fake = await impostor.issue({ commonName: 'Nguyễn Văn Hùng' });
    const impostorTrust = new TrustStore([impostor.root.certificate]);
    const contentDigest = createHash('sha256').update(content).digest();
    const genuineCms = await signDetachedCms({ contentDigest, identity });
    const fakeCms = await signDetachedCms({
      contentDigest,
      identity: softwareIdentity(fake.privateKey, fake.certificate, [impostor.root.certificate]),
    });
    const check = (cms: Buffer, store: TrustStore) =>
      verifyDetachedCms({ cms, digestOf: digestOf(content), trust: store });
    // Twice over, so that the second round runs on what the first remembered.
    for (let round = 0; round < 2; round++) {
      expect(check(genuineCms, trust).valid).toBe(true);
      expect(check(fakeCms, impostorTrust).valid).toBe(true);
      expect(check(fakeCms, trust).problems).toEqual(['NO_PATH_TO_TRUSTED_ROOT']);
      expect(check(genuineCms, impostorTrust).problems).toEqual(['NO_PATH_TO_TRUSTED_ROOT']);
    }
  });

  it('judges the certificate at the signing time', async () => {
    const shortLived = await pki.issue(
      { commonName: 'Trần Thị Mai' },
      { notBefore: new Date(Date.UTC(2025, 0, 1)), validYears: 1 },
    );
    const signer = softwareIdentity(shortLived.privateKey, shortLived.certificate);
    const contentDigest = createHash('sha256').update(content).digest();
    const during = await signDetachedCms({
      contentDigest,
      identity: signer,
      signingTime: new Date('2025-06-01T00:00:00Z'),
    });
    const after = await signDetachedCms({
      contentDigest,
      identity: signer,
      signingTime: new Date('2026-06-01T00:00:00Z'),
    });
    expect(verifyDetachedCms({ cms: during, digestOf: digestOf(content), trust }).valid).toBe(true);
    const late = verifyDetachedCms({ cms: after, digestOf: digestOf(content), trust });
    expect(late.valid).toBe(false);
    expect(late.problems).toEqual(['EXPIRED_AT_SIGNING']);
  });

  it('refuses a certificate revoked on a configured CRL before it signed, as OpenSSL does', async () => {
    const revokedHolder = await pki.issue({ commonName: 'Lê Văn Bình' });
    const serial = new (await import('node:crypto')).X509Certificate(revokedHolder.certificate)
      .serialNumber;
    const crl = await issueCrl({
      issuer: pki.root,
      revoked: [{ serialNumber: serial, revokedAt: new Date('2026-01-01T00:00:00Z') }],
      thisUpdate: new Date(Date.now() - 3600_000),
      nextUpdate: new Date(Date.now() + 7 * 86400_000),
    });
    const withCrl = new TrustStore([pki.root.certificate]);
    await withCrl.addCrl(crl);
    const contentDigest = createHash('sha256').update(content).digest();
    const signer = softwareIdentity(revokedHolder.privateKey, revokedHolder.certificate);
    const cms = await signDetachedCms({
      contentDigest,
      identity: signer,
      signingTime: new Date('2026-11-21T00:00:00Z'),
    });
    const ours = verifyDetachedCms({ cms, digestOf: digestOf(content), trust: withCrl });
    expect(ours.problems).toEqual(['REVOKED']);
    expect(ours.chain?.revocation).toMatchObject({ checked: true, revoked: true });
    // Signed before the revocation: still valid, and the report says it was revoked later.
    const earlier = await signDetachedCms({
      contentDigest,
      identity: signer,
      signingTime: new Date('2025-12-01T00:00:00Z'),
    });
    const before = verifyDetachedCms({ cms: earlier, digestOf: digestOf(content), trust: withCrl });
    expect(before.valid).toBe(true);
    expect(before.chain?.revocation).toMatchObject({ checked: true, revoked: true });
    // A good certificate is checked against the same CRL and found not revoked.
    const good = verifyDetachedCms({
      cms: await signDetachedCms({ contentDigest, identity }),
      digestOf: digestOf(content),
      trust: withCrl,
    });
    expect(good.valid).toBe(true);
    expect(good.chain?.revocation).toMatchObject({ checked: true, revoked: false });

    // OpenSSL reads CRLs from the CA file too.
    const crlPem = `-----BEGIN X509 CRL-----\n${crl.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END X509 CRL-----\n`;
    fs.writeFileSync(tmp.file('root-and-crl.pem'), toPem(pki.root.certificate) + crlPem);
    const checked = await opensslVerify(cms, content, ['-crl_check'], 'root-and-crl.pem');
    expect(checked.ok).toBe(false);
    expect(checked.output).toMatch(/revoked/i);
  });

  it('refuses a CRL that no trusted issuer signed', async () => {
    const forged = await issueCrl({
      issuer: other.root,
      revoked: [],
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + 86400_000),
    });
    await expect(new TrustStore([pki.root.certificate]).addCrl(forged)).rejects.toThrow(
      /not signed by a trusted issuer/,
    );
  });

  it('verifies a signature OpenSSL made', async () => {
    fs.writeFileSync(tmp.file('signer.pem'), toPem(chairman.certificate));
    fs.writeFileSync(
      tmp.file('signer.key'),
      chairman.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    const made = await openssl([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-outform',
      'DER',
      '-in',
      tmp.file('content.bin'),
      '-signer',
      tmp.file('signer.pem'),
      '-inkey',
      tmp.file('signer.key'),
      '-out',
      tmp.file('openssl.der'),
    ]);
    expect(made.ok).toBe(true);
    const ours = verifyDetachedCms({
      cms: fs.readFileSync(tmp.file('openssl.der')),
      digestOf: digestOf(content),
      trust,
    });
    expect(ours.problems).toEqual([]);
    expect(ours.valid).toBe(true);
  });

  it('reports garbage as malformed instead of throwing', () => {
    for (const cms of [
      Buffer.alloc(0),
      Buffer.from('not DER at all'),
      Buffer.from([0x30, 0x82, 0xff, 0xff, 0x06]),
    ]) {
      const result = verifyDetachedCms({ cms, digestOf: digestOf(content), trust });
      expect(result.valid).toBe(false);
      expect(result.problems).toEqual(['MALFORMED']);
    }
  });
});
