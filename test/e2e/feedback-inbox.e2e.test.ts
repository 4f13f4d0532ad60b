/**
 * The staff inbox beyond the list, end to end: a citizen files a report with a photo in
 * phường Hạ Long; the ward's officer filters the inbox (text, status, commune), switches to
 * the map and opens the report from its point, assigns it to a colleague, redacts its public
 * text and hides its photo. An anonymous visitor of the tracking page then sees the redacted
 * text and no photo. Every new view is checked with axe.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { agencyIdByName, createStaff, signInStaff } from './staff-api';
import { totpCode } from './totp';

const HA_LONG = { lat: 20.9481, lon: 107.1168 };
const ORIGINAL =
  'Đèn đường trước nhà ông Nguyễn Văn Tư, số điện thoại 0912 345 678, tắt từ tuần trước.';
const REDACTED = 'Đèn đường trước một nhà dân trên phố Bến Đoan tắt từ tuần trước.';
const COLLEAGUE = { fullName: 'Phan Thị Đồng Nghiệp', email: 'dongnghiep.halong@example.vn' };

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let trackingCode: string;

const officer = DEMO_ACCOUNTS.find(
  (account) => account.email === 'canbo.halong@quangninh.example',
)!;

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  // Reduced motion: the map jumps to the filtered reports instead of flying there.
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
    reducedMotion: 'reduce',
  });
  page = await context.newPage();

  const admin = DEMO_ACCOUNTS.find((account) => account.role === 'province_admin')!;
  await createStaff(platform.url, await signInStaff(platform.url, admin), {
    ...COLLEAGUE,
    password: 'Hon-Gai-Bai-Chay-2026',
    agencyId: await agencyIdByName(platform.url, 'UBND phường Hạ Long'),
    roles: ['officer'],
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe('the inbox map, assignment and moderation', () => {
  it('takes a citizen report with a photo in phường Hạ Long', async () => {
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 90, b: 160 } },
    })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append(
      'report',
      JSON.stringify({
        categoryCode: 'streetlight',
        ...HA_LONG,
        address: 'Phố Bến Đoan',
        description: ORIGINAL,
        attributes: { lights_out: 'one' },
        reporter: { name: 'Nguyễn Văn Tư', email: 'nguyenvantu@example.vn' },
      }),
    );
    form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'den.jpg');
    const response = await fetch(`${platform.url}/api/feedback/reports`, {
      method: 'POST',
      headers: { 'X-Requested-With': 'tinhso' },
      body: form,
    });
    expect(response.status).toBe(201);
    trackingCode = ((await response.json()) as { trackingCode: string }).trackingCode;

    const seen = await fetch(`${platform.url}/api/feedback/reports/${trackingCode}`);
    const view = (await seen.json()) as { media: unknown[]; commune: { code: string } };
    expect(view.media).toHaveLength(1);
  });

  it('is found by an officer filtering the inbox by text, status and commune', async () => {
    await page.goto(`${platform.url}/console/phan-anh`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email hoặc số điện thoại').fill(officer.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(officer.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\/mfa/);
    await page.getByLabel('Mã xác thực').fill(totpCode(officer.totpSecret!));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/console\/phan-anh$/);
    await page.getByRole('heading', { level: 1, name: 'Phản ánh của người dân' }).waitFor();

    await page.getByLabel('Tìm theo mã, nội dung, địa chỉ').fill(trackingCode);
    await page.getByRole('checkbox', { name: 'Mới tiếp nhận' }).check();
    const commune = page.getByLabel('Xã, phường, đặc khu');
    await commune.locator('option', { hasText: 'Phường Hạ Long' }).first().waitFor({
      state: 'attached',
    });
    await commune.selectOption({ label: 'Phường Hạ Long' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByText('Có 1 phản ánh.').waitFor();

    const address = new URL(page.url());
    expect(address.searchParams.get('q')).toBe(trackingCode);
    expect(address.searchParams.getAll('status')).toEqual(['new']);
    const communeCode = address.searchParams.get('communeCode');
    expect(communeCode).toMatch(/^\d{5}$/);
    // The export carries the very same filters.
    const csv = new URL(
      (await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href'))!,
      platform.url,
    );
    expect(csv.searchParams.get('q')).toBe(trackingCode);
    expect(csv.searchParams.getAll('status')).toEqual(['new']);
    expect(csv.searchParams.get('communeCode')).toBe(communeCode);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the filtered report on the map, whose point opens it', async () => {
    await page.getByRole('button', { name: 'Bản đồ' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('map');
    await page.getByText('1 phản ánh trên bản đồ.', { exact: true }).waitFor();
    const canvas = page.locator('[data-testid="inbox-map"] canvas');
    await canvas.waitFor({ state: 'visible' });
    expect(await canvas.getAttribute('aria-label')).toBe(
      'Bản đồ các phản ánh đang lọc, tô màu theo thời hạn xử lý',
    );
    expect(await seriousViolations(page)).toEqual([]);

    // The map centres on the only report: its point is in the middle of the canvas.
    const link = page.getByRole('link', { name: `Mở phản ánh ${trackingCode}` });
    const box = (await canvas.boundingBox())!;
    for (let attempt = 0; attempt < 20 && (await link.count()) === 0; attempt++) {
      await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
      await link.waitFor({ timeout: 500 }).catch(() => undefined);
    }
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${trackingCode}` }).waitFor();
  });

  it('assigns the report to a colleague of the ward', async () => {
    await page.getByText('Chưa giao cho cán bộ nào.').waitFor();
    const select = page.getByLabel('Cán bộ', { exact: true });
    await select.locator('option', { hasText: COLLEAGUE.fullName }).waitFor({ state: 'attached' });
    await select.selectOption({ label: COLLEAGUE.fullName });
    await page.getByRole('button', { name: 'Giao việc' }).click();
    await page.getByText(`Đang giao cho: ${COLLEAGUE.fullName}`).waitFor();
    await page.locator('.feedback-timeline').getByText('Đã giao cán bộ xử lý').waitFor();
    expect(await page.getByRole('button', { name: 'Bỏ giao' }).isVisible()).toBe(true);
  });

  it('redacts the public text, prefilled with the citizen’s words', async () => {
    const text = page.getByLabel('Nội dung công khai', { exact: true });
    expect(await text.inputValue()).toBe(ORIGINAL);
    await text.fill(REDACTED);
    await page.getByRole('button', { name: 'Lưu nội dung công khai' }).click();
    await page.getByText('Nội dung công khai đã được biên tập (khác với lời người dân).').waitFor();
    await page.locator('.feedback-timeline').getByText('Đã biên tập nội dung công khai').waitFor();
    expect(await text.inputValue()).toBe(REDACTED);
  });

  it('hides the photo and says so, with the history in words', async () => {
    await page.getByRole('button', { name: 'Ẩn ảnh 1' }).click();
    await page.getByRole('button', { name: 'Hiện lại ảnh 1' }).waitFor();
    expect(await page.locator('.inbox-photos .badge').innerText()).toBe('Đang ẩn');
    await page.locator('.feedback-timeline').getByText('Đã ẩn một ảnh').waitFor();
    const history = await page.locator('.feedback-timeline').innerText();
    for (const code of ['media_hidden', 'redacted', 'assigned', 'submitted']) {
      expect(history).not.toContain(code);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows an anonymous visitor the redacted text and no photo', async () => {
    const visitor = await browser.newContext({
      viewport: { width: 390, height: 844 },
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    try {
      const publicPage = await visitor.newPage();
      await publicPage.goto(`${platform.url}/phan-anh/${trackingCode}`);
      await publicPage.getByRole('heading', { level: 1, name: new RegExp(trackingCode) }).waitFor();
      await publicPage.getByText(REDACTED).waitFor();
      const body = await publicPage.locator('main').innerText();
      expect(body).not.toContain('0912 345 678');
      expect(body).not.toContain('Nguyễn Văn Tư');
      expect(await publicPage.locator('.feedback-previews img').count()).toBe(0);
      expect(await seriousViolations(publicPage)).toEqual([]);
    } finally {
      await visitor.close();
    }
  });
});
