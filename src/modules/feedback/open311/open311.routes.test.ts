/**
 * The Open311 GeoReport v2 server over HTTP: every endpoint in JSON and XML, JSON bodies
 * checked against the community's GeoReport v2 schemas, the spec's error bodies, paging and
 * date windows, a back office's updates, Idempotency-Key on form POSTs, hostile input, and
 * no personal data in any answer.
 */
import { randomBytes } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/harness';
import { ManualClock } from '../../../kernel/clock';
import { generateApiKey, hashApiKey } from '../../../kernel/auth/api-keys';
import { PERMISSIONS } from '../../../kernel/auth';
import {
  AT_SEA,
  HA_LONG_POINT,
  STREETLIGHT,
  TOURISM,
  loadFeedbackFixtures,
} from '../feedback.test-support';
import { open311SchemaProblems } from './open311-schemas';

const BASE = '/open311/v2';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const REPORTER = {
  email: 'tran.van.binh@example.vn',
  first_name: 'Bình',
  last_name: 'Trần Văn',
  phone: '0987654321',
};
const LISTS = new Set([
  'service',
  'request',
  'error',
  'request_update',
  'note',
  'attribute',
  'value',
  'endpoint',
  'format',
]);
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

describe('Open311 GeoReport v2 server', () => {
  // Monday 2 March 2026, 09:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T02:00:00Z'));
  let t: TestApp;
  let integrationKey: string;
  let backOfficeKey: string;
  const bodies: string[] = [];

  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url: `${BASE}/${url}`, headers });
    bodies.push(res.body);
    return res;
  };
  const post = async (url: string, form: Record<string, string | string[]>, headers = {}) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(form)) {
      for (const item of [value].flat()) params.append(name, item);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: `${BASE}/${url}`,
      headers: { ...FORM, ...headers },
      payload: params.toString(),
    });
    bodies.push(res.body);
    return res;
  };
  const streetlight = (extra: Record<string, string | string[]> = {}) => ({
    api_key: integrationKey,
    service_code: STREETLIGHT,
    lat: String(HA_LONG_POINT.lat),
    long: String(HA_LONG_POINT.lon),
    address_string: 'Đường Trần Hưng Đạo',
    description: 'Ba cột đèn không sáng.',
    'attribute[lights_out]': 'several',
    ...REPORTER,
    ...extra,
  });

  const createKey = async (agencyId: string, scopes: string[]) => {
    const { prefix, key } = generateApiKey();
    await t.ctx.db
      .insertInto('apiKey')
      .values({
        prefix,
        secretHash: hashApiKey(key),
        name: `open311 ${prefix}`,
        agencyId,
        scopes,
        createdBy: null,
        createdAt: clock.now(),
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      })
      .execute();
    return key;
  };

  let first: string;
  let second: string;
  let firstToken: string;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const agencies = await loadFeedbackFixtures(t.ctx);
    const province = agencies.get('000.00.00.H49')!;
    integrationKey = await createKey(province, []);
    backOfficeKey = await createKey(province, [
      PERMISSIONS.recordsRead,
      PERMISSIONS.recordsProcess,
    ]);
  });
  afterAll(async () => t.close());

  it('describes itself in the discovery document', async () => {
    const json = await get('discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    expect(json.json().endpoints[0].url).toMatch(/\/open311\/v2$/);
    const doc = await get('discovery.xml');
    expect(doc.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.parse(doc.body).discovery.endpoints.endpoint[0].specification).toBe(
      'http://wiki.open311.org/GeoReport_v2',
    );
  });

  it('lists services and their definitions in JSON and XML', async () => {
    const json = await get('services.json');
    expect(json.statusCode).toBe(200);
    expect(open311SchemaProblems('services', json.json())).toEqual([]);
    const codes = json.json().map((s: { service_code: string }) => s.service_code);
    expect(codes).toEqual(expect.arrayContaining([STREETLIGHT, TOURISM]));
    const english = await get('services.json', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(
      english.json().find((s: { service_code: string }) => s.service_code === STREETLIGHT),
    ).toMatchObject({ service_name: 'Streetlights', metadata: true, group: 'Infrastructure' });

    const list = xml.parse((await get('services.xml')).body);
    expect(list.services.service.map((s: { service_code: string }) => s.service_code)).toEqual(
      codes,
    );

    const definition = await get(`services/${STREETLIGHT}.json`);
    expect(definition.statusCode).toBe(200);
    expect(open311SchemaProblems('serviceDefinition', definition.json())).toEqual([]);
    expect(definition.json().attributes[0]).toMatchObject({ code: 'lights_out', required: true });
    const definitionXml = xml.parse((await get(`services/${STREETLIGHT}.xml`)).body);
    expect(definitionXml.service_definition.attributes.attribute[0].values.value[1].key).toBe(
      'several',
    );
  });

  it('answers 404 with the spec error body for an unknown service or format', async () => {
    const json = await get('services/no_such_service.json');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    const doc = await get('services/no_such_service.xml');
    expect(doc.statusCode).toBe(404);
    expect(xml.parse(doc.body).errors.error[0].code).toBe('404');
    const csv = await get('services.csv');
    expect(csv.statusCode).toBe(404);
    expect(xml.parse(csv.body).errors.error[0].code).toBe('404');
  });

  it('refuses a POST without an api_key, or with an invalid one, with 403', async () => {
    const { api_key: _omitted, ...withoutKey } = streetlight();
    const missing = await post('requests.json', withoutKey);
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const invalid = await post('requests.xml', streetlight({ api_key: 'tsk_notakey' }));
    expect(invalid.statusCode).toBe(403);
    expect(xml.parse(invalid.body).errors.error[0].code).toBe('403');
    const update = await post('servicerequestupdates.json', { status: 'FIXED' });
    expect(update.statusCode).toBe(403);
  });

  it('refuses a request without a location, with an address only, or missing an attribute', async () => {
    const noLocation = await post(
      'requests.json',
      streetlight({ lat: '', long: '', address_string: '' }),
    );
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json()).toEqual([{ code: 400, description: expect.any(String) }]);

    const addressOnly = await post('requests.json', streetlight({ lat: '', long: '' }), {
      'accept-language': 'en',
    });
    expect(addressOnly.statusCode).toBe(400);
    expect(addressOnly.json()[0].description).toMatch(/lat and long/);

    const form = streetlight();
    delete (form as Record<string, unknown>)['attribute[lights_out]'];
    const noAttribute = await post('requests.xml', form);
    expect(noAttribute.statusCode).toBe(400);
    const errors = xml.parse(noAttribute.body).errors.error;
    expect(errors).toHaveLength(1);
    expect(errors[0].description).toContain('attribute[lights_out]');

    const atSea = await post(
      'requests.json',
      streetlight({ lat: String(AT_SEA.lat), long: String(AT_SEA.lon) }),
      { 'accept-language': 'en' },
    );
    expect(atSea.statusCode).toBe(400);
    expect(atSea.json()[0].description).toMatch(/outside the area/);

    const unknown = await post('requests.json', streetlight({ service_code: 'nope' }));
    expect(unknown.statusCode).toBe(404);
  });

  it("checks a request against the service's questions as they stand at the write", async () => {
    // The server keeps the service it read; an administrator then makes a question required.
    const questions = sql`(SELECT attributes FROM feedback_category WHERE code = ${STREETLIGHT})`;
    await sql`UPDATE feedback_category
      SET attributes = jsonb_set(${questions}, '{1,required}', 'true')
      WHERE code = ${STREETLIGHT}`.execute(t.ctx.db);
    try {
      const first = await post('requests.json', streetlight(), { 'accept-language': 'en' });
      expect(first.statusCode).toBe(400);
      expect(first.json()).toEqual([
        { code: 400, description: expect.stringMatching(/attributes are missing or not valid/) },
      ]);
      const again = await post('requests.json', streetlight(), { 'accept-language': 'en' });
      expect(again.statusCode).toBe(400);
      expect(again.json()[0].description).toContain('attribute[pole_number]');
    } finally {
      await sql`UPDATE feedback_category
        SET attributes = jsonb_set(${questions}, '{1,required}', 'false')
        WHERE code = ${STREETLIGHT}`.execute(t.ctx.db);
    }
  });

  it('files service requests and resolves their token', async () => {
    const json = await post(
      'requests.json',
      streetlight({ media_url: 'https://example.vn/a.jpg' }),
    );
    expect(json.statusCode).toBe(200);
    const [answer] = json.json();
    expect(answer.service_request_id).toMatch(/^PA-260302-[0-9A-Z]{5}$/);
    first = answer.service_request_id;
    firstToken = answer.token;

    clock.advance(60 * 60 * 1000);
    const doc = await post('requests.xml', streetlight({ 'attribute[lights_out]': 'one' }));
    expect(doc.statusCode).toBe(200);
    second = xml.parse(doc.body).service_requests.request[0].service_request_id;
    expect(second).toMatch(/^PA-/);

    const token = await get(`tokens/${firstToken}.json`);
    expect(token.json()).toEqual([{ service_request_id: first, token: firstToken }]);
    const tokenXml = xml.parse((await get(`tokens/${firstToken}.xml`)).body);
    expect(tokenXml.service_requests.request[0].service_request_id).toBe(first);
    expect((await get('tokens/unknown-token.json')).statusCode).toBe(404);
  });

  it('replays a POST repeated with the same Idempotency-Key', async () => {
    const reports = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('feedbackReport' as never)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await reports();
    for (const format of ['json', 'xml'] as const) {
      const headers = { 'idempotency-key': `open311-retry-${format}` };
      const once = await post(`requests.${format}`, streetlight(), headers);
      const twice = await post(`requests.${format}`, streetlight(), headers);
      expect(once.statusCode).toBe(200);
      expect(twice.statusCode).toBe(200);
      expect(twice.headers['idempotent-replayed']).toBe('true');
      expect(twice.headers['content-type']).toBe(once.headers['content-type']);
      expect(twice.body).toBe(once.body);
    }
    // One report per key, however often the client retried.
    expect(await reports()).toBe(before + 2);
    const id = xml.parse(
      (await post('requests.xml', streetlight(), { 'idempotency-key': 'open311-retry-xml' })).body,
    ).service_requests.request[0].service_request_id;
    const listed = await get(`requests.json?service_request_id=${id}`);
    expect(listed.json()).toHaveLength(1);
  });

  it('lists service requests with filters, paging and date windows', async () => {
    const all = await get('requests.json');
    expect(all.statusCode).toBe(200);
    expect(open311SchemaProblems('requests', all.json())).toEqual([]);
    const ids = all.json().map((r: { service_request_id: string }) => r.service_request_id);
    // The two filed above, and one from each format of the retried POST.
    expect(ids).toHaveLength(4);
    expect(ids[0]).not.toBe(first); // newest first
    expect(ids).toContain(first);

    const chosen = await get(`requests.json?service_request_id=${first},${second}`);
    expect(
      chosen
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id)
        .sort(),
    ).toEqual([first, second].sort());

    const page1 = await get('requests.json?page_size=3&page=1');
    const page2 = await get('requests.json?page_size=3&page=2');
    expect(page1.json()).toHaveLength(3);
    expect(page2.json()).toHaveLength(1);
    expect(
      page1.json().map((r: { service_request_id: string }) => r.service_request_id),
    ).not.toContain(page2.json()[0].service_request_id);

    expect((await get('requests.json?status=closed')).json()).toEqual([]);
    expect((await get('requests.json?status=open')).json()).toHaveLength(4);
    expect((await get(`requests.json?service_code=${TOURISM}`)).json()).toEqual([]);
    expect((await get('requests.json?start_date=2026-03-03')).json()).toEqual([]);
    expect((await get('requests.json?end_date=2026-03-01')).json()).toEqual([]);
    // 09:00–09:59 Vietnam time holds only the first request.
    const window = await get(
      'requests.json?start_date=2026-03-02T09:00:00%2B07:00&end_date=2026-03-02T09:59:00%2B07:00',
    );
    expect(window.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      first,
    ]);

    const badDate = await get('requests.json?start_date=yesterday');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()[0].code).toBe(400);
    expect((await get('requests.json?status=lost')).statusCode).toBe(400);

    const doc = xml.parse((await get('requests.xml?extensions=true')).body);
    expect(doc.service_requests.request).toHaveLength(4);
    expect(doc.service_requests.request[0].notes.note[0].type).toBe('submitted');
  });

  it('shows one request, and 404 for an unknown one', async () => {
    const one = await get(`requests/${first}.json`);
    expect(one.statusCode).toBe(200);
    expect(open311SchemaProblems('requests', one.json())).toEqual([]);
    expect(one.json()).toHaveLength(1);
    expect(one.json()[0]).toMatchObject({
      service_request_id: first,
      status: 'open',
      service_code: STREETLIGHT,
      lat: HA_LONG_POINT.lat,
      long: HA_LONG_POINT.lon,
      address: 'Đường Trần Hưng Đạo',
    });
    const doc = xml.parse((await get(`requests/${first}.xml`)).body);
    expect(doc.service_requests.request[0].service_request_id).toBe(first);
    expect((await get('requests/PA-260302-00000.json')).statusCode).toBe(404);
    expect((await get('requests/not-a-code.xml')).statusCode).toBe(404);
  });

  it("takes a back office's updates and shows them in requests and servicerequestupdates", async () => {
    const refused = await post('servicerequestupdates.json', {
      api_key: integrationKey,
      service_request_id: first,
      status: 'IN_PROGRESS',
      description: 'Đang xử lý.',
    });
    expect(refused.statusCode).toBe(403);

    clock.advance(60 * 60 * 1000);
    const started = await post('servicerequestupdates.json', {
      api_key: backOfficeKey,
      service_request_id: first,
      status: 'IN_PROGRESS',
      description: 'Đội điện lực đã tiếp nhận.',
    });
    expect(started.statusCode).toBe(200);
    expect(started.json()[0].update_id).toMatch(/^\d+$/);

    clock.advance(60 * 60 * 1000);
    const fixed = await post('servicerequestupdates.xml', {
      api_key: backOfficeKey,
      service_request_id: first,
      status: 'FIXED',
      description: 'Đã thay ba bóng đèn.',
    });
    expect(fixed.statusCode).toBe(200);
    const fixedId = xml.parse(fixed.body).service_request_updates.request_update[0].update_id;

    const again = await post('servicerequestupdates.json', {
      api_key: backOfficeKey,
      service_request_id: first,
      status: 'FIXED',
      description: 'Lần nữa.',
    });
    expect(again.statusCode).toBe(400);
    const unknown = await post('servicerequestupdates.json', {
      api_key: backOfficeKey,
      service_request_id: 'PA-260302-00000',
      status: 'FIXED',
    });
    expect(unknown.statusCode).toBe(404);

    const one = (await get(`requests/${first}.json`)).json()[0];
    expect(one).toMatchObject({ status: 'closed', status_notes: 'Đã thay ba bóng đèn.' });
    // The list, without extensions, carries the same latest public message and no notes.
    const listed = (await get(`requests.json?service_request_id=${first}`)).json()[0];
    expect(listed).toMatchObject({ status: 'closed', status_notes: 'Đã thay ba bóng đèn.' });
    expect(listed.notes).toBeUndefined();
    expect(one.notes.map((n: { type: string }) => n.type)).toEqual([
      'submitted',
      'started',
      'answered',
      'resolved',
    ]);
    expect((await get('requests.json?status=closed')).json()).toHaveLength(1);

    const updates = await get('servicerequestupdates.json');
    expect(updates.statusCode).toBe(200);
    const mine = updates
      .json()
      .filter((u: { service_request_id: string }) => u.service_request_id === first);
    expect(mine.at(-1)).toMatchObject({
      update_id: fixedId,
      status: 'FIXED',
      description: 'Đã thay ba bóng đèn.',
    });
    expect(mine.map((u: { status: string }) => u.status)).toEqual([
      'OPEN',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'FIXED',
    ]);
    const later = await get('servicerequestupdates.json?start_date=2026-03-02T11:30:00%2B07:00');
    expect(later.json().map((u: { update_id: string }) => u.update_id)).toEqual([fixedId]);
    const doc = xml.parse((await get('servicerequestupdates.xml')).body);
    expect(doc.service_request_updates.request_update.length).toBe(updates.json().length);
  });

  it('answers hostile input with a 4xx, never a 500', async () => {
    const cases: Array<{ headers: Record<string, string>; payload: string | Buffer }> = [
      { headers: FORM, payload: randomBytes(64 * 1024) },
      { headers: FORM, payload: '%%%&&&===attribute[[x]=%ZZ' },
      { headers: FORM, payload: Buffer.alloc(3 * 1024 * 1024, 0x61) },
      { headers: { 'content-type': 'application/json' }, payload: '{"a": [1,' },
      { headers: { 'content-type': 'text/plain' }, payload: 'hello' },
      { headers: FORM, payload: `api_key=${'x'.repeat(5000)}` },
    ];
    for (const url of ['requests.json', 'servicerequestupdates.xml']) {
      for (const { headers, payload } of cases) {
        const res = await t.app.inject({ method: 'POST', url: `${BASE}/${url}`, headers, payload });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    }
    const hostileQuery = await get(`requests.json?page=-1&start_date=${'9'.repeat(100)}`);
    expect(hostileQuery.statusCode).toBe(400);
  });

  it('never shows the reporter’s name, e-mail or phone', () => {
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) {
      for (const value of Object.values(REPORTER)) expect(body).not.toContain(value);
    }
  });
});
