/**
 * The signature verification page in a real browser: a visitor reaches it from the home page,
 * is told to choose a file when they forget, uploads an unsigned PDF and reads that it is
 * unsigned, then a PDF signed by a certificate the platform does not trust and reads, in
 * Vietnamese, who signed, that the content is intact and why the signature is not valid; no
 * serious accessibility problem at any step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { signPdf } from '../../src/kernel/signing/pades-sign';
import { samplePdf } from '../../src/kernel/signing/sample-pdf.test-support';
import { createTestPki } from '../../src/kernel/signing/signing.test-support';
import { softwareIdentity } from '../../src/kernel/signing/signing-identity';
import { seriousViolations } from './axe';
import { ensureWebBuild, launchChromium, startPlatform, type RunningPlatform } from './platform';

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let unsigned: Buffer;
let signedByStranger: Buffer;

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  unsigned = await samplePdf(2);
  const stranger = await (
    await createTestPki('Tỉnh khác')
  ).issue({
    commonName: 'Nguyễn Văn Thử',
    organization: 'UBND xã Thử Nghiệm',
  });
  signedByStranger = await signPdf(unsigned, {
    identity: softwareIdentity(stranger.privateKey, stranger.certificate),
    signingTime: new Date('2026-11-21T02:30:00Z'),
    reason: 'Ký ban hành',
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe('verifying a signed file', () => {
  it('is reached from the home page and asks for a file when none is chosen', async () => {
    await page.goto(`${platform.url}/`);
    await page.getByRole('link', { name: 'Xác minh chữ ký số' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Xác minh chữ ký số' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('Vui lòng chọn tệp cần kiểm tra.').waitFor();
    // The file field takes the focus back, so a keyboard user lands where the problem is.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
      'file',
    );
  });

  it('says an unsigned PDF is unsigned', async () => {
    await page.getByLabel('Tệp đã ký').setInputFiles({
      name: 'cong-van.pdf',
      mimeType: 'application/pdf',
      buffer: unsigned,
    });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Tệp không có chữ ký số.' }).waitFor();
  });

  it('explains a signature by a certificate the platform does not trust', async () => {
    await page.getByLabel('Tệp đã ký').setInputFiles({
      name: 'quyet-dinh.pdf',
      mimeType: 'application/pdf',
      buffer: signedByStranger,
    });
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Tệp có chữ ký số không hợp lệ.' }).waitFor();
    const result = page.getByRole('region', { name: /Chữ ký 1: Nguyễn Văn Thử/ });
    await expect(result.textContent()).resolves.toContain('Còn nguyên vẹn');
    await expect(result.textContent()).resolves.toContain('UBND xã Thử Nghiệm');
    await expect(result.textContent()).resolves.toContain('Ký ban hành');
    await expect(result.textContent()).resolves.toContain(
      'Chứng thư số không do tổ chức được tin cậy cấp.',
    );
    // 09:30 in Hà Nội, the time the signer claims.
    await expect(result.textContent()).resolves.toMatch(/09:30/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
