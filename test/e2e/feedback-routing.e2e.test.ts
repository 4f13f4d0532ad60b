/**
 * The routing matrix in a real browser against the real platform: the demo province
 * administrator opens "Định tuyến phản ánh" from the console navigation, finds a ward by
 * typing its name without diacritics, routes one category there to a provincial department,
 * saves, and after a reload sees the cell saved as set explicitly; a new report filed at
 * that place then goes to that department. The page is checked with axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { totpCode } from './totp';

const SHOTS = path.resolve('.cache/e2e');
const shot = (name: string): string => path.join(SHOTS, name);
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'province_admin')!;
/** A point in phường Hạ Long. */
const HA_LONG_POINT = { lat: 20.9481, lon: 107.1168 };

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  platform = await startPlatform();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    const name = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: shot(`failed-feedback-routing-${name}.png`), fullPage: true });
  }
});

const cellSelect = () => page.getByLabel('Cơ quan xử lý tại Phường Hạ Long', { exact: true });

describe('the province administrator routes reports', () => {
  it('opens the routing page from the console navigation', async () => {
    await page.goto(`${platform.url}/console`);
    await page.waitForURL(/\/sign-in\?next=%2Fconsole$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(admin.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\/mfa\?next=%2Fconsole$/);
    await page.getByLabel('Mã xác thực').fill(totpCode(admin.totpSecret!));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${admin.fullName}` }).waitFor();

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Định tuyến phản ánh', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Định tuyến phản ánh' }).waitFor();
    await page.getByText('Đang hiển thị 54/54 xã, phường, đặc khu.').waitFor();
  });

  it('changes one cell, saves it, and finds it saved after a reload', async () => {
    await page.getByLabel('Lĩnh vực phản ánh').selectOption('trees');
    await page.waitForURL(/\?category=trees$/);
    await page.getByRole('heading', { level: 2, name: 'Cài đặt lĩnh vực: Cây xanh' }).waitFor();
    await page.getByLabel(/Lọc theo tên xã, phường/).fill('ha long');
    await page.getByText('Đang hiển thị 1/54 xã, phường, đặc khu.').waitFor();
    await page.getByRole('rowheader', { name: 'Phường Hạ Long' }).waitFor();

    await cellSelect().selectOption({ label: 'Sở Xây dựng' });
    await page.getByText('Chưa lưu', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Lưu thay đổi (1)' }).click();
    await page.getByText('Đã lưu. Số ô thay đổi: 1.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('console-feedback-routing.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Định tuyến phản ánh' }).waitFor();
    expect(await page.getByLabel('Lĩnh vực phản ánh').inputValue()).toBe('trees');
    await page.getByLabel(/Lọc theo tên xã, phường/).fill('Hạ Long');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Phường Hạ Long' }) });
    await row.getByText('Đặt riêng', { exact: true }).waitFor();
    expect(
      await cellSelect().evaluate(
        (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '',
      ),
    ).toBe('Sở Xây dựng');

    // A new report of that category at that place now goes to the department.
    const filed = await fetch(`${platform.url}/api/feedback/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url },
      body: JSON.stringify({
        categoryCode: 'trees',
        ...HA_LONG_POINT,
        description: 'Cây xà cừ nghiêng sát đường, có nguy cơ đổ khi mưa bão.',
        attributes: { tree_issue: 'leaning' },
        reporter: { name: 'Phạm Thị Hoa', email: 'hoa.pham@example.vn' },
      }),
    });
    const body = (await filed.json()) as { agency?: { name: string }; error?: unknown };
    expect({ status: filed.status, agency: body.agency?.name }).toEqual({
      status: 201,
      agency: 'Sở Xây dựng',
    });
  });

  it('keeps the category settings usable and accessible', async () => {
    await page
      .getByRole('heading', { level: 2, name: /^Cài đặt lĩnh vực:/ })
      .scrollIntoViewIfNeeded();
    await page.getByLabel('Thời hạn trả lời').fill('0');
    await page.getByRole('button', { name: 'Lưu cài đặt lĩnh vực' }).click();
    await page.getByText('Nhập một số nguyên từ 1 đến 365.').waitFor();
    await page.getByLabel('Thời hạn trả lời').fill('4');
    await page.getByRole('button', { name: 'Lưu cài đặt lĩnh vực' }).click();
    await page.getByText('Đã lưu cài đặt lĩnh vực.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Định tuyến phản ánh' }).waitFor();
    await page.getByLabel('Thời hạn trả lời').waitFor();
    expect(await page.getByLabel('Thời hạn trả lời').inputValue()).toBe('4');
  });
});
