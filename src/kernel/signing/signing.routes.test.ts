import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { browser } from '../auth/testing';
import { createTestAgencies } from '../auth/testing';
import { signDetachedCms } from './cms-sign';
import { loadKeystore } from './keystores';
import { signPdf } from './pades-sign';
import { samplePdf } from './sample-pdf.test-support';
import { issueDemoKeystore, seedDemoCertificateAuthority } from './signing.seed';
import { createTestPki, pdfsigIntegrity } from './signing.test-support';
import { softwareIdentity, type SigningIdentity } from './signing-identity';

/** A multipart/form-data body as a browser sends it, with the named files. */
async function form(files: Record<string, { content: Buffer; name: string }>) {
  const data = new FormData();
  for (const [field, file] of Object.entries(files)) {
    data.append(field, new Blob([new Uint8Array(file.content)]), file.name);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

describe('POST /api/signing/verify', () => {
  let t: TestApp;
  let seal: SigningIdentity;
  let pdf: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    const agencies = await createTestAgencies(t.ctx, 'V');
    await seedDemoCertificateAuthority(t.ctx);
    const id = await issueDemoKeystore(t.ctx, {
      holderKind: 'seal',
      agencyId: agencies.communeA,
      subject: { commonName: 'UBND phường Hạ Long', organization: 'UBND phường Hạ Long' },
      appearanceImage: Buffer.from('png'),
    });
    seal = (await loadKeystore(t.ctx, t.ctx.db, id))!.identity;
    pdf = await samplePdf(2);
  }, 180_000);
  afterAll(() => t?.close());

  const verify = async (files: Record<string, { content: Buffer; name: string }>) => {
    const body = await form(files);
    return t.app.inject({
      method: 'POST',
      url: '/api/signing/verify',
      headers: { ...browser(t.ctx), ...body.headers },
      payload: body.payload,
    });
  };

  it('reports a PDF signed with a platform certificate as valid, to anyone', async () => {
    const signed = await signPdf(pdf, {
      identity: seal,
      signingTime: new Date('2026-11-21T03:00:00Z'),
      reason: 'Ký số văn bản',
      location: 'Hạ Long',
    });
    expect(pdfsigIntegrity(signed)).toEqual(['Signature is Valid.']);
    const res = await verify({ file: { content: signed, name: 'Quyết định 15.pdf' } });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      kind: 'pdf',
      fileName: 'Quyết định 15.pdf',
      fileSha256: createHash('sha256').update(signed).digest('hex'),
      outcome: 'valid',
    });
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({
      signer: { commonName: 'UBND phường Hạ Long', organization: 'UBND phường Hạ Long' },
      claimedSigningTime: '2026-11-21T03:00:00.000Z',
      intact: true,
      trusted: true,
      valid: true,
      problems: [],
      reason: 'Ký số văn bản',
      location: 'Hạ Long',
      pageIndex: 0,
      coverage: 'whole_file',
      revocation: 'not_checked',
    });
    expect(report.signatures[0].chain.map((c: { commonName: string }) => c.commonName)).toEqual([
      'UBND phường Hạ Long',
      'CA thử nghiệm tỉnh Quảng Ninh',
    ]);
  });

  it('reports a changed PDF as invalid, naming the problem', async () => {
    const signed = await signPdf(pdf, { identity: seal, signingTime: new Date() });
    const changed = Buffer.from(signed);
    const at = changed.indexOf('stream') + 30;
    changed[at] = changed[at]! ^ 0x20;
    expect(pdfsigIntegrity(changed)).toEqual(['Digest Mismatch.']);
    const report = (await verify({ file: { content: changed, name: 'a.pdf' } })).json();
    expect(report.outcome).toBe('invalid');
    expect(report.signatures[0]).toMatchObject({ intact: false, valid: false });
    expect(report.signatures[0].problems).toContain('DIGEST_MISMATCH');
  });

  it('says an unsigned PDF is unsigned', async () => {
    const report = (await verify({ file: { content: pdf, name: 'b.pdf' } })).json();
    expect(report).toMatchObject({ outcome: 'unsigned', signatures: [] });
  });

  it('verifies any file with its detached signature, and flags a stranger', async () => {
    const content = Buffer.from('Bảng dự toán kinh phí năm 2027;120000000\n');
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity: seal,
      signingTime: new Date('2026-11-21T04:00:00Z'),
    });
    const pem = `-----BEGIN PKCS7-----\n${cms.toString('base64')}\n-----END PKCS7-----\n`;
    const good = (
      await verify({
        file: { content, name: 'du-toan.csv' },
        signature: { content: Buffer.from(pem), name: 'du-toan.csv.p7s' },
      })
    ).json();
    expect(good).toMatchObject({ kind: 'cms', outcome: 'valid' });
    expect(good.signatures[0].claimedSigningTime).toBe('2026-11-21T04:00:00.000Z');

    const stranger = await (await createTestPki('Tỉnh khác')).issue({ commonName: 'Người lạ' });
    const strangerCms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity: softwareIdentity(stranger.privateKey, stranger.certificate),
    });
    const bad = (
      await verify({
        file: { content, name: 'du-toan.csv' },
        signature: { content: strangerCms, name: 'x.p7s' },
      })
    ).json();
    expect(bad.outcome).toBe('invalid');
    expect(bad.signatures[0]).toMatchObject({ intact: true, trusted: false });
    expect(bad.signatures[0].problems).toEqual(['NO_PATH_TO_TRUSTED_ROOT']);
  });

  it('answers bad input with a precise error', async () => {
    const missing = await verify({ other: { content: pdf, name: 'x.pdf' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('SIGNED_FILE_REQUIRED');

    const notPdf = await verify({ file: { content: Buffer.from('hello'), name: 'x.txt' } });
    expect(notPdf.statusCode).toBe(422);
    expect(notPdf.json().error.code).toBe('NOT_A_PDF');

    const broken = await verify({
      file: { content: pdf.subarray(0, pdf.length - 200), name: 'x.pdf' },
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('NOT_A_PDF');

    const garbage = await verify({
      file: { content: Buffer.from('data'), name: 'x.bin' },
      signature: { content: Buffer.from('not a signature'), name: 'x.p7s' },
    });
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.code).toBe('SIGNATURE_UNREADABLE');
  });
});

describe('POST /api/signing/verify with a small upload limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { uploadLimitBytes: 4096 } });
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses a file over the limit with 413 and a code', async () => {
    const body = await form({ file: { content: Buffer.alloc(10_000, 0x25), name: 'lon.pdf' } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/signing/verify',
      headers: { ...browser(t.ctx), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('SIGNED_FILE_TOO_LARGE');
  });
});
