import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../kernel/clock';
import { nextTotpCode } from '../../../kernel/auth/testing';
import { verifySignedFile } from '../../../kernel/signing/verify-file';
import {
  birthValues as birthValuesFor,
  createDossiersWorld,
  submitBirth,
  type DossiersWorld,
  type Headers,
} from '../dossiers.test-support';
import { dossiersDb } from '../dossiers-db';

const run = promisify(execFile);

async function pdfText(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-paper-'));
  const path = join(dir, 'paper.pdf');
  await writeFile(path, bytes);
  return (await run('pdftotext', ['-layout', path, '-'])).stdout;
}

describe('the signed result, the papers and the applicant’s rating', () => {
  // Monday 2 March 2026, 08:00 in Vietnam.
  const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
  let w: DossiersWorld;

  beforeAll(async () => {
    w = await createDossiersWorld(clock);
  });
  afterAll(async () => w.close());
  beforeEach(async () => w.signInAgain());

  const post = (headers: Headers, url: string, payload: object = {}) =>
    w.t.app.inject({ method: 'POST', url: `/api/dossiers/${url}`, headers, payload });
  const get = (headers: Headers, url: string) =>
    w.t.app.inject({ method: 'GET', url: `/api/dossiers/${url}`, headers });

  async function approved(): Promise<string> {
    const { code } = await submitBirth(w);
    expect((await post(w.desk, `${code}/receive`)).statusCode).toBe(200);
    expect((await post(w.specialist, `${code}/forward`)).statusCode).toBe(200);
    expect((await post(w.leader, `${code}/approve`)).statusCode).toBe(200);
    return code;
  }

  it('signs the result with the chairman’s certificate; the applicant downloads it, valid and on time', async () => {
    const code = await approved();
    const wrong = await post(w.leader, `${code}/sign`, { code: '000000' });
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400);
    expect(wrong.statusCode).toBeLessThan(500);
    // Not the specialist's act.
    expect(
      (await post(w.specialist, `${code}/sign`, { code: nextTotpCode(clock) })).statusCode,
    ).toBe(403);
    const signed = await post(w.leader, `${code}/sign`, { code: nextTotpCode(clock) });
    expect(signed.statusCode, signed.body).toBe(200);
    // Online, no fees: the electronic result is handed over at once.
    expect(signed.json()).toMatchObject({ code, status: 'returned' });

    const download = await get(w.citizen, `mine/${code}/papers/result`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    const pdf = download.rawPayload;
    const report = await verifySignedFile(w.t.ctx, { name: 'kq.pdf', content: pdf });
    expect(report.outcome).toBe('valid');
    expect(report.signatures).toHaveLength(1);
    const text = await pdfText(pdf);
    expect(text).toContain('GIẤY KHAI SINH');
    expect(text).toContain('Trần Minh Khôi');
    expect(text).toContain('Nguyễn Văn Hùng');
    expect(text).toContain(code);

    const mine = (await get(w.citizen, `mine/${code}`)).json();
    expect(mine.status).toBe('returned');
    const view = (await get(w.desk, code)).json();
    expect(view.result).toMatchObject({ signed: true });
    expect(new Date(view.finishedAt).getTime()).toBeLessThanOrEqual(new Date(view.dueAt).getTime());
    expect(view.history.map((h: { action: string }) => h.action)).toEqual([
      'submitted',
      'received',
      'forwarded',
      'approved',
      'signed',
      'returned',
    ]);

    // Another citizen cannot download it; nor can another commune's desk.
    expect((await get(w.other.desk, `${code}/papers/result`)).statusCode).toBe(404);

    // The papers the applicant can take now, and the rating not yet given.
    expect(mine.papers).toEqual(['receipt', 'result']);
    expect(mine.survey).toBeNull();

    // The rating, once.
    const rated = await post(w.citizen, `mine/${code}/survey`, { rating: 5, comment: 'Nhanh' });
    expect(rated.statusCode).toBe(201);
    const again = await post(w.citizen, `mine/${code}/survey`, { rating: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SURVEY_ANSWERED');
  });

  it('prints the receipt with its appointment and QR address, and the refusal slip with the reason', async () => {
    const { code } = await submitBirth(w);
    expect((await get(w.citizen, `mine/${code}/papers/receipt`)).statusCode).toBe(404);
    await post(w.desk, `${code}/receive`);
    const receipt = await get(w.citizen, `mine/${code}/papers/receipt`);
    expect(receipt.statusCode).toBe(200);
    const text = await pdfText(receipt.rawPayload);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(code);
    expect(text).toContain('Phạm Thị Nhận');
    expect(text).toContain(`tra-cuu-ho-so?ma=${code}`);

    const other = await submitBirth(w);
    await post(w.desk, `${other.code}/refuse`, { reason: 'Không thuộc thẩm quyền của phường' });
    const slip = await get(w.desk, `${other.code}/papers/refusal`);
    expect(slip.statusCode).toBe(200);
    expect(await pdfText(slip.rawPayload)).toContain('Không thuộc thẩm quyền của phường');
  });

  it('keeps the result at the desk until the fees are paid', async () => {
    const code = await approved();
    // The copy of the extract costs 8.000 đồng (the schedule's third line).
    const fees = await post(w.desk, `${code}/fees`, { lines: [{ index: 2, quantity: 1 }] });
    expect(fees.statusCode, fees.body).toBe(200);
    const signed = await post(w.leader, `${code}/sign`, { code: nextTotpCode(clock) });
    expect(signed.json()).toMatchObject({ status: 'resolved' });
    expect((await get(w.citizen, `mine/${code}/papers/result`)).statusCode).toBe(404);
    const unpaid = await post(w.desk, `${code}/return`, { method: 'desk' });
    expect(unpaid.statusCode).toBe(409);
    expect(unpaid.json().error.code).toBe('FEES_OUTSTANDING');
    expect((await post(w.desk, `${code}/payments/desk`, { method: 'cash' })).statusCode).toBe(201);
    const returned = await post(w.desk, `${code}/return`, { method: 'desk' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect((await get(w.citizen, `mine/${code}/papers/result`)).statusCode).toBe(200);
  });

  it('lets the applicant reuse an earlier document or result in a new dossier', async () => {
    const store = await get(w.citizen, 'mine/documents');
    expect(store.statusCode).toBe(200);
    const items = store.json().items as { kind: string; fileId: string; slot: string | null }[];
    const result = items.find((item) => item.kind === 'result');
    const certificate = items.find((item) => item.slot === 'GCS01');
    expect(result).toBeDefined();
    expect(certificate).toBeDefined();
    const payload = (fileId: string) => ({
      procedureCode: '1.001193',
      communeCode: w.haLong.communeCode,
      applicant: { type: 'CONG_DAN', fullName: 'Nguyễn Thị Lan', idNumber: '022190001234' },
      values: birthValuesFor(w.haLong.communeCode),
      documents: [
        { slot: 'TK01', fileId: result!.fileId },
        { slot: 'GCS01', fileId },
      ],
    });
    const submitted = await w.t.app.inject({
      method: 'POST',
      url: '/api/dossiers',
      headers: w.citizen,
      payload: payload(certificate!.fileId),
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const documents = await dossiersDb(w.t.ctx)
      .selectFrom('dossierDocument')
      .select(['slot', 'origin', 'storedFileId'])
      .where('dossierId', '=', submitted.json().id)
      .orderBy('slot')
      .execute();
    expect(documents.map((d) => [d.slot, d.origin])).toEqual([
      ['GCS01', 'reuse'],
      ['TK01', 'reuse'],
    ]);
    // A copy owned by the new dossier; the earlier dossier keeps its own.
    expect(documents.map((d) => d.storedFileId)).not.toContain(certificate!.fileId);
  });
});
