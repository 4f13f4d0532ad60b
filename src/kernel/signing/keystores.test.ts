import { createHash, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { createTestAgencies } from '../auth/testing';
import { signDetachedCms } from './cms-sign';
import { verifyDetachedCms } from './cms-verify';
import { currentKeystoreId, loadKeystore, splitCertificates } from './keystores';
import { DEMO_CA_NAME, issueDemoKeystore, seedDemoCertificateAuthority } from './signing.seed';
import { invalidateTrustStore, platformTrustStore } from './trust';

describe('keystores in the database and the demo CA', () => {
  let test: TestContext;
  let agencyId: string;

  beforeAll(async () => {
    test = await createTestContext();
    const agencies = await createTestAgencies(test.ctx, 'K');
    agencyId = agencies.province;
    await seedDemoCertificateAuthority(test.ctx);
  }, 120_000);
  afterAll(() => test?.close());

  it('creates one demo CA, trusted by the platform, however often the seed runs', async () => {
    await seedDemoCertificateAuthority(test.ctx);
    const cas = await test.ctx.db
      .selectFrom('signingKeystore')
      .select('subjectName')
      .where('holderKind', '=', 'ca')
      .execute();
    expect(cas).toEqual([{ subjectName: DEMO_CA_NAME }]);
    const roots = (await platformTrustStore(test.ctx)).rootCertificates;
    expect(roots.map((root) => root.x509.subject)).toEqual([expect.stringContaining(DEMO_CA_NAME)]);
  });

  it('issues a seal whose signatures verify against the trusted demo root', async () => {
    const id = await issueDemoKeystore(test.ctx, {
      holderKind: 'seal',
      agencyId,
      subject: { commonName: 'UBND tỉnh Quảng Ninh', organization: 'UBND tỉnh Quảng Ninh' },
      appearanceImage: Buffer.from('png'),
    });
    expect(await currentKeystoreId(test.ctx.db, { agencyId })).toBe(id);
    const seal = await loadKeystore(test.ctx, test.ctx.db, id);
    expect(seal?.subjectName).toBe('UBND tỉnh Quảng Ninh');
    expect(seal?.contents.chain).toHaveLength(1);
    const content = Buffer.from('Quyết định số 15/QĐ-UBND');
    const cms = await signDetachedCms({
      contentDigest: createHash('sha256').update(content).digest(),
      identity: seal!.identity,
    });
    const check = verifyDetachedCms({
      cms,
      digestOf: (alg) => createHash(alg).update(content).digest(),
      trust: await platformTrustStore(test.ctx),
    });
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('stores the keystore password encrypted and the issuing chain beside the certificate', async () => {
    const row = await test.ctx.db
      .selectFrom('signingKeystore')
      .select(['keystorePassword', 'chain', 'certificate'])
      .where('holderKind', '=', 'seal')
      .executeTakeFirstOrThrow();
    expect(row.keystorePassword).toMatch(/^v1:/);
    const [issuer] = splitCertificates(row.chain);
    expect(new X509Certificate(row.certificate).checkIssued(new X509Certificate(issuer!))).toBe(
      true,
    );
  });

  it('forgets a retired keystore', async () => {
    const id = (await currentKeystoreId(test.ctx.db, { agencyId }))!;
    await test.ctx.db
      .updateTable('signingKeystore')
      .set({ retiredAt: new Date() })
      .where('id', '=', id)
      .execute();
    expect(await loadKeystore(test.ctx, test.ctx.db, id)).toBeUndefined();
    expect(await currentKeystoreId(test.ctx.db, { agencyId })).toBeUndefined();
    invalidateTrustStore(test.ctx);
  });
});
