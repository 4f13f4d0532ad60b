import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import {
  browser,
  createTestAgencies,
  createTestUser,
  signIn,
  signInStaff,
  type TestAgencies,
} from '../auth/testing';
import { photoWithGps, sampleExecutable, samplePdf } from './storage.test-support';

const LIMIT = 256 * 1024;

/** A multipart/form-data body as a browser would send it. */
async function multipart(
  content: Buffer,
  filename: string,
  clientType = 'application/octet-stream',
  field = 'file',
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(content)], { type: clientType }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

describe('file routes', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let agencies: TestAgencies;
  let citizenCookie: string;
  let officerACookie: string;
  let officerBCookie: string;
  let provinceCookie: string;

  async function post(
    cookie: string | undefined,
    body: { payload: Buffer; headers: Record<string, string> },
    query = '',
  ) {
    return t.app.inject({
      method: 'POST',
      url: `/api/files${query}`,
      headers: { ...browser(t.ctx, cookie), ...body.headers },
      payload: body.payload,
    });
  }

  const get = (cookie: string | undefined, id: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: `/api/files/${id}`,
      headers: { ...browser(t.ctx, cookie), ...headers },
    });

  beforeAll(async () => {
    t = await createTestApp({ clock, config: { uploadLimitBytes: LIMIT } });
    agencies = await createTestAgencies(t.ctx, 'F1');
    const citizen = await createTestUser(t.ctx, { email: 'congdan.tep@example.vn' });
    const officerA = await createTestUser(t.ctx, {
      email: 'canbo.a@example.vn',
      agencyId: agencies.communeA,
      roles: ['officer'],
    });
    const officerB = await createTestUser(t.ctx, {
      email: 'canbo.b@example.vn',
      agencyId: agencies.communeB,
      roles: ['officer'],
    });
    const provinceAdmin = await createTestUser(t.ctx, {
      email: 'quantri.tinh@example.vn',
      agencyId: agencies.province,
      roles: ['province_admin'],
    });
    citizenCookie = (await signIn(t.app, t.ctx, citizen.email, citizen.password)).cookie;
    officerACookie = await signInStaff(t.app, t.ctx, clock, officerA);
    officerBCookie = await signInStaff(t.app, t.ctx, clock, officerB);
    provinceCookie = await signInStaff(t.app, t.ctx, clock, provinceAdmin);
  });
  afterAll(async () => t?.close());

  it('round-trips a document with its Vietnamese name', async () => {
    const pdf = samplePdf();
    const res = await post(
      citizenCookie,
      await multipart(pdf, 'Đơn đề nghị cấp phép xây dựng.pdf'),
    );
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Đơn đề nghị cấp phép xây dựng.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const download = await get(citizenCookie, created.id);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers.etag).toBe(`"${created.sha256}"`);
    expect(download.headers['content-length']).toBe(String(pdf.length));
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Don de nghi cap phep xay dung.pdf"; filename*=UTF-8''` +
        encodeURIComponent('Đơn đề nghị cấp phép xây dựng.pdf'),
    );

    const again = await get(citizenCookie, created.id, { 'if-none-match': `"${created.sha256}"` });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a photo without its EXIF and GPS position', async () => {
    const res = await post(
      citizenCookie,
      await multipart(await photoWithGps(), 'ổ gà.jpg', 'image/jpeg'),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().mediaType).toBe('image/jpeg');
    const download = await get(citizenCookie, res.json().id);
    expect(download.statusCode).toBe(200);
    const meta = await sharp(download.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(download.rawPayload.includes(Buffer.from('SecretModel-123'))).toBe(false);
  });

  it('refuses a .jpg that is really a PDF or an executable with 415', async () => {
    const pdfAsJpeg = await post(
      citizenCookie,
      await multipart(samplePdf(), 'anh.jpg', 'image/jpeg'),
      '?kind=image',
    );
    expect(pdfAsJpeg.statusCode).toBe(415);
    expect(pdfAsJpeg.json().error).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      details: { detected: 'application/pdf' },
    });

    const exe = await post(
      citizenCookie,
      await multipart(sampleExecutable(), 'anh.jpg', 'image/jpeg'),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a file over the upload limit with 413', async () => {
    const big = Buffer.concat([samplePdf(), Buffer.alloc(LIMIT, 0x20)]);
    const res = await post(citizenCookie, await multipart(big, 'lon.pdf'));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'The file is larger than the upload limit.',
      details: { limitBytes: LIMIT },
    });
  });

  it('asks for the file in the "file" field, and for multipart at all', async () => {
    const wrongField = await post(
      citizenCookie,
      await multipart(samplePdf(), 'a.pdf', 'application/pdf', 'attachment'),
    );
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.code).toBe('FILE_REQUIRED');

    const json = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...browser(t.ctx, citizenCookie), 'content-type': 'application/json' },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);

    // The body says one boundary and uses another: nothing parses, and the client is told.
    const good = await multipart(samplePdf(), 'a.pdf');
    const other = await multipart(samplePdf(), 'a.pdf');
    const mismatched = await post(citizenCookie, { payload: good.payload, headers: other.headers });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.json().error.code).toBe('MULTIPART_MALFORMED');
  });

  it('requires a signed-in user', async () => {
    const upload = await post(undefined, await multipart(samplePdf(), 'a.pdf'));
    expect(upload.statusCode).toBe(401);
    expect(upload.json().error.code).toBe('UNAUTHENTICATED');
    const download = await get(undefined, '7f1c2a36-4a8e-4e55-9d49-9a3c1f0e2b11');
    expect(download.statusCode).toBe(401);
  });

  it('lets staff above the file agency read it; others get 404', async () => {
    const res = await post(officerACookie, await multipart(samplePdf(), 'Biên bản.pdf'));
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await get(officerACookie, id)).statusCode).toBe(200);
    expect((await get(provinceCookie, id)).statusCode).toBe(200);

    for (const outsider of [officerBCookie, citizenCookie]) {
      const denied = await get(outsider, id);
      expect(denied.statusCode).toBe(404);
      expect(denied.json().error.code).toBe('FILE_NOT_FOUND');
    }
    const unknown = await get(citizenCookie, '7f1c2a36-4a8e-4e55-9d49-9a3c1f0e2b11');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('FILE_NOT_FOUND');
  });

  it('documents both routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/files'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.paths['/api/files/{id}'].get.responses).toHaveProperty('200');
  });
});
