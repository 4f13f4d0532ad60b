import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';

describe('provinces and communes API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists the 34 provinces and cities, with Quảng Ninh covered by 54 boundaries', async () => {
    const res = await get('/api/geo/provinces');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(34);
    expect(items.filter((p: { kind: string }) => p.kind === 'city')).toHaveLength(7);
    expect(
      items.reduce((sum: number, p: { communeCount: number }) => sum + p.communeCount, 0),
    ).toBe(3321);
    expect(items.find((p: { code: string }) => p.code === '22')).toEqual({
      code: '22',
      name: 'Quảng Ninh',
      nameEn: 'Quang Ninh',
      fullName: 'Tỉnh Quảng Ninh',
      kind: 'province',
      communeCount: 54,
      boundaryCount: 54,
    });
    expect(items.find((p: { code: string }) => p.code === '01')).toMatchObject({
      name: 'Hà Nội',
      kind: 'city',
      boundaryCount: 0,
    });
  });

  it.each(['ha long', 'Hạ Long', 'HA LONG', 'HẠ LONG', '  hạ   long ', 'Ha\u0323 Long'])(
    'finds phường Hạ Long first when searching %j',
    async (q) => {
      const res = await get(`/api/geo/communes?province=22&q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items[0]).toEqual({
        code: '06688',
        name: 'Hạ Long',
        nameEn: 'Ha Long',
        fullName: 'Phường Hạ Long',
        kind: 'ward',
        provinceCode: '22',
      });
      expect(body.total).toBe(body.items.length);
    },
  );

  it('matches đ as d, and the English name', async () => {
    const dong = await get('/api/geo/communes?province=22&q=dong%20trieu');
    expect(dong.json().items.map((c: { code: string }) => c.code)).toEqual(['07093']);
    const zone = await get('/api/geo/communes?province=22&q=special%20administrative');
    expect(zone.json().items.map((c: { name: string }) => c.name)).toEqual(['Vân Đồn', 'Cô Tô']);
  });

  it('searches the whole country without a province, and by code', async () => {
    const res = await get('/api/geo/communes?q=ba%20dinh');
    expect(res.json().items).toContainEqual(
      expect.objectContaining({ code: '00004', fullName: 'Phường Ba Đình', provinceCode: '01' }),
    );
    const byCode = await get('/api/geo/communes?q=07192');
    expect(byCode.json().items).toEqual([expect.objectContaining({ name: 'Cô Tô' })]);
  });

  it('treats LIKE wildcards as plain text', async () => {
    const res = await get(`/api/geo/communes?q=${encodeURIComponent('%')}`);
    expect(res.json()).toMatchObject({ items: [], total: 0 });
  });

  it('pages through a province in code order', async () => {
    const first = (await get('/api/geo/communes?province=22&pageSize=20')).json();
    const third = (await get('/api/geo/communes?province=22&pageSize=20&page=3')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 20, total: 54 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0].code).toBe('06652');
    expect(third.items).toHaveLength(14);
    expect(third.items.at(-1).code).toBe('07192');
    const all = (await get('/api/geo/communes?province=22&pageSize=100')).json().items;
    expect(all.filter((c: { kind: string }) => c.kind === 'ward')).toHaveLength(30);
    expect(all.filter((c: { kind: string }) => c.kind === 'commune')).toHaveLength(22);
    expect(all.filter((c: { kind: string }) => c.kind === 'special_zone')).toHaveLength(2);
  });

  it('names an unknown province and refuses bad paging', async () => {
    const unknown = await get('/api/geo/communes?province=99');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('GEO_PROVINCE_NOT_FOUND');
    const badSize = await get('/api/geo/communes?pageSize=1000');
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().error.details[0].field).toBe('querystring.pageSize');
    const badProvince = await get('/api/geo/communes?province=Q22');
    expect(badProvince.statusCode).toBe(400);
  });

  it('describes one commune with its province and a point inside it', async () => {
    const res = await get('/api/geo/communes/06994');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: '06994',
      name: 'Vân Đồn',
      fullName: 'Đặc khu Vân Đồn',
      fullNameEn: 'Van Don Special administrative region',
      kind: 'special_zone',
      province: { code: '22', name: 'Quảng Ninh' },
      hasBoundary: true,
    });
    expect(body.areaKm2).toBeGreaterThan(500);
    const located = await get(`/api/geo/locate?lat=${body.center.lat}&lon=${body.center.lon}`);
    expect(located.json().commune.code).toBe('06994');
  });

  it('describes a unit without a loaded boundary, and 404s an unknown code', async () => {
    const hanoi = await get('/api/geo/communes/00004');
    expect(hanoi.json()).toMatchObject({ hasBoundary: false, center: null, areaKm2: null });
    const missing = await get('/api/geo/communes/99999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({
      code: 'GEO_COMMUNE_NOT_FOUND',
      message: 'No commune-level unit has this code.',
      details: { code: '99999' },
    });
    expect((await get('/api/geo/communes/6688')).statusCode).toBe(400);
  });

  it('documents the geo and agency endpoints in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/geo/locate',
        '/api/geo/provinces',
        '/api/geo/communes',
        '/api/geo/communes/{code}',
        '/api/geo/boundaries.geojson',
        '/api/agencies',
        '/api/agencies/{id}',
      ]),
    );
    const kind =
      doc.paths['/api/geo/locate'].get.responses['200'].content['application/json'].schema
        .properties.commune.properties.kind;
    expect(kind.enum).toEqual(['ward', 'commune', 'special_zone']);
  });
});
