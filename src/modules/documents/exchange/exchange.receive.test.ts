// What a peer sees when it hands packets to this platform: bad packets are stored as
// refused, answered 02 with a precise code, register nothing, and the sender is told why when
// it can be identified; requests that are not packets at all are 4xx. And what a province
// administrator sees configuring peers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { ManualClock } from '../../../kernel/clock';
import {
  browser,
  createTestAgencies,
  createTestUser,
  signInStaff,
  type TestAgencies,
} from '../../../kernel/auth/testing';
import { createTestPki, toPem } from '../../../kernel/signing/signing.test-support';
import {
  buildEdxml,
  buildStatus,
  parseStatus,
  signEdxml,
  type EdxmlPackage,
  type SignOptions,
} from '../edxml';
import { exchangeDb } from './exchange-db';
import { findSeal } from './seal';
import {
  incomingOf,
  issuedOutgoing,
  packagesOf,
  sealAgencies,
  send,
} from './exchange.test-support';

const SENDER = { organId: 'TEXT.01.01', organName: 'UBND xã Ngoài Tỉnh' };

describe('receiving packets over HTTP', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let agencies: TestAgencies;
  let key: string;
  let admin: Record<string, string>;
  let trustedSeal: SignOptions;
  let sequence = 0;

  function model(overrides: Partial<EdxmlPackage['header']> = {}): EdxmlPackage {
    sequence += 1;
    const documentId = `${SENDER.organId},2026/11/20,${sequence}/UBND-VP`;
    return {
      header: {
        from: SENDER,
        to: [{ organId: 'TBAD.00.00', organName: 'UBND tỉnh thử nghiệm BAD' }],
        code: { codeNumber: String(sequence), codeNotation: 'UBND-VP' },
        promulgationInfo: { place: 'Ngoài Tỉnh', promulgationDate: '2026-11-20' },
        documentType: { type: 1, typeName: 'Công văn' },
        subject: 'V/v trao đổi thông tin phối hợp',
        toPlaces: [],
        otherInfo: { priority: 0, appendixes: [] },
        responseFor: [],
        documentId,
        ...overrides,
      },
      traces: [{ organId: SENDER.organId, timestamp: clock.now() }],
      bussiness: { bussinessDocType: 0, documentId, replacementInfoList: [] },
      attachments: [
        {
          contentId: 'vanban-1',
          attachmentName: 'cong-van.pdf',
          contentType: 'application/pdf',
          content: Buffer.from('%PDF-1.4\n% công văn\n'),
        },
      ],
    };
  }

  const post = (xml: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/exchange/packages',
      headers: { 'content-type': 'application/xml; charset=utf-8', 'x-api-key': key, ...headers },
      payload: xml,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { uploadLimitBytes: 64 * 1024 } });
    agencies = await createTestAgencies(t.ctx, 'BAD');
    await sealAgencies(t.ctx, [agencies.province, agencies.communeA]);
    trustedSeal = (await findSeal(t.ctx, exchangeDb(t.ctx), agencies.communeA))!;
    const account = await createTestUser(t.ctx, {
      email: 'quantri.bad@example.vn',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    admin = browser(t.ctx, await signInStaff(t.app, t.ctx, clock, account));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: admin,
      payload: { name: 'Trục LGSP', agencyId: agencies.province, scopes: ['documents.exchange'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    key = created.json().secret as string;
  });
  afterAll(async () => t.close());

  async function refused(xml: string, code: string) {
    const res = await post(xml);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ statusCode: '02', code, duplicate: false });
    expect(res.json().reason).toEqual(expect.any(String));
    const stored = (await packagesOf(t.ctx)).find((p) => p.id === res.json().packageId);
    expect(stored).toMatchObject({ direction: 'in', state: 'rejected', errorCode: code });
    return res.json<{ packageId: string; reason: string }>();
  }

  /** The status 02 queued back to the sender of a refused document, as signed. */
  async function answerTo(exchangeId: string) {
    const answers = (await packagesOf(t.ctx)).filter(
      (p) => p.direction === 'out' && p.kind === 'status' && p.exchangeId === exchangeId,
    );
    expect(answers).toHaveLength(1);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/exchange/packages/${answers[0]!.id}`,
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    return { row: answers[0]!, status: parseStatus(res.body) };
  }

  it('refuses malformed XML: 02 EDXML_MALFORMED with where, nothing to answer', async () => {
    const result = await refused(
      '<edXML:edXML xmlns:edXML="x"><oops></edXML:edXML>',
      'EDXML_MALFORMED',
    );
    expect(result.reason).toMatch(/well-formed|error/i);
  });

  it('refuses an unsigned package and tells the sender why (status 02, kept failed: no route)', async () => {
    const pkg = model();
    await refused(buildEdxml(pkg), 'EXCHANGE_PACKAGE_UNSIGNED');
    const { row, status } = await answerTo(pkg.header.documentId);
    expect(row).toMatchObject({
      toOrgan: SENDER.organId,
      statusCode: '02',
      state: 'failed',
      errorCode: 'EXCHANGE_NO_ROUTE',
    });
    expect(status).toMatchObject({
      statusCode: '02',
      from: { organId: 'TBAD.00.00' },
      responseFor: { organId: SENDER.organId, documentId: pkg.header.documentId },
    });
    expect(status.description).toMatch(/^EXCHANGE_PACKAGE_UNSIGNED: /);
  });

  it('refuses a package signed by a certificate of an untrusted CA', async () => {
    const pki = await createTestPki('CA lạ');
    const stranger = await pki.issue({ commonName: 'Con dấu giả' });
    const result = await refused(
      signEdxml(buildEdxml(model()), {
        privateKey: stranger.privateKey,
        certificateChainPem: [toPem(stranger.certificate), toPem(pki.root.certificate)],
      }),
      'EXCHANGE_CERTIFICATE_UNTRUSTED',
    );
    expect(result.reason).toMatch(/NO_PATH_TO_TRUSTED_ROOT/);
  });

  it('refuses a package changed after it was signed', async () => {
    const signed = signEdxml(buildEdxml(model()), trustedSeal);
    const result = await refused(
      signed.replace('V/v trao đổi thông tin phối hợp', 'V/v chuyển tiền gấp'),
      'EXCHANGE_SIGNATURE_INVALID',
    );
    expect(result.reason).toMatch(/digest-mismatch/);
  });

  it('refuses a package for an agency code this platform does not have', async () => {
    const pkg = model({ to: [{ organId: 'TBAD.99.99', organName: 'Cơ quan không có' }] });
    const result = await refused(
      signEdxml(buildEdxml(pkg), trustedSeal),
      'EXCHANGE_UNKNOWN_RECIPIENT',
    );
    expect(result.reason).toMatch(/TBAD\.99\.99/);
    const { status } = await answerTo(pkg.header.documentId);
    // In the name of the organ the sender addressed, so its row for that recipient says 02.
    expect(status.from.organId).toBe('TBAD.99.99');
  });

  it('refuses a package marked secret', async () => {
    const pkg = model({ otherInfo: { priority: 1, appendixes: [], sphereOfPromulgation: 'MẬT' } });
    await refused(signEdxml(buildEdxml(pkg), trustedSeal), 'EXCHANGE_SECRECY_NOT_ALLOWED');
  });

  it('refuses a signed package the standard does not allow, naming the element', async () => {
    const pkg = model();
    const withoutSubject = buildEdxml(pkg).replace(/<edXML:Subject>[^<]*<\/edXML:Subject>\s*/, '');
    const result = await refused(signEdxml(withoutSubject, trustedSeal), 'EDXML_MISSING_ELEMENT');
    expect(result.reason).toMatch(/MessageHeader\/Subject/);
    const { status } = await answerTo(pkg.header.documentId);
    expect(status.description).toMatch(/^EDXML_MISSING_ELEMENT: /);
  });

  it('refuses a status about a document never sent from here, without answering it', async () => {
    const before = (await packagesOf(t.ctx)).filter((p) => p.direction === 'out').length;
    const status = buildStatus({
      from: SENDER,
      responseFor: {
        organId: 'TBAD.02.01',
        code: '99/UBND-VP',
        promulgationDate: '2026-11-20',
        documentId: 'TBAD.02.01,2026/11/20,99/UBND-VP',
      },
      statusCode: '03',
      timestamp: clock.now(),
    });
    await refused(signEdxml(status, trustedSeal), 'EXCHANGE_UNKNOWN_DOCUMENT');
    expect((await packagesOf(t.ctx)).filter((p) => p.direction === 'out')).toHaveLength(before);
  });

  it('registered nothing for any refused packet', async () => {
    for (const agencyId of Object.values(agencies)) {
      expect(await incomingOf(t.ctx, agencyId)).toEqual([]);
    }
  });

  it('accepts a good package once: the same bytes again are answered as before', async () => {
    const xml = signEdxml(buildEdxml(model()), trustedSeal);
    const first = await post(xml);
    expect(first.statusCode, first.body).toBe(202);
    expect(first.json()).toEqual({
      packageId: expect.any(String),
      statusCode: '01',
      duplicate: false,
    });
    const again = await post(xml);
    expect(again.json()).toEqual({ ...first.json(), duplicate: true });
    expect(await incomingOf(t.ctx, agencies.province)).toHaveLength(1);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/exchange/packages?state=accepted',
      headers: { 'x-api-key': key },
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id: first.json().packageId, kind: 'document', fromOrgan: SENDER.organId }],
    });
  });

  it('answers requests that are not packets with a 4xx and a code', async () => {
    const xml = signEdxml(buildEdxml(model()), trustedSeal);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/exchange/packages',
      headers: { 'content-type': 'application/xml' },
      payload: xml,
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    const json = await post(JSON.stringify({ xml }), { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await post(`${xml}${' '.repeat(2 * 1024 * 1024)}`);
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: admin,
      payload: { name: 'Khóa chỉ đọc', agencyId: agencies.province, scopes: ['records.read'] },
    });
    const forbidden = await post(xml, { 'x-api-key': weak.json().secret as string });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toMatchObject({
      code: 'FORBIDDEN',
      details: { permission: 'documents.exchange' },
    });
  });

  describe('peers', () => {
    it('lets a province administrator add, list and disable a peer; the key is never shown', async () => {
      const added = await t.app.inject({
        method: 'POST',
        url: '/api/exchange/peers',
        headers: admin,
        payload: {
          name: 'LGSP tỉnh Bình Định',
          baseUrl: 'https://lgsp.binhdinh.gov.vn/',
          organPatterns: ['%.H08', '000.00.00.H08'],
          apiKey: 'tsk_AbCdEfGh_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
        },
      });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({
        baseUrl: 'https://lgsp.binhdinh.gov.vn',
        organPatterns: ['%.H08', '000.00.00.H08'],
        apiKeyPrefix: 'tsk_AbCdEfGh',
        disabledAt: null,
      });
      const listed = await t.app.inject({
        method: 'GET',
        url: '/api/exchange/peers',
        headers: admin,
      });
      expect(listed.body).not.toContain('0123456789abcdefghij');
      expect(listed.json().items).toHaveLength(1);

      // Documents for those codes now have a route; once disabled, they have none.
      const outgoingId = await issuedOutgoing(t.ctx, {
        agencyId: agencies.communeA,
        recipients: [{ organId: '000.31.02.H08', organName: 'UBND phường Quy Nhơn' }],
      });
      const disabled = await t.app.inject({
        method: 'DELETE',
        url: `/api/exchange/peers/${added.json().id}`,
        headers: admin,
      });
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json().disabledAt).not.toBeNull();
      await expect(send(t.ctx, outgoingId)).rejects.toMatchObject({ code: 'EXCHANGE_NO_ROUTE' });
    });

    it('refuses link-local addresses, bad patterns, other people and machine keys', async () => {
      const payload = {
        name: 'Máy chủ lạ',
        baseUrl: 'http://169.254.169.254',
        organPatterns: ['%'],
        apiKey: 'x'.repeat(32),
      };
      const link = await t.app.inject({
        method: 'POST',
        url: '/api/exchange/peers',
        headers: admin,
        payload,
      });
      expect(link.statusCode).toBe(422);
      expect(link.json().error).toMatchObject({
        code: 'EXCHANGE_PEER_URL_INVALID',
        details: { reason: 'forbidden_address' },
      });
      const pattern = await t.app.inject({
        method: 'POST',
        url: '/api/exchange/peers',
        headers: admin,
        payload: { ...payload, baseUrl: 'https://lgsp.example.vn', organPatterns: ["x' OR 1=1"] },
      });
      expect(pattern.statusCode).toBe(422);
      expect(pattern.json().error.code).toBe('EXCHANGE_PEER_PATTERN_INVALID');

      const officer = await createTestUser(t.ctx, {
        email: 'canbo.bad@example.vn',
        agencyId: agencies.province,
        roles: ['officer'],
      });
      const officerSession = browser(t.ctx, await signInStaff(t.app, t.ctx, clock, officer));
      const denied = await t.app.inject({
        method: 'GET',
        url: '/api/exchange/peers',
        headers: officerSession,
      });
      expect(denied.statusCode).toBe(403);
      const machine = await t.app.inject({
        method: 'GET',
        url: '/api/exchange/peers',
        headers: { 'x-api-key': key },
      });
      expect(machine.statusCode).toBe(403);
    });
  });
});
