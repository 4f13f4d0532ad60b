/**
 * A citizen report handled end to end against the real platform: a citizen files it through
 * the API in phường Hạ Long; the ward's officer signs in (password and authenticator), finds
 * it in the console inbox by its tracking code, receives it and resolves it with an answer;
 * the citizen sees the answer, is not satisfied, and the report is open again for the officer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { totpCode } from './totp';

const HA_LONG = { lat: 20.9481, lon: 107.1168 };
const ANSWER = 'Đã thay bóng đèn và kiểm tra lại đường dây, đèn sáng bình thường.';

interface Category {
  code: string;
  attributes: { code: string; required: boolean; values?: { key: string }[] }[];
}
interface CitizenView {
  status: string;
  history: { action: string; message: string }[];
}

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let report: { trackingCode: string; secret: string };

const officer = DEMO_ACCOUNTS.find(
  (account) => account.email === 'canbo.halong@quangninh.example',
)!;

async function asCitizen(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  return fetch(`${platform.url}${path}`, {
    method,
    headers: {
      'X-Report-Secret': report.secret,
      'X-Requested-With': 'tinhso',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe('a citizen report through the staff inbox', () => {
  it('is filed by a citizen in phường Hạ Long, answering the required questions', async () => {
    const categories = (await (await fetch(`${platform.url}/api/feedback/categories`)).json()) as {
      items: Category[];
    };
    const streetlight = categories.items.find((category) => category.code === 'streetlight');
    const required = streetlight!.attributes.filter((attribute) => attribute.required);
    expect(required.map((attribute) => attribute.code)).toEqual(['lights_out']);

    const response = await fetch(`${platform.url}/api/feedback/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Requested-With': 'tinhso' },
      body: JSON.stringify({
        categoryCode: 'streetlight',
        ...HA_LONG,
        address: 'Đường Bến Đoan, gần chợ Hạ Long 1',
        description: 'Cả dãy đèn đường không sáng từ ba hôm nay, buổi tối rất tối.',
        attributes: { lights_out: 'whole_street' },
        reporter: { name: 'Trần Văn Dân', email: 'tranvandan@example.vn' },
      }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as {
      trackingCode: string;
      secret: string;
      status: string;
      commune: { name: string };
    };
    expect(body.status).toBe('new');
    expect(body.commune.name).toMatch(/Hạ Long/);
    report = { trackingCode: body.trackingCode, secret: body.secret };
  });

  it('is found by its tracking code in the inbox of the ward officer', async () => {
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
    expect(await page.getByRole('link', { name: 'Phản ánh', exact: true }).count()).toBe(1);
    await page.getByLabel('Tìm theo mã, nội dung, địa chỉ').fill(report.trackingCode);
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByText('Có 1 phản ánh.').waitFor();
    const row = page.getByRole('row', { name: new RegExp(report.trackingCode) });
    expect(await row.getByText('Mới tiếp nhận').isVisible()).toBe(true);
    const csv = page.getByRole('link', { name: 'Xuất CSV' });
    expect(await csv.getAttribute('href')).toContain(`q=${report.trackingCode}`);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('link', { name: report.trackingCode }).click();
    await page
      .getByRole('heading', { level: 1, name: `Phản ánh ${report.trackingCode}` })
      .waitFor();
    await page.getByText('Cả dãy đèn đường không sáng').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is received, then resolved with an answer', async () => {
    const facts = page.locator('.inbox-facts').first();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã cập nhật phản ánh.').waitFor();
    await facts.getByText('Đã tiếp nhận').waitFor();
    expect(await page.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(0);

    await page.getByLabel('Việc cần làm').selectOption({ label: 'Trả lời và kết thúc' });
    await page.getByLabel('Nội dung', { exact: true }).fill(ANSWER);
    await page.getByRole('button', { name: 'Trả lời và kết thúc' }).click();
    await facts.getByText('Đã xử lý xong').waitFor();
    await page.locator('.feedback-timeline').getByText(ANSWER).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is reopened when the citizen is not satisfied with the answer', async () => {
    const seen = await asCitizen('GET', `/api/feedback/reports/${report.trackingCode}`);
    expect(seen.status).toBe(200);
    const view = (await seen.json()) as CitizenView;
    expect(view.status).toBe('resolved');
    expect(view.history.map((entry) => entry.message)).toContain(ANSWER);

    const rated = await asCitizen('POST', `/api/feedback/reports/${report.trackingCode}/rating`, {
      rating: 'not_satisfied',
      comment: 'Đèn vẫn còn chập chờn vào buổi tối.',
    });
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as { reopened: boolean }).reopened).toBe(true);

    await page.reload();
    const facts = page.locator('.inbox-facts').first();
    await facts.getByText('Đang xử lý').waitFor();
    expect(await facts.getByText('Không hài lòng').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
