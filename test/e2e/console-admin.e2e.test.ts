/**
 * The console's administration pages in a real browser against the real platform: the
 * demo province administrator signs in with a password and an authenticator code, sees
 * every administration page in the navigation, creates a staff account (a refused first
 * attempt keeps what was typed), disables it, issues and revokes an API key (checked from
 * outside with the key itself), reads the audit log and verifies its chain, looks at the
 * events and jobs, records and removes a calendar exception, and trusts then removes a
 * root certificate for signature verification. Every page is checked
 * with axe (no serious or critical WCAG 2.1 AA violation) and photographed into .cache/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { totpCode } from './totp';
import { createTestPki, toPem } from '../../src/kernel/signing/signing.test-support';

const SHOTS = path.resolve('.cache/e2e');
const shot = (name: string): string => path.join(SHOTS, name);
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'province_admin')!;

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
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.url });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

// A failed step leaves a picture of what the browser showed.
afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    const name = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: shot(`failed-console-admin-${name}.png`), fullPage: true });
  }
});

const mainNav = () => page.getByRole('navigation', { name: 'Điều hướng chính' });

async function openFromNav(label: string, heading: string): Promise<void> {
  await mainNav().getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function expectAccessible(name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: shot(name), fullPage: true });
}

describe('the province administrator in the console', () => {
  const staff = {
    fullName: 'Vũ Thị Hồ Sơ',
    email: 'vu.thi.ho.so@quangninh.example',
  };

  it('signs in and sees every administration page in the navigation', async () => {
    await page.goto(`${platform.url}/console`);
    await page.waitForURL(/\/sign-in\?next=%2Fconsole$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(admin.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\/mfa\?next=%2Fconsole$/);
    await page.getByLabel('Mã xác thực').fill(totpCode(admin.totpSecret!));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { level: 1, name: `Xin chào, ${admin.fullName}` }).waitFor();

    for (const label of [
      'Người dùng',
      'Khóa API',
      'Nhật ký kiểm toán',
      'Sự kiện và tác vụ',
      'Lịch làm việc',
      'Chứng thư gốc tin cậy',
    ]) {
      expect(await mainNav().getByRole('link', { name: label, exact: true }).isVisible()).toBe(
        true,
      );
    }
  });

  it('lists the accounts with masked contacts, searched by the server', async () => {
    await openFromNav('Người dùng', 'Tài khoản người dùng');
    await page.getByRole('rowheader', { name: /Trần Thị Xây/ }).waitFor();
    // The list never shows a whole contact: the demo administrator's own address is masked.
    expect(await page.locator('table').textContent()).not.toContain(admin.email);

    await page.getByLabel('Tìm theo tên, email hoặc số điện thoại').fill('tran thi xay');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/\/console\/users\?q=tran\+thi\+xay$/);
    await page.getByText('1 tài khoản', { exact: true }).waitFor();
    await page.getByRole('rowheader', { name: /Trần Thị Xây/ }).waitFor();
    await expectAccessible('console-users.png');
  });

  it('creates a staff account, keeping the form when the server refuses it', async () => {
    await page.getByRole('link', { name: 'Tạo tài khoản cán bộ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo tài khoản cán bộ' }).waitFor();
    await page.getByLabel('Họ và tên').fill(staff.fullName);
    await page.getByLabel('Email').fill('khong-phai-email');
    const agency = page.getByLabel('Cơ quan', { exact: true });
    await agency.locator('option', { hasText: 'UBND phường Hạ Long' }).first().waitFor({
      state: 'attached',
    });
    const agencyValue = await agency
      .locator('option', { hasText: 'UBND phường Hạ Long' })
      .first()
      .getAttribute('value');
    await agency.selectOption(agencyValue ?? '');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    // The server names the bad field; everything typed is still there.
    await page
      .locator('.field-invalid', { hasText: 'Email' })
      .getByText('Giá trị không hợp lệ.')
      .waitFor();
    await page
      .getByRole('alert')
      .getByText('Yêu cầu không hợp lệ; xem chi tiết từng trường.')
      .waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe(staff.fullName);
    expect(await page.getByLabel('Email').inputValue()).toBe('khong-phai-email');
    expect(await agency.inputValue()).toBe(agencyValue);
    await expectAccessible('console-user-create-refused.png');

    await page.getByLabel('Email').fill(staff.email);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã tạo tài khoản' }).waitFor();
    const temporary = (await page.locator('.secret-key').textContent()) ?? '';
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('button', { name: 'Sao chép' }).click();
    await page.getByText('Đã sao chép.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(temporary);
    await expectAccessible('console-user-created.png');

    // The temporary password really opens the new account.
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url },
      body: JSON.stringify({ identifier: staff.email, password: temporary }),
    });
    expect(login.status).toBe(200);
  });

  it('opens the account with its full contacts, says the reading is audited, and disables it', async () => {
    await page.getByRole('link', { name: 'Xem tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: staff.fullName }).waitFor();
    await page.getByText('mỗi lần xem đều được ghi vào nhật ký kiểm toán').waitFor();
    expect(await page.getByText(staff.email, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText('UBND phường Hạ Long', { exact: false }).first().isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('checkbox', { name: 'Cán bộ xử lý' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Vô hiệu hóa tài khoản' }).click();
    await page.getByRole('button', { name: 'Kích hoạt lại tài khoản' }).waitFor();
    await page.locator('.badge', { hasText: 'Đã vô hiệu hóa' }).waitFor();
    await expectAccessible('console-user-detail.png');

    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: platform.url },
      body: JSON.stringify({ identifier: staff.email, password: 'any-password-at-all' }),
    });
    expect(login.status).toBeGreaterThanOrEqual(400);
  });

  it('issues an API key shown once, which works until it is revoked', async () => {
    await openFromNav('Khóa API', 'Khóa API');
    await page.getByText('Chưa có khóa API nào.').waitFor();
    await page.getByLabel('Tên khóa').fill('Trục LGSP tỉnh');
    const agency = page.getByLabel('Cơ quan', { exact: true });
    await agency.locator('option', { hasText: 'UBND tỉnh' }).first().waitFor({ state: 'attached' });
    const value = await agency
      .locator('option', { hasText: 'UBND tỉnh' })
      .first()
      .getAttribute('value');
    await agency.selectOption(value ?? '');
    await page.getByRole('checkbox', { name: 'users.manage' }).check();
    await page.getByRole('button', { name: 'Tạo khóa' }).click();

    await page.getByText('Đã tạo khóa “Trục LGSP tỉnh”.').waitFor();
    const secret = (await page.locator('.secret-key').textContent()) ?? '';
    expect(secret).toMatch(/^tsk_/);
    await page.getByRole('rowheader', { name: /Trục LGSP tỉnh/ }).waitFor();
    // The list shows the prefix only, never the secret.
    expect(await page.locator('table').textContent()).not.toContain(secret);
    await expectAccessible('console-api-keys.png');

    const asMachine = () =>
      fetch(`${platform.url}/api/admin/users?page=1&pageSize=1`, {
        headers: { 'x-api-key': secret },
      });
    expect((await asMachine()).status).toBe(200);

    await page.getByRole('button', { name: 'Thu hồi khóa “Trục LGSP tỉnh”' }).click();
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await page.locator('.badge', { hasText: 'Đã thu hồi' }).waitFor();
    expect((await asMachine()).status).toBe(401);
    await expectAccessible('console-api-key-revoked.png');
  });

  it('filters the audit log and verifies the chain', async () => {
    await openFromNav('Nhật ký kiểm toán', 'Nhật ký kiểm toán');
    await page.getByLabel('Hành động').fill('auth.user_disabled');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/\/console\/audit\?action=auth.user_disabled$/);
    await page.getByText('1 mục', { exact: true }).waitFor();
    await page.getByRole('rowheader', { name: 'auth.user_disabled' }).waitFor();

    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    await page.getByText('Chuỗi nhật ký toàn vẹn.').waitFor();
    await page.getByText(/^Đã kiểm tra \d+ mục và \d+ điểm chốt có chữ ký\.$/).waitFor();
    await expectAccessible('console-audit.png');
  });

  it('shows the failed deliveries and the scheduler’s jobs', async () => {
    await openFromNav('Sự kiện và tác vụ', 'Sự kiện và tác vụ');
    await page.getByText('Không có lượt chuyển nào thất bại.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tác vụ định kỳ' }).waitFor();
    // The audit sealer runs every second in every installation.
    await page.getByRole('rowheader', { name: 'audit.seal', exact: true }).waitFor();
    await expectAccessible('console-system.png');
  });

  it('shows the days off of a year and records and removes an exception', async () => {
    await openFromNav('Lịch làm việc', 'Lịch làm việc');
    await page.goto(`${platform.url}/console/calendar?year=2026`);
    await page.getByRole('heading', { level: 2, name: 'Năm 2026' }).waitFor();
    await page.getByRole('cell', { name: 'Tết Dương lịch' }).waitFor();
    await page.getByText('Năm này chưa có điều chỉnh nào.').waitFor();

    // 27 December 2026 is a Sunday: giving it off changes nothing, and the form says why.
    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-27');
    await page.getByLabel('Lý do (tiếng Việt)').fill('Nghỉ theo Quyết định số 99/QĐ-UBND');
    await page.getByLabel('Lý do (tiếng Anh)').fill('Day off by Decision 99/QĐ-UBND');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page
      .locator('.field-invalid')
      .getByText('Điều chỉnh không có tác dụng: ngày này vốn đã là loại ngày đó.')
      .waitFor();
    expect(await page.getByLabel('Lý do (tiếng Việt)').inputValue()).toBe(
      'Nghỉ theo Quyết định số 99/QĐ-UBND',
    );
    await expectAccessible('console-calendar-refused.png');

    // Thursday 31 December 2026 given off by decision.
    await page.getByLabel('Ngày', { exact: true }).fill('2026-12-31');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText('Đã thêm điều chỉnh.').waitFor();
    const decided = page.getByRole('row', { name: /Nghỉ theo Quyết định số 99\/QĐ-UBND/ });
    await decided.getByRole('cell', { name: 'Theo quyết định', exact: true }).waitFor();
    await expectAccessible('console-calendar.png');

    await page.getByRole('button', { name: /^Xóa điều chỉnh ngày/ }).click();
    await page.getByText('Năm này chưa có điều chỉnh nào.').waitFor();
    expect(await decided.count()).toBe(0);
  });

  it('shows the administration pages in English after the language switch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Working calendar' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('button', { name: 'Verify the chain' }).waitFor();
    await expectAccessible('console-audit-en.png');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  it('trusts a root certificate, lists it beside the demo root, and removes it in two steps', async () => {
    const pki = await createTestPki('Ban Cơ yếu (thử nghiệm)');
    await openFromNav('Chứng thư gốc tin cậy', 'Chứng thư gốc tin cậy');
    const list = page.getByRole('table', { name: 'Các chứng thư gốc đang được tin cậy' });
    await list.getByRole('rowheader', { name: 'CA thử nghiệm tỉnh Quảng Ninh' }).waitFor();

    // Submitting nothing says what is missing, on the field.
    await page.getByRole('button', { name: 'Thêm vào danh sách tin cậy' }).click();
    await page.locator('.field-invalid').getByText('Vui lòng nhập trường này.').waitFor();

    await page.getByLabel('Chứng thư gốc (PEM)').fill(toPem(pki.root.certificate));
    await page.getByRole('button', { name: 'Thêm vào danh sách tin cậy' }).click();
    await page.getByText('Đã tin cậy chứng thư gốc CA gốc Ban Cơ yếu (thử nghiệm).').waitFor();
    await list.getByRole('rowheader', { name: 'CA gốc Ban Cơ yếu (thử nghiệm)' }).waitFor();
    await expectAccessible('console-trust.png');

    await page
      .getByRole('button', { name: 'Gỡ chứng thư gốc CA gốc Ban Cơ yếu (thử nghiệm)' })
      .click();
    await page.getByRole('button', { name: 'Xác nhận gỡ' }).click();
    await list.getByRole('rowheader', { name: 'CA gốc Ban Cơ yếu (thử nghiệm)' }).waitFor({
      state: 'detached',
    });
    await list.getByRole('rowheader', { name: 'CA thử nghiệm tỉnh Quảng Ninh' }).waitFor();
  });
});
