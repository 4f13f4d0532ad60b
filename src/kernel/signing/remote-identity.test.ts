import http from 'node:http';
import { constants, createHash, privateEncrypt, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDetachedCms } from './cms-sign';
import { verifyDetachedCms } from './cms-verify';
import { RemoteSigningError, remoteIdentity } from './remote-identity';
import { createTestPki, pdfsigIntegrity, type TestPki } from './signing.test-support';
import { TrustStore } from './trust-store';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { samplePdf } from './sample-pdf.test-support';

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A small signing service speaking CSC v2 over real HTTP, holding the key: it only ever sees
 * digests. It checks the bearer token and the credential, as a real one would.
 */
function signingService(key: KeyObject, chain: Buffer[]) {
  const seen: { hashes: string[] }[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(payload));
      };
      if (request.headers.authorization !== 'Bearer token-kho-ky') {
        return reply(401, { error: 'invalid_token' });
      }
      const json = JSON.parse(body) as { credentialID: string; hashes?: string[] };
      if (json.credentialID !== 'chu-tich-ha-long') return reply(400, { error: 'invalid_request' });
      if (request.url === '/csc/v2/credentials/info') {
        return reply(200, { cert: { certificates: chain.map((der) => der.toString('base64')) } });
      }
      if (request.url === '/csc/v2/signatures/signHash') {
        seen.push({ hashes: json.hashes ?? [] });
        const signatures = (json.hashes ?? []).map((hash) =>
          privateEncrypt(
            { key, padding: constants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(hash, 'base64')]),
          ).toString('base64'),
        );
        return reply(200, { signatures });
      }
      return reply(404, { error: 'not_found' });
    });
  });
  return { server, seen };
}

describe('remote signing (CSC v2)', () => {
  let pki: TestPki;
  let service: ReturnType<typeof signingService>;
  let baseUrl: string;

  beforeAll(async () => {
    pki = await createTestPki();
    const holder = await pki.issue({ commonName: 'Nguyễn Văn Hùng' });
    service = signingService(holder.privateKey, [holder.certificate, pki.root.certificate]);
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}/csc/v2`;
  }, 60_000);
  afterAll(() => new Promise<void>((resolve) => service.server.close(() => resolve())));

  it('signs CMS and PDF with a key held by the service, sending only digests', async () => {
    const identity = await remoteIdentity({
      baseUrl,
      accessToken: 'token-kho-ky',
      credentialId: 'chu-tich-ha-long',
    });
    const content = Buffer.from('Quyết định số 15/QĐ-UBND');
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity,
    });
    const trust = new TrustStore([pki.root.certificate]);
    const check = verifyDetachedCms({
      cms,
      digestOf: (alg) => createHash(alg).update(content).digest(),
      trust,
    });
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    // What travelled was a 32-byte digest, not the content.
    expect(service.seen.at(-1)!.hashes.map((h) => Buffer.from(h, 'base64').length)).toEqual([32]);

    const signed = await signPdf(await samplePdf(1), { identity, signingTime: new Date() });
    expect(verifyPdf(signed, trust).outcome).toBe('valid');
    expect(pdfsigIntegrity(signed)).toEqual(['Signature is Valid.']);
  });

  it('reports a refused token or credential as a RemoteSigningError', async () => {
    await expect(
      remoteIdentity({ baseUrl, accessToken: 'sai', credentialId: 'chu-tich-ha-long' }),
    ).rejects.toThrow(RemoteSigningError);
    await expect(
      remoteIdentity({ baseUrl, accessToken: 'token-kho-ky', credentialId: 'khong-co' }),
    ).rejects.toThrow(/400/);
    await expect(
      remoteIdentity({ baseUrl: 'http://127.0.0.1:1/csc/v2', accessToken: 'x', credentialId: 'y' }),
    ).rejects.toThrow(/cannot be reached/);
  });
});
