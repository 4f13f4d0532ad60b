import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachmentStampAppearance,
  demoSealPng,
  demoSignaturePng,
  sealAppearance,
} from './appearance';
import type { KeyAndCertificate } from './certificate-authority';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { chairmanBlock, samplePdf } from './sample-pdf.test-support';
import { softwareIdentity, type SigningIdentity } from './signing-identity';
import { createTestPki, tempDir, toPem, type TestPki } from './signing.test-support';
import { TrustStore } from './trust-store';

/**
 * pdfsig (poppler) checks certificates against an NSS database: one is made per test run
 * holding the test root, so pdfsig judges trust as well as integrity.
 */
function pdfsig(nssDir: string, pdf: Buffer, file: string) {
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('/usr/bin/pdfsig', ['-nssdir', `sql:${nssDir}`, file], {
      encoding: 'utf8',
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
}
const verdicts = (output: string) =>
  [...output.matchAll(/- Signature Validation: (.*)$/gm)].map((m) => m[1]!.trim());
const certificateVerdicts = (output: string) =>
  [...output.matchAll(/- Certificate Validation: (.*)$/gm)].map((m) => m[1]!.trim());

describe('PAdES signatures on PDF', () => {
  const tmp = tempDir('tinhso-pades-');
  let pki: TestPki;
  let chairman: SigningIdentity;
  let seal: SigningIdentity;
  let trust: TrustStore;
  let document: Buffer;
  let signatureImage: Buffer;
  let sealImage: Buffer;
  const signedAt = new Date('2026-11-21T02:30:05Z');

  beforeAll(async () => {
    pki = await createTestPki();
    const person: KeyAndCertificate = await pki.issue({
      commonName: 'Nguyễn Văn Hùng',
      organization: 'UBND phường Hạ Long',
    });
    const agency = await pki.issue({
      commonName: 'UBND phường Hạ Long',
      organization: 'UBND phường Hạ Long',
    });
    chairman = softwareIdentity(person.privateKey, person.certificate, [pki.root.certificate]);
    seal = softwareIdentity(agency.privateKey, agency.certificate, [pki.root.certificate]);
    trust = new TrustStore([pki.root.certificate]);
    document = await samplePdf(10, { lastPageLines: 12 });
    signatureImage = await demoSignaturePng('Nguyễn Văn Hùng');
    sealImage = await demoSealPng('UBND phường Hạ Long');
    fs.writeFileSync(tmp.file('root.pem'), toPem(pki.root.certificate));
    fs.mkdirSync(tmp.file('nss'));
    execFileSync('certutil', ['-N', '-d', `sql:${tmp.file('nss')}`, '--empty-password']);
    execFileSync('certutil', [
      '-A',
      '-d',
      `sql:${tmp.file('nss')}`,
      '-n',
      'test-root',
      '-t',
      'CT,C,C',
      '-i',
      tmp.file('root.pem'),
    ]);
  }, 120_000);
  afterAll(() => tmp.remove());

  async function signedBySignerAndSeal(pdf: Buffer): Promise<Buffer> {
    const signer = await chairmanBlock(signatureImage);
    const once = await signPdf(pdf, {
      identity: chairman,
      signingTime: signedAt,
      appearance: signer.appearance,
      pageIndex: 9,
      name: 'Nguyễn Văn Hùng',
      reason: 'Ký ban hành',
      location: 'Hạ Long, Quảng Ninh',
    });
    const stamp = await sealAppearance({
      signerLayout: signer.layout,
      sealImagePng: sealImage,
      diameterMm: 36,
    });
    return signPdf(once, {
      identity: seal,
      signingTime: new Date(signedAt.getTime() + 60_000),
      appearance: stamp.appearance,
      pageIndex: 9,
      name: 'UBND phường Hạ Long',
    });
  }

  it('signs with the signer then the seal; pdfsig and our verifier find both valid and trusted', async () => {
    const signed = await signedBySignerAndSeal(document);
    const output = pdfsig(tmp.file('nss'), signed, tmp.file('signed.pdf'));
    expect(verdicts(output)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    expect(certificateVerdicts(output)).toEqual([
      'Certificate is Trusted.',
      'Certificate is Trusted.',
    ]);
    expect(output).toContain('Nguyễn Văn Hùng');

    const ours = verifyPdf(signed, trust);
    expect(ours.outcome).toBe('valid');
    expect(ours.signatures.map((s) => [s.valid, s.coversWholeFile, s.problems])).toEqual([
      [true, false, []],
      [true, true, []],
    ]);
    // The signer's signature covers its revision; what came after is only the seal.
    expect(ours.signatures[0]!.laterRevisions.every((r) => r.changes.every((c) => c.allowed))).toBe(
      true,
    );
    expect(ours.signatures[0]!.cms.signer?.x509.subject).toContain('CN=Nguyễn Văn Hùng');
    expect(ours.signatures[1]!.cms.signer?.x509.subject).toContain('CN=UBND phường Hạ Long');
    expect(ours.signatures[0]!.claimedSigningTime?.toISOString()).toBe(signedAt.toISOString());
    // Both widgets are on the last page, as laid out.
    expect(ours.signatures.map((s) => s.pageIndex)).toEqual([9, 9]);
  });

  it('shows the Decree 30 block: pdftotext reads the position and the name on the last page', async () => {
    const signed = await signedBySignerAndSeal(document);
    fs.writeFileSync(tmp.file('text.pdf'), signed);
    const text = execFileSync(
      '/usr/bin/pdftotext',
      ['-f', '10', '-l', '10', tmp.file('text.pdf'), '-'],
      { encoding: 'utf8' },
    );
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain('Nguyễn Văn Hùng');
  });

  it('fails in pdfsig and in our verifier when one signed byte changes', async () => {
    const signed = await signedBySignerAndSeal(document);
    const tampered = Buffer.from(signed);
    // A byte of the first page's content, inside every signature's range.
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = tampered[at]! ^ 0x01;
    const output = pdfsig(tmp.file('nss'), tampered, tmp.file('tampered.pdf'));
    expect(verdicts(output)).toHaveLength(2);
    for (const verdict of verdicts(output)) expect(verdict).not.toBe('Signature is Valid.');
    const ours = verifyPdf(tampered, trust);
    expect(ours.outcome).toBe('invalid');
    for (const signature of ours.signatures) {
      expect(signature.intact).toBe(false);
      expect(signature.problems).toContain('DIGEST_MISMATCH');
    }
  });

  it('signs an attachment with the agency stamp at the top right of its first page', async () => {
    const stamp = await attachmentStampAppearance({ numberNotation: '15/QĐ-UBND', signedAt });
    const signed = await signPdf(await samplePdf(2, { objectStreams: false }), {
      identity: seal,
      signingTime: signedAt,
      appearance: stamp.appearance,
    });
    expect(verdicts(pdfsig(tmp.file('nss'), signed, tmp.file('attachment.pdf')))).toEqual([
      'Signature is Valid.',
    ]);
    expect(verifyPdf(signed, trust).outcome).toBe('valid');
    fs.writeFileSync(tmp.file('attachment.pdf'), signed);
    const text = execFileSync('/usr/bin/pdftotext', ['-l', '1', tmp.file('attachment.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('15/QĐ-UBND');
    expect(text).toContain('2026-11-21T09:30:05+07:00');
  });

  it('is intact but untrusted when signed by a certificate from another root', async () => {
    const stranger = await (await createTestPki('Tỉnh khác')).issue({ commonName: 'Người lạ' });
    const signed = await signPdf(document, {
      identity: softwareIdentity(stranger.privateKey, stranger.certificate),
      signingTime: signedAt,
    });
    const output = pdfsig(tmp.file('nss'), signed, tmp.file('stranger.pdf'));
    expect(verdicts(output)).toEqual(['Signature is Valid.']);
    expect(certificateVerdicts(output)[0]).not.toBe('Certificate is Trusted.');
    const ours = verifyPdf(signed, trust);
    expect(ours.outcome).toBe('invalid');
    expect(ours.signatures[0]).toMatchObject({
      intact: true,
      valid: false,
      problems: ['NO_PATH_TO_TRUSTED_ROOT'],
    });
  });

  it('reports a file without signatures as unsigned', () => {
    expect(verifyPdf(document, trust)).toEqual({ outcome: 'unsigned', signatures: [] });
  });
});
