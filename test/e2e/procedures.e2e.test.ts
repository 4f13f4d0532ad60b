/**
 * The administrative procedure catalog in a real browser against the real platform (with its
 * 22 demo procedures): a citizen on a phone, not signed in, finds birth registration by
 * typing "khai sinh" without diacritics, reads its fees, documents and legal basis, previews
 * its form (an empty check lists the required fields in Vietnamese and takes the focus; an
 * answer reveals the father's section), and walks Back to the search. The province
 * administrator imports an edited procedure (counted as updated, its new text on the portal)
 * and a broken one (refused with its problem listed, the chosen file kept). Every page is
 * checked with axe and photographed into .cache/e2e/.
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
const BIRTH = '1.001193';
const BIRTH_NAME = 'Thủ tục đăng ký khai sinh';

let platform: RunningPlatform;
let browser: Browser;
let page: Page;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureWebBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  platform = await startPlatform();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await platform?.stop();
});

// A failed step leaves a picture of what the browser showed.
afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    const name = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: shot(`failed-procedures-${name}.png`), fullPage: true });
  }
});

async function expectAccessible(name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: shot(name), fullPage: true });
}

/** Nothing wider than the screen: a phone never scrolls sideways. */
async function expectNoSidewaysScroll(): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

interface ProcedureRecord {
  tthc: { MaTTHC: string; YeuCauDieuKien?: string };
  tinhso: { process: { steps: Array<{ share: number }> } };
}

async function exported(code: string): Promise<ProcedureRecord> {
  const response = await fetch(`${platform.url}/api/procedures/export?codes=${code}`);
  expect(response.status).toBe(200);
  const [record] = (await response.json()) as ProcedureRecord[];
  return record!;
}

describe('a citizen on a phone looks up a procedure', () => {
  beforeAll(async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      timezoneId: 'Asia/Ho_Chi_Minh',
      locale: 'vi-VN',
    });
    contexts.push(context);
    page = await context.newPage();
  });

  it('finds birth registration by words typed without diacritics', async () => {
    await page.goto(`${platform.url}/`);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thủ tục hành chính', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thủ tục hành chính' }).waitFor();
    await page.getByText(/^Tìm thấy 22 thủ tục$/).waitFor();

    await page.getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh$/);
    await page.getByText(/^Tìm thấy [1-9] thủ tục$/).waitFor();
    const result = page.getByRole('article', { name: BIRTH_NAME });
    await result.waitFor();
    const text = await result.textContent();
    expect(text).toContain(`Mã ${BIRTH}`);
    expect(text).toContain('Trực tuyến toàn trình');
    expect(text).toContain('1 ngày làm việc');
    expect(text).toContain('Miễn phí hoặc đến 8.000 đ');
    expect(text).toContain('UBND cấp xã nơi cư trú');
    // A procedure that does not mention the words is not in the list.
    expect(await page.getByRole('link', { name: /kết hôn/ }).count()).toBe(0);
    await expectNoSidewaysScroll();
    await expectAccessible('procedures-search-mobile.png');
  });

  it('opens the procedure and reads its fees, documents and legal basis', async () => {
    await page.getByRole('link', { name: BIRTH_NAME, exact: true }).click();
    await page.waitForURL(new RegExp(`/thu-tuc/${BIRTH.replace('.', '\\.')}$`));
    await page.getByRole('heading', { level: 1, name: BIRTH_NAME }).waitFor();

    const online = page
      .locator('tbody')
      .filter({ has: page.locator('th', { hasText: /^Trực tuyến$/ }) });
    expect(await online.getByRole('cell').nth(0).textContent()).toContain('1 ngày làm việc');
    const fees = (await online.getByRole('cell').nth(1).textContent()) ?? '';
    expect(fees).toContain('Lệ phí: Miễn phí');
    expect(fees).toContain('8.000 đ');

    const documents = page.getByRole('region', { name: 'Thành phần hồ sơ' });
    const documentsText = (await documents.textContent()) ?? '';
    expect(documentsText).toContain('Giấy chứng sinh');
    expect(documentsText).toContain('Mẫu đơn, tờ khai: Tờ khai đăng ký khai sinh');
    expect(documentsText).toContain('Bản chính: 1');
    expect(documentsText).toContain('Trường hợp trẻ em bị bỏ rơi');

    const legal = (await page.getByRole('region', { name: 'Căn cứ pháp lý' }).textContent()) ?? '';
    expect(legal).toContain('60/2014/QH13');
    expect(legal).toContain('Ban hành ngày 20/11/2014, Quốc hội');

    const process = page.getByRole('region', { name: 'Quy trình giải quyết' });
    expect(await process.getByRole('listitem').count()).toBe(5);
    expect(await process.textContent()).toContain('50% thời hạn giải quyết');
    await expectNoSidewaysScroll();
    await expectAccessible('procedures-detail-mobile.png');
  });

  it('previews the form: an empty check lists what is required, an answer reveals a section', async () => {
    await page.getByText(/Đây chỉ là bản xem trước/).waitFor();
    await page.getByRole('button', { name: 'Mở bản xem trước tờ khai' }).click();
    const childName = page.getByLabel('Họ, chữ đệm và tên của trẻ');
    await childName.waitFor();
    // Nothing in the preview pretends to send the form.
    expect(await page.getByRole('button', { name: /^(Gửi|Nộp)/ }).count()).toBe(0);
    const fatherSection = page.getByRole('heading', { name: 'Thông tin của cha', exact: true });
    expect(await fatherSection.count()).toBe(0);

    await page.getByRole('button', { name: 'Kiểm tra tờ khai' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: /^Tờ khai còn \d+ chỗ cần sửa$/ }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain(
      'Họ, chữ đệm và tên của trẻ: Vui lòng nhập thông tin này.',
    );
    expect(await childName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await childName.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(descriptions).toContain('Vui lòng nhập thông tin này.');
    const beside = page.locator('.field-error');
    await beside.filter({ hasText: 'Vui lòng chọn một mục.' }).first().waitFor();
    await beside.filter({ hasText: 'Vui lòng đánh dấu vào ô này để tiếp tục.' }).waitFor();
    await expectAccessible('procedures-preview-errors-mobile.png');

    // The summary's link puts the focus in the field.
    await summary.getByRole('link', { name: /^Họ, chữ đệm và tên của trẻ:/ }).click();
    expect(await childName.evaluate((element) => element === document.activeElement)).toBe(true);
    await childName.fill('Nguyễn Minh An');

    await page.getByRole('radio', { name: 'Đã xác định', exact: true }).check();
    await fatherSection.waitFor();
    await page.getByText('Đã hiện thêm: Thông tin của cha').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Kiểm tra tờ khai' }).click();
    expect(await summary.textContent()).not.toContain('Họ, chữ đệm và tên của trẻ:');
    expect(await childName.getAttribute('aria-invalid')).toBe(null);
    await expectNoSidewaysScroll();
    await expectAccessible('procedures-preview-section-mobile.png');
  });

  it('reads the procedure in English, the national text marked as Vietnamese', async () => {
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Birth registration' }).waitFor();
    await page.getByText('Fully online').first().waitFor();
    const online = page
      .locator('tbody')
      .filter({ has: page.locator('th', { hasText: /^Online$/ }) });
    expect(await online.textContent()).toContain('1 working day');
    expect(await online.textContent()).toContain('Charge: Free');
    expect(await page.locator('h1 + p [lang="vi"]').textContent()).toBe(BIRTH_NAME);
    await page.getByRole('button', { name: 'Check the form' }).click();
    await page
      .getByRole('heading', { name: /^There are \d+ things to fix in the form$/ })
      .waitFor();
    await expectAccessible('procedures-detail-en-mobile.png');
    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: BIRTH_NAME }).waitFor();
  });

  it('walks Back to the search as it was, and says so for an unknown code', async () => {
    await page.goBack();
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh$/);
    expect(await page.getByLabel('Tên hoặc mã thủ tục').inputValue()).toBe('khai sinh');
    await page.getByRole('article', { name: BIRTH_NAME }).waitFor();

    await page.goto(`${platform.url}/thu-tuc/9.999999`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' }).waitFor();
    await page.getByRole('link', { name: 'Tìm thủ tục khác' }).waitFor();
    await expectAccessible('procedures-not-found-mobile.png');
  });
});

describe('the province administrator imports procedures', () => {
  beforeAll(async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    contexts.push(context);
    page = await context.newPage();
  });

  const fileInput = () => page.getByLabel('Tệp JSON thủ tục');

  it('opens the catalog page from the console navigation', async () => {
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
      .getByRole('link', { name: 'Danh mục thủ tục', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Danh mục thủ tục hành chính' }).waitFor();
    await expectAccessible('procedures-admin.png');
  });

  it('imports an edited procedure and counts it as updated', async () => {
    const record = await exported(BIRTH);
    const condition = `${record.tthc.YeuCauDieuKien ?? ''} Sửa thử ${Date.now().toString(36)}.`;
    record.tthc.YeuCauDieuKien = condition;
    await fileInput().setInputFiles({
      name: 'khai-sinh.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([record], null, 2)),
    });
    await page.getByRole('button', { name: 'Nhập vào danh mục' }).click();
    await page
      .getByText('Đã nhập tệp khai-sinh.json: 0 thủ tục mới, 1 cập nhật, 0 không thay đổi.')
      .waitFor();
    await page.getByRole('heading', { name: 'Cập nhật (1)' }).waitFor();
    await page.getByRole('link', { name: BIRTH, exact: true }).waitFor();
    expect((await exported(BIRTH)).tthc.YeuCauDieuKien).toBe(condition);
    await expectAccessible('procedures-admin-updated.png');
  });

  it('refuses a broken procedure, lists its problem, and keeps the chosen file', async () => {
    const record = await exported(BIRTH);
    record.tinhso.process.steps[0]!.share += 5;
    const good = await exported('2.000635');
    await fileInput().setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([good, record])),
    });
    await page.getByRole('button', { name: 'Nhập vào danh mục' }).click();
    await page.getByText(/^Có thủ tục không thể đưa vào danh mục/).waitFor();
    const table = page.getByRole('table', { name: 'Thủ tục bị từ chối (1)' });
    await table.waitFor();
    const row = table.getByRole('row', { name: new RegExp(BIRTH.replace('.', '\\.')) });
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('2');
    expect(await row.textContent()).toContain("the steps' shares add up to 105, not 100");
    expect(await fileInput().evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe(
      'hong.json',
    );
    // The earlier result is gone: nothing of this file was taken in.
    expect(await page.getByRole('heading', { name: /^Cập nhật/ }).count()).toBe(0);
    await expectAccessible('procedures-admin-refused.png');
  });
});
