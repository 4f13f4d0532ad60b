/**
 * The three areas in a real browser against the real platform: the portal on a phone
 * (Vietnamese by default, English on request, the commune map, offline start), then a
 * demo staff member signing in with a password and an authenticator code, the console and
 * the operations center on a desktop. Every page is checked with axe (no serious or
 * critical WCAG 2.1 AA violation) and photographed into .cache/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { totpCode } from './totp';
import { agencyIdByName, createStaff, signInStaff } from './staff-api';

const SHOTS = path.resolve('.cache/e2e');
const shot = (name: string): string => path.join(SHOTS, name);

let platform: RunningPlatform;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  platform = await startPlatform();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

describe('the portal on a phone', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('opens the home page in Vietnamese with the province and product names', async () => {
    await page.goto(`${platform.url}/`);
    await page
      .getByRole('heading', { level: 1, name: 'Chính quyền số Quảng Ninh trong tầm tay' })
      .waitFor();
    expect(await htmlLang(page)).toBe('vi');
    const banner = page.getByRole('banner');
    expect(await banner.getByText('Tỉnh Quảng Ninh').isVisible()).toBe(true);
    expect(await banner.getByText('Tỉnh số').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-home-phone.png'), fullPage: true });
  });

  it('switches to English, remembers it across a reload, and switches back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Quảng Ninh digital government at your fingertips' })
      .waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.reload();
    await page
      .getByRole('heading', { level: 1, name: 'Quảng Ninh digital government at your fingertips' })
      .waitFor();
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-home-phone-en.png'), fullPage: true });

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Chính quyền số Quảng Ninh trong tầm tay' })
      .waitFor();
    expect(await htmlLang(page)).toBe('vi');
  });

  it('draws the commune map without outside tiles and lists every unit as text', async () => {
    await page.goto(`${platform.url}/sign-in`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Bản đồ hành chính' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Bản đồ hành chính' }).waitFor();
    const canvas = page.locator('.province-map-canvas canvas');
    await canvas.waitFor({ state: 'visible' });
    expect(await canvas.getAttribute('aria-label')).toBe(
      'Bản đồ các đơn vị hành chính cấp xã của Tỉnh Quảng Ninh',
    );
    await page.getByText('54 đơn vị', { exact: true }).waitFor();
    expect(await page.locator('.commune-list button').count()).toBe(54);

    await page.getByLabel('Lọc theo tên').fill('ha long');
    await page.getByText('1 đơn vị', { exact: true }).waitFor();
    await page.locator('.commune-list button', { hasText: 'Hạ Long' }).click();
    await page.locator('.province-map-selected-name', { hasText: 'Hạ Long' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-map-phone.png'), fullPage: true });
  });

  it('offers sign-in and registration forms that pass the accessibility check', async () => {
    await page.goto(`${platform.url}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-sign-in-phone.png'), fullPage: true });

    await page.goto(`${platform.url}/register`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản công dân' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    // Nothing filled in: the form says what is missing and keeps the page.
    await page.getByText('Nhập email hoặc số điện thoại.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-register-phone.png'), fullPage: true });
  });

  it('starts from the cached app shell when the network is gone', async () => {
    await page.goto(`${platform.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load happened before the worker controlled the page; reload under it.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    try {
      await page.reload();
      await page
        .getByRole('heading', { level: 1, name: 'Chính quyền số Quảng Ninh trong tầm tay' })
        .waitFor();
      await page.getByText('Bạn đang ngoại tuyến').waitFor();
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('a staff member on a desktop', () => {
  const operator = DEMO_ACCOUNTS.find((account) => account.role === 'operator')!;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('is sent to sign in, passes the authenticator step and reaches the console', async () => {
    await page.goto(`${platform.url}/console`);
    await page.waitForURL(/\/sign-in\?next=%2Fconsole$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(operator.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(operator.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.waitForURL(/\/sign-in\/mfa\?next=%2Fconsole$/);
    await page.getByRole('heading', { level: 1, name: 'Xác thực hai lớp' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Mã xác thực').fill(totpCode(operator.totpSecret!));
    await page.getByRole('button', { name: 'Xác nhận' }).click();

    await page.waitForURL(/\/console$/);
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${operator.fullName}` }).waitFor();
    expect(await page.getByRole('banner').getByText(operator.fullName).isVisible()).toBe(true);
    expect(await page.getByText('ops.view').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Mở trung tâm điều hành' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('console-desktop.png'), fullPage: true });
  });

  it('searches the agency directory, paged and filtered by the server', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cơ quan, đơn vị' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Cơ quan, đơn vị' }).waitFor();
    await page.getByRole('navigation', { name: 'Phân trang' }).waitFor();
    await page.getByLabel('Tìm theo tên hoặc mã').fill('ha long');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/console\/agencies\?q=ha\+long$/);
    await page.getByRole('rowheader', { name: 'UBND phường Hạ Long' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('console-agencies-desktop.png'), fullPage: true });
  });

  it('opens the operations center with the map, live counters and the chart', async () => {
    await page
      .getByRole('navigation', { name: 'Chuyển khu vực' })
      .getByRole('link', { name: 'Trung tâm điều hành' })
      .click();
    await page.waitForURL(/\/ops$/);
    await page.getByRole('heading', { level: 1, name: 'Trung tâm điều hành' }).waitFor();
    // Focus moved to the new page's heading, as after a full page load.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Trung tâm điều hành',
    );

    await page.locator('[data-testid="province-map"] canvas').waitFor({ state: 'visible' });
    const counter = (name: string) =>
      page.locator(`[data-counter="${name}"] .counter-value`).textContent();
    await page.locator('[data-counter="staff"] .counter-value').waitFor();
    // The demo data has four staff members and one citizen, and dozens of agencies.
    expect(Number(await counter('staff'))).toBeGreaterThanOrEqual(4);
    expect(Number(await counter('citizens'))).toBeGreaterThanOrEqual(1);
    expect(Number(await counter('agencies'))).toBeGreaterThan(50);
    // Signing in was audited today.
    expect(Number(await counter('audit'))).toBeGreaterThanOrEqual(1);
    await page.locator('.chart-drawing svg').first().waitFor({ state: 'visible' });
    await page.getByText('Đang nhận số liệu trực tiếp').waitFor();
    // The citizen-report tiles: the demo may have no report yet, so only the tile is certain.
    await page.locator('[data-counter="reports-open"]').getByText('Đang mở').waitFor();
    await page.locator('[data-testid="reports-map"] canvas').waitFor({ state: 'visible' });
    // The official documents: the demo issues two documents on its first start.
    await page.locator('[data-counter="issued-today"] .counter-value').waitFor();
    expect(Number(await counter('issued-today'))).toBeGreaterThanOrEqual(2);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('ops-desktop.png'), fullPage: true });
  });

  it('shows the operations center in English after the language switch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Operations center' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await page.getByText('Citizen accounts').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('ops-desktop-en.png'), fullPage: true });
  });
});

describe('a new staff member on a desktop', () => {
  const newcomer = {
    email: 'do.van.moi@quangninh.example',
    fullName: 'Đỗ Văn Mới',
    password: 'Bến tàu Tuần Châu lúc bình minh',
  };
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const admin = DEMO_ACCOUNTS.find((account) => account.role === 'province_admin')!;
    const session = await signInStaff(platform.url, admin);
    await createStaff(platform.url, session, {
      ...newcomer,
      agencyId: await agencyIdByName(platform.url, 'UBND phường Hạ Long'),
      roles: ['officer'],
    });
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
  });
  afterAll(async () => context?.close());

  it('sets up the authenticator, keeps the recovery codes and reaches the console', async () => {
    await page.goto(`${platform.url}/console`);
    await page.waitForURL(/\/sign-in\?next=%2Fconsole$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(newcomer.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(newcomer.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.waitForURL(/\/sign-in\/enrol\?next=%2Fconsole$/);
    await page.getByRole('button', { name: 'Tạo khóa bí mật' }).click();
    const grouped = await page.locator('.secret-key').textContent();
    // Shown in groups of four for typing into a phone.
    expect(grouped).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const uri = await page.locator('.otpauth-uri').textContent();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('enrol-secret-desktop.png'), fullPage: true });

    await page.getByLabel('Mã xác thực').fill(totpCode(grouped!.replace(/ /g, '')));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mã khôi phục' }).waitFor();
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    const download = page.getByRole('link', { name: 'Tải về (.txt)' });
    expect(await download.getAttribute('download')).toBe('tinhso-recovery-codes.txt');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('enrol-recovery-desktop.png'), fullPage: true });

    await page.getByRole('button', { name: 'Tôi đã lưu các mã, tiếp tục' }).click();
    await page.waitForURL(/\/console$/);
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${newcomer.fullName}` }).waitFor();
    expect(await page.getByText('UBND phường Hạ Long').isVisible()).toBe(true);
  });
});
