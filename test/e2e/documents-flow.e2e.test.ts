/**
 * An official document between two agencies of the platform, end to end through the console
 * (Decree 30/2020): phường Hạ Long's clerk registers the province's plan; the ward's officer
 * answers it with a công văn drafted in the console (a refused first save keeps what was
 * typed) and submits it; the chairman approves and signs it with his authenticator code (a
 * wrong code is refused in the dialog); the clerk issues it as NN/UBND-VP, and the signed PDF
 * verifies with pdfsig. Over the exchange it reaches the province, whose clerk registers it,
 * whose leader assigns it with a deadline and whose officer starts and completes it; back in
 * Hạ Long the recipient's statuses arrive in order 01, 03, 04, (05,) 06.
 *
 * One platform and one browser for the file; each person has their own browser context, so
 * each signs in once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/kernel/auth/demo-accounts';
import { pdfsigIntegrity } from '../../src/kernel/signing/signing.test-support';
import { seriousViolations } from './axe';
import { ensureWebBuild, launchChromium, startPlatform, type RunningPlatform } from './platform';
import { totpCode } from './totp';

const SUBJECT = 'Báo cáo kết quả rà soát phương án sơ tán dân vùng trũng, ven biển mùa mưa bão';
const SUBJECT_UNACCENTED = 'ra soat phuong an so tan';
const BODY = [
  'Thực hiện Kế hoạch số 01/KH-UBND của Ủy ban nhân dân tỉnh, Ủy ban nhân dân phường Hạ Long báo cáo kết quả rà soát như sau.',
  'Đã rà soát 14 tổ dân phố ven biển, lập danh sách 326 hộ cần sơ tán khi có bão cấp 10 trở lên; bố trí 6 điểm tránh trú an toàn.',
  'Ủy ban nhân dân phường Hạ Long kính báo cáo.',
].join('\n\n');
const PLAN = 'Phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa bão năm 2026';
const PROVINCE = 'UBND tỉnh Quảng Ninh';

const account = (email: string): DemoAccount =>
  DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
const wardOfficer = account('canbo.halong@quangninh.example');
const chairman = account('chutich.halong@quangninh.example');
const wardClerk = account('vanthu.halong@quangninh.example');
const provinceClerk = account('vanthu.tinh@quangninh.example');
const provinceLeader = account('chutich.tinh@quangninh.example');
const provinceOfficer = account('chuyenvien.tinh@quangninh.example');

let platform: RunningPlatform;
let browser: Browser;
const pages = new Map<string, Page>();
let outgoingUrl = '';

/**
 * A code the platform has not seen from this person: each time step confirms one act only,
 * so a second act in the same 30 s takes the next step's code (the platform accepts one step
 * of clock drift), or waits for it.
 */
const lastStep = new Map<string, number>();
async function freshCode(person: DemoAccount): Promise<string> {
  for (;;) {
    const current = Math.floor(Date.now() / 30_000);
    const step = Math.max(current, (lastStep.get(person.email) ?? -1) + 1);
    if (step <= current + 1) {
      lastStep.set(person.email, step);
      return totpCode(person.totpSecret!, new Date(step * 30_000));
    }
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 50));
  }
}

/** A code that matches no step near now. */
function wrongCode(person: DemoAccount): string {
  const now = Date.now();
  const near = [-1, 0, 1].map((shift) =>
    totpCode(person.totpSecret!, new Date(now + shift * 30_000)),
  );
  for (let back = 10; ; back++) {
    const code = totpCode(person.totpSecret!, new Date(now - back * 30_000));
    if (!near.includes(code)) return code;
  }
}

async function signIn(person: DemoAccount): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${platform.url}/console/van-ban`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('Email hoặc số điện thoại').fill(person.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/sign-in\/mfa/);
  await page.getByLabel('Mã xác thực').fill(await freshCode(person));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bàn làm việc văn bản' }).waitFor();
  pages.set(person.email, page);
  return page;
}

const documentsNav = (page: Page) => page.getByRole('navigation', { name: 'Văn bản', exact: true });
const boxes = (page: Page) => page.getByRole('navigation', { name: 'Hộp văn bản' });
const facts = (page: Page, term: string) =>
  page.locator('.documents-facts dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');

/** Reloads a list until a row links to `name`: the exchange delivers through the outbox. */
async function waitForRow(page: Page, name: string | RegExp): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const link = page.getByRole('table').getByRole('link', { name });
    if ((await link.count()) > 0) return;
    if (Date.now() > deadline) throw new Error(`no row for ${String(name)} in ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.reload();
    // The list's count, or its error (a reload during a slow moment): either way, look again.
    await page
      .getByRole('status')
      .filter({ hasText: /văn bản/ })
      .or(page.getByRole('alert'))
      .first()
      .waitFor();
  }
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
});

afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  for (const [email, page] of pages) {
    const name = `${email.split('@')[0]}-${test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}`;
    await page
      .screenshot({ path: path.join(os.tmpdir(), `documents-flow-${name}.png`), fullPage: true })
      .catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('a công văn from phường Hạ Long to the province, through the console', () => {
  it('starts with the ward clerk registering the province’s plan that arrived', async () => {
    const page = await signIn(wardClerk);
    await expectAccessible(page);
    await page
      .getByRole('link', { name: /Chờ vào sổ/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor();
    expect(
      await boxes(page)
        .getByRole('link', { name: /Chờ vào sổ/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    await waitForRow(page, PLAN);
    await expectAccessible(page);
    await page.getByRole('table').getByRole('link', { name: PLAN }).click();
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByText('Đã vào sổ văn bản đến.').waitFor();
    expect(await facts(page, 'Số đến').textContent()).toMatch(/^\d+$/);
  });

  it('is drafted by the ward officer as a reply; a refused save keeps what was typed', async () => {
    const page = await signIn(wardOfficer);
    await documentsNav(page).getByRole('link', { name: 'Văn bản đến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: PLAN }).click();
    await page.getByRole('link', { name: 'Trả lời', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Soạn văn bản đi' }).waitFor();
    await page.getByText('Trả lời văn bản số 01/KH-UBND của UBND tỉnh Quảng Ninh.').waitFor();
    const recipients = page.getByRole('group', { name: 'Nơi nhận (cơ quan)' });
    await recipients.getByText('(000.00.00.H49)').waitFor();
    expect(await page.getByLabel('Kính gửi').inputValue()).toBe(PROVINCE);
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('');
    expect(await page.getByLabel('Người ký', { exact: true }).inputValue()).not.toBe('');

    await page.getByLabel('Đơn vị soạn thảo').fill('VP');
    await page.getByLabel('Trích yếu').fill(SUBJECT);
    await page.getByLabel('Nội dung', { exact: true }).fill(BODY);
    await page.getByLabel('Thẩm quyền ký').fill('TM. ỦY BAN NHÂN DÂN');
    // The signer's position is left out: the server refuses, the form keeps the rest.
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    const position = page.getByLabel('Chức vụ người ký');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Xem các lỗi ghi bên cạnh từng trường.' })
      .waitFor();
    expect(await position.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Vui lòng nhập trường này.').count()).toBe(1);
    expect(await page.getByLabel('Trích yếu').inputValue()).toBe(SUBJECT);
    expect(await page.getByLabel('Nội dung', { exact: true }).inputValue()).toBe(BODY);
    expect(await page.getByLabel('Đơn vị soạn thảo').inputValue()).toBe('VP');
    await expectAccessible(page);

    await position.fill('CHỦ TỊCH');
    await page.getByRole('button', { name: 'Lưu dự thảo' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByText('Đã lưu dự thảo.').waitFor();
    expect(await facts(page, 'Trạng thái').textContent()).toContain('Dự thảo');
    outgoingUrl = page.url();
    expect(outgoingUrl).toMatch(/\/console\/van-ban\/di\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Trình ký' }).click();
    await page.getByText('Đã trình ký.').waitFor();
    expect(await facts(page, 'Trạng thái').textContent()).toContain('Chờ duyệt');
    expect(await page.getByRole('button', { name: 'Trình ký' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('is approved and signed by the chairman with his authenticator code', async () => {
    const page = await signIn(chairman);
    await page
      .getByRole('link', { name: /Chờ tôi ký/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Văn bản đi' }).waitFor();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();

    await page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await page.getByText('Đã duyệt dự thảo.').waitFor();
    await page.getByRole('button', { name: 'Ký số' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ký số văn bản' });
    await dialog.getByText('chứng thư số của Nguyễn Văn Hùng').waitFor();
    await expectAccessible(page);

    await dialog.getByLabel('Mã xác thực').fill(wrongCode(chairman));
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await dialog.getByText('Mã xác thực không đúng hoặc đã được sử dụng.').waitFor();
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByLabel('Mã xác thực').fill(await freshCode(chairman));
    await dialog.getByRole('button', { name: 'Ký số' }).click();
    await page.getByText('Đã ký số văn bản.').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await facts(page, 'Trạng thái').textContent()).toContain('Đã ký, chờ phát hành');
    await page.locator('.documents-files').getByText('Bản ký số của người ký').waitFor();
  });

  it('is issued by the ward clerk with its number; the signed PDF verifies', async () => {
    const page = pages.get(wardClerk.email) ?? (await signIn(wardClerk));
    await documentsNav(page).getByRole('link', { name: 'Văn bản đi' }).click();
    await boxes(page)
      .getByRole('link', { name: /Chờ phát hành/ })
      .click();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByRole('button', { name: 'Phát hành', exact: true }).click();
    await page.getByText('Đã phát hành văn bản.').waitFor();
    const notation = (await facts(page, 'Số, ký hiệu').textContent())!.trim();
    expect(notation).toMatch(/^\d{2,}\/UBND-VP$/);
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.documents-files li', { hasText: 'Bản phát hành' }).getByRole('link').click(),
    ]);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The chairman's signature and the agency's seal.
    expect(pdfsigIntegrity(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
  });

  it('arrives at the province, whose clerk finds it without diacritics and registers it', async () => {
    const page = await signIn(provinceClerk);
    await documentsNav(page).getByRole('link', { name: 'Văn bản đến' }).click();
    await boxes(page)
      .getByRole('link', { name: /Chờ vào sổ/ })
      .click();
    await page.getByLabel('Tìm theo trích yếu, số ký hiệu, cơ quan').fill(SUBJECT_UNACCENTED);
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/box=to_register&q=ra\+soat/);
    await waitForRow(page, SUBJECT);
    await expectAccessible(page);
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(await facts(page, 'Cơ quan ban hành').textContent()).toContain('Hạ Long');
    await page.getByRole('button', { name: 'Vào sổ', exact: true }).click();
    await page.getByText('Đã vào sổ văn bản đến.').waitFor();
  });

  it('is assigned by the province leader to an officer with a deadline', async () => {
    const page = await signIn(provinceLeader);
    await page
      .getByRole('link', { name: /Chờ phân công/ })
      .first()
      .click();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByLabel('Đơn vị xử lý').fill('Văn phòng');
    await page.getByLabel('Người xử lý chính').selectOption({ label: provinceOfficer.fullName });
    const deadline = new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000)
      .toISOString()
      .slice(0, 10);
    await page.getByLabel('Hạn xử lý').fill(deadline);
    await page.getByLabel('Ý kiến chỉ đạo').fill('Tổng hợp vào báo cáo chung của tỉnh.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Phân công', exact: true }).click();
    await page.getByText('Đã phân công xử lý.').waitFor();
    expect(await facts(page, 'Người xử lý').textContent()).toContain(provinceOfficer.fullName);
  });

  it('is started and completed by the province officer', async () => {
    const page = await signIn(provinceOfficer);
    await page
      .getByRole('link', { name: /Tôi xử lý/ })
      .first()
      .click();
    await page.getByRole('table').getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await page.getByText('Đã bắt đầu xử lý.').waitFor();
    await page.getByLabel('Kết quả xử lý').fill('Đã tổng hợp vào báo cáo của tỉnh.');
    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    await page.getByText('Đã hoàn thành xử lý.').waitFor();
    expect(await facts(page, 'Trạng thái').textContent()).toContain('Đã hoàn thành');
  });

  it('shows the ward officer the province’s statuses in order: 01, 03, 04, 06', async () => {
    const page = pages.get(wardOfficer.email) ?? (await signIn(wardOfficer));
    await page.goto(outgoingUrl);
    const row = page.getByRole('row', { name: new RegExp(PROVINCE) });
    const deadline = Date.now() + 60_000;
    while (!((await row.textContent()) ?? '').includes('Hoàn thành')) {
      if (Date.now() > deadline) throw new Error(`no 06 yet: ${await row.textContent()}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await page.reload();
      await row.waitFor();
    }
    const history = row.locator('details');
    await history.locator('summary').click();
    const codes = await history.locator('li .documents-status-code').allTextContents();
    const wanted = ['01', '03', '04', '06'];
    expect(codes.filter((code) => wanted.includes(code))).toEqual(wanted);
    expect(codes.every((code) => ['01', '03', '04', '05', '06'].includes(code))).toBe(true);
    await history.getByText('Đã phân công').waitFor();
    await expectAccessible(page);

    // English is complete too.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Status history of UBND tỉnh Quảng Ninh').waitFor();
    await page.getByRole('heading', { name: 'Recipient agencies' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
});
