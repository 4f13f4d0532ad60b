import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { ManualClock } from '../clock';
import { AppError } from '../errors/app-error';
import type { Principal } from '../auth/principal';
import { createTestAgencies } from '../auth/testing';
import {
  agencyStaffCanRead,
  attachFile,
  deleteFiles,
  filesOf,
  openDownload,
  storeUpload,
  UPLOAD_OWNER_TYPE,
  type UploadInput,
} from './storage.service';
import { cleanUpStorage } from './storage-cleanup';
import {
  photoWithGps,
  sampleExecutable,
  samplePdf,
  sampleWindowsExecutable,
} from './storage.test-support';

const citizen: Principal = {
  kind: 'user',
  id: '11111111-1111-4111-8111-111111111111',
  type: 'citizen',
  agencyId: null,
  permissions: new Set(),
  sessionId: null,
  mfaPassed: false,
};
const otherCitizen: Principal = { ...citizen, id: '22222222-2222-4222-8222-222222222222' };

function staffOf(agencyId: string, mfaPassed = true): Principal {
  return {
    kind: 'user',
    id: '33333333-3333-4333-8333-333333333333',
    type: 'staff',
    agencyId,
    permissions: new Set(),
    sessionId: null,
    mfaPassed,
    grants: [{ role: 'officer', agencyId, permissions: new Set() }],
  };
}

async function codeOf(error: Promise<unknown>): Promise<string> {
  try {
    await error;
  } catch (caught) {
    if (caught instanceof AppError) return `${caught.status} ${caught.code}`;
    throw caught;
  }
  throw new Error('expected an error');
}

describe('storage service', () => {
  const clock = new ManualClock(new Date('2026-11-21T02:00:00Z'));
  let t: TestContext;
  let province: string;
  let communeA: string;
  let communeB: string;

  const upload = (content: Buffer, overrides: Partial<UploadInput> = {}) =>
    storeUpload(t.ctx, {
      stream: Readable.from([content]),
      filename: 'tệp.bin',
      allow: ['image', 'document', 'video'],
      ownerType: UPLOAD_OWNER_TYPE,
      ownerId: citizen.id,
      agencyId: null,
      uploadedBy: citizen.id,
      ...overrides,
    });

  beforeAll(async () => {
    t = await createTestContext({ clock, config: { uploadLimitBytes: 64 * 1024 } });
    ({ province, communeA, communeB } = await createTestAgencies(t.ctx, 'S1'));
  });
  afterAll(async () => t?.close());

  it('stores a PDF as sent, addressed by its SHA-256', async () => {
    const pdf = samplePdf();
    const file = await upload(pdf, { filename: 'Quyết định 15.pdf', allow: 'document' });
    expect(file).toMatchObject({
      mediaType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      originalName: 'Quyết định 15.pdf',
      ownerType: 'upload',
      uploadedBy: citizen.id,
    });
    const { content } = await openDownload(t.ctx, citizen, file.id, async () => false);
    expect((await buffer(content)).equals(pdf)).toBe(true);
  });

  it('re-encodes photos: no EXIF, no GPS, never the raw upload', async () => {
    const photo = await photoWithGps();
    const file = await upload(photo, { filename: 'IMG_0001.HEIC.jpg', allow: 'image' });
    expect(file.mediaType).toBe('image/jpeg');
    expect(file.originalName).toBe('IMG_0001.HEIC.jpg');
    expect(file.sha256).not.toBe(createHash('sha256').update(photo).digest('hex'));
    const stored = await buffer(await t.ctx.files.get(file.sha256));
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes(Buffer.from('SecretModel-123'))).toBe(false);
    expect(await t.ctx.files.has(createHash('sha256').update(photo).digest('hex'))).toBe(false);
  });

  it('trusts the content, not the name: a PDF named .jpg is refused as an image', async () => {
    const refused = upload(samplePdf(), { filename: 'anh.jpg', allow: 'image' });
    await expect(refused).rejects.toMatchObject({
      status: 415,
      code: 'FILE_TYPE_NOT_ALLOWED',
      details: { detected: 'application/pdf' },
    });
  });

  it('refuses executables and unrecognisable content', async () => {
    expect(await codeOf(upload(sampleExecutable(), { filename: 'anh.jpg' }))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
    expect(await codeOf(upload(sampleWindowsExecutable(), { filename: 'hoso.pdf' }))).toBe(
      '415 FILE_TYPE_NOT_ALLOWED',
    );
    expect(await codeOf(upload(Buffer.from('chỉ là văn bản thường'), { filename: 'a.pdf' }))).toBe(
      '415 FILE_TYPE_UNKNOWN',
    );
  });

  it('refuses content over the upload limit and records nothing', async () => {
    const before = await t.ctx.db.selectFrom('storedFile').select('id').execute();
    const big = Buffer.concat([samplePdf(), Buffer.alloc(70 * 1024, 0x20)]);
    const source = Readable.from([big.subarray(0, 16 * 1024), big.subarray(16 * 1024)]);
    expect(await codeOf(upload(Buffer.alloc(0), { stream: source, allow: 'document' }))).toBe(
      '413 FILE_TOO_LARGE',
    );
    const after = await t.ctx.db.selectFrom('storedFile').select('id').execute();
    expect(after.length).toBe(before.length);
  });

  it('lets the uploader and staff above the file agency read it, and nobody else', async () => {
    const file = await upload(samplePdf(), { agencyId: communeA });
    const read = (principal: Principal | null) =>
      openDownload(t.ctx, principal, file.id, agencyStaffCanRead(t.ctx, principal)).then(
        ({ content }) => {
          content.destroy();
          return 'read';
        },
        (error: AppError) => `${error.status} ${error.code}`,
      );
    expect(await read(citizen)).toBe('read');
    expect(await read(staffOf(communeA))).toBe('read');
    expect(await read(staffOf(province))).toBe('read');
    expect(await read(otherCitizen)).toBe('404 FILE_NOT_FOUND');
    expect(await read(staffOf(communeB))).toBe('404 FILE_NOT_FOUND');
    expect(await read(staffOf(communeA, false))).toBe('404 FILE_NOT_FOUND');
    expect(await read(null)).toBe('404 FILE_NOT_FOUND');
  });

  it('attaches an upload to a record once, and only for its uploader', async () => {
    const file = await upload(samplePdf());
    const record = { ownerType: 'feedback_report', ownerId: 'report-1', agencyId: communeB };
    expect(
      await codeOf(
        attachFile(t.ctx.db, { fileId: file.id, uploadedBy: otherCitizen.id, ...record }),
      ),
    ).toBe('404 FILE_NOT_FOUND');
    const attached = await attachFile(t.ctx.db, {
      fileId: file.id,
      uploadedBy: citizen.id,
      ...record,
    });
    expect(attached).toMatchObject({
      ownerType: 'feedback_report',
      ownerId: 'report-1',
      agencyId: communeB,
    });
    expect(
      await codeOf(attachFile(t.ctx.db, { fileId: file.id, uploadedBy: citizen.id, ...record })),
    ).toBe('409 FILE_ALREADY_ATTACHED');
    expect((await filesOf(t.ctx.db, 'feedback_report', 'report-1')).map((f) => f.id)).toEqual([
      file.id,
    ]);
    // Staff of the record's agency can now read it.
    const opened = await openDownload(
      t.ctx,
      staffOf(communeB),
      file.id,
      agencyStaffCanRead(t.ctx, staffOf(communeB)),
    );
    expect(opened.file.id).toBe(file.id);
    opened.content.destroy();
  });

  it('cleans up: abandoned uploads go, shared content stays while a live file uses it', async () => {
    // The store dates content by the file system's clock: the platform's clock must start
    // from the real now, or content written today would look newer than the grace period.
    clock.set(new Date());
    const pdf = Buffer.concat([samplePdf(), Buffer.from('% cleanup\n')]);
    const kept = await upload(pdf);
    await attachFile(t.ctx.db, {
      fileId: kept.id,
      uploadedBy: citizen.id,
      ownerType: 'dossier',
      ownerId: 'd-1',
      agencyId: null,
    });
    const abandoned = await upload(pdf);
    const lonely = await upload(Buffer.concat([samplePdf(), Buffer.from('% lonely\n')]));
    expect(abandoned.sha256).toBe(kept.sha256);

    clock.advance(25 * 3600_000);
    const first = await cleanUpStorage(t.ctx);
    expect(first.expiredUploads).toBeGreaterThanOrEqual(2);
    await expect(
      openDownload(t.ctx, citizen, abandoned.id, async () => false),
    ).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    // Within the grace period nothing is removed from the store yet.
    expect(await t.ctx.files.has(lonely.sha256)).toBe(true);

    clock.advance(2 * 3600_000);
    await cleanUpStorage(t.ctx);
    expect(await t.ctx.files.has(lonely.sha256)).toBe(false);
    expect(await t.ctx.files.has(kept.sha256)).toBe(true);
    const { content } = await openDownload(t.ctx, citizen, kept.id, async () => false);
    expect((await buffer(content)).equals(pdf)).toBe(true);

    await deleteFiles(t.ctx.db, [kept.id], clock.now());
    clock.advance(2 * 3600_000);
    await cleanUpStorage(t.ctx);
    expect(await t.ctx.files.has(kept.sha256)).toBe(false);
  });
});
