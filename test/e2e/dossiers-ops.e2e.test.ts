/**
 * The dossiers in the operations center, end to end: the IOC operator (who holds
 * `dossiers.report` over the whole province) signs in and opens the operations center. The
 * dossiers' panel opens on this month; on last month, a whole month of the demo year of
 * dossiers, it shows the province's service-quality index (Decision 766/QĐ-TTg) out of 100,
 * its six groups of indicators, the indicators the platform cannot measure said in words,
 * and each indicator's formula when its name takes the keyboard focus or the pointer — and
 * Escape hides it. She reads the agencies ranked, the progress tables and the 12-month trend
 * with its table, chooses this year and then a past quarter, and sees the formula in English
 * after the language switch. Every view is checked with axe.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, launchChromium, startPlatform, type RunningPlatform } from './platform';
import { totpCode } from './totp';

const SHOTS = path.resolve('.cache/e2e');
const shot = (name: string): string => path.join(SHOTS, name);

const operator = DEMO_ACCOUNTS.find((account) => account.role === 'operator')!;

/** The Decision's groups as the index names them (online provision shown as two). */
const GROUPS = [
  'Công khai, minh bạch',
  'Tiến độ, kết quả giải quyết',
  'Dịch vụ trực tuyến',
  'Thanh toán trực tuyến',
  'Số hóa hồ sơ',
  'Mức độ hài lòng',
];

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
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

/** The year and month it is in Vietnam now, as the panel's default period reads them. */
function vietnamNow(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

/** The tip an indicator's name describes itself with (aria-describedby). */
async function tipOf(trigger: Locator): Promise<Locator> {
  const id = await trigger.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  return page.locator(`[id="${id}"]`);
}

/**
 * Whether the tip is drawn for sighted readers (when closed it is a 1 px clipped box). The
 * tests poll it: React draws the tip after the focus or pointer event.
 */
async function tipShown(tip: Locator): Promise<boolean> {
  const box = await tip.boundingBox();
  return !!box && box.width > 50 && box.height > 10;
}

describe('the dossiers panel of the operations center', () => {
  const panel = () => page.getByRole('region', { name: 'Hồ sơ thủ tục hành chính' });

  it('shows the operator the province’s index for this month with its groups', async () => {
    await page.goto(`${platform.url}/ops`);
    await page.waitForURL(/\/sign-in\?next=%2Fops$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(operator.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(operator.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/sign-in\/mfa/);
    await page.getByLabel('Mã xác thực').fill(totpCode(operator.totpSecret!));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/ops$/);
    await page.getByRole('heading', { level: 1, name: 'Trung tâm điều hành' }).waitFor();

    await panel().waitFor();
    const { year, month } = vietnamNow();
    await panel().getByText(`Kỳ báo cáo: Tháng ${month} năm ${year}`).waitFor();
    expect(await panel().getByRole('radio', { name: 'Tháng này' }).isChecked()).toBe(true);
    await panel().locator('[data-counter="dossiers-score"]').waitFor();

    // Last month is a whole month of the demo year of dossiers (this one may have only begun).
    const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
    await panel().getByRole('radio', { name: 'Tháng trước' }).check();
    await page.waitForURL(
      new RegExp(`/ops\\?period=${last.year}-${String(last.month).padStart(2, '0')}$`),
    );
    await panel().getByText(`Kỳ báo cáo: Tháng ${last.month} năm ${last.year}`).waitFor();

    // The province's score out of 100, in Vietnamese digits.
    const score = panel().locator('[data-counter="dossiers-score"] .counter-value');
    expect(await score.textContent()).toMatch(/^\d{1,3}(,\d{1,2})? \/ 100$/);
    const summary = await panel().getByTestId('dossiers-score-summary').textContent();
    expect(summary).toMatch(
      new RegExp(
        `^Toàn tỉnh, Tháng ${last.month} năm ${last.year}: đạt [\\d,]+ trên [\\d,]+ điểm đo được`,
      ),
    );

    for (const name of GROUPS) {
      expect(
        await panel()
          .getByRole('table', { name: new RegExp(`^${name}`) })
          .count(),
        name,
      ).toBe(1);
    }
    // The complaint indicators are outside the dossiers' data: said so, not scored zero.
    const complaints = panel().locator('[data-indicator="complaints_on_time"]');
    expect(await complaints.getAttribute('data-status')).toBe('not_measured');
    expect(await complaints.getByRole('cell').allTextContents()).toEqual([
      'Chưa đo được',
      'Không tính (tối đa 6)',
    ]);
    // The on-time indicator is measured, as a percentage with its points.
    const onTime = panel().locator('[data-indicator="on_time"]');
    expect(await onTime.getAttribute('data-status')).toBe('measured');
    const [value, points] = await onTime.getByRole('cell').allTextContents();
    expect(value).toMatch(/^\d{1,3}(,\d)?%$/);
    expect(points).toMatch(/^[\d,]+ \/ 20$/);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tells an indicator’s formula on keyboard focus and on hover, and hides it with Escape', async () => {
    const trigger = panel().getByRole('button', { name: 'Tỷ lệ hồ sơ giải quyết đúng hạn' });
    const tip = await tipOf(trigger);
    expect(await tip.getAttribute('role')).toBe('tooltip');
    await expect.poll(() => tipShown(tip)).toBe(false);

    // Reached from the keyboard: Tab from the indicator before it in the same table.
    await panel()
      .getByRole('button', { name: 'Tỷ lệ hồ sơ được công khai tiến độ giải quyết' })
      .focus();
    await page.keyboard.press('Tab');
    expect(await trigger.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => tipShown(tip)).toBe(true);
    const formula = await tip.textContent();
    expect(formula).toContain(
      'Công thức: Số hồ sơ giải quyết trong kỳ đúng hoặc trước hạn / (Số hồ sơ giải quyết trong kỳ + Số hồ sơ chưa giải quyết đã quá hạn tại cuối kỳ) × 100%',
    );
    expect(formula).toMatch(/Kỳ này: [\d.]+ \/ [\d.]+\./);
    expect(await seriousViolations(page)).toEqual([]);
    await panel().screenshot({ path: shot('ops-dossiers-formula.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => tipShown(tip)).toBe(false);
    await trigger.blur();

    // With the pointer, over another indicator (one the platform cannot measure).
    const complaints = panel().getByRole('button', {
      name: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
    });
    const complaintsTip = await tipOf(complaints);
    await complaints.hover();
    await expect.poll(() => tipShown(complaintsTip)).toBe(true);
    expect(await complaintsTip.textContent()).toContain('không nằm trong dữ liệu hồ sơ');
    await page.mouse.move(0, 0);
    await expect.poll(() => tipShown(complaintsTip)).toBe(false);
  });

  it('lists the agencies ranked, the progress by agency and the 12-month trend', async () => {
    const ranking = panel().getByRole('table', {
      name: 'Cơ quan tiếp nhận hồ sơ theo điểm chỉ số, cao nhất trước',
    });
    await ranking.waitFor();
    const rows = ranking.locator('tbody tr');
    // The demo's dozens of receiving agencies: ten show, the rest on request.
    const showAll = panel().locator('.dossiers-expandable:has([data-table="ranking"]) > button');
    expect(await rows.count()).toBe(10);
    expect(await showAll.getAttribute('aria-expanded')).toBe('false');
    await showAll.click();
    expect(await showAll.getAttribute('aria-expanded')).toBe('true');
    expect(await rows.count()).toBeGreaterThan(10);
    await showAll.click();
    expect(await rows.count()).toBe(10);

    await panel().getByRole('heading', { level: 3, name: 'Tiến độ giải quyết' }).waitFor();
    await panel()
      .getByRole('table', { name: 'Tỷ lệ giải quyết đúng hạn theo cơ quan, thấp nhất trước' })
      .waitFor();
    // Due today and late now: a table, or the sentence that there are none.
    await panel()
      .getByRole('table', { name: /^Hồ sơ đến hạn trả hôm nay/ })
      .or(panel().getByText('Không có hồ sơ nào đến hạn trả hôm nay.'))
      .waitFor();
    await panel()
      .getByRole('table', { name: /^Hồ sơ đang quá hạn theo cơ quan/ })
      .or(panel().getByText('Không có hồ sơ nào đang quá hạn.'))
      .waitFor();

    const trend = panel().getByRole('figure', { name: /^Diễn biến 12 tháng/ });
    await trend.locator('.chart-drawing svg').waitFor({ state: 'visible' });
    expect(await trend.locator('.chart-summary').textContent()).toMatch(
      /: điểm chỉ số [\d,—]+\/100, tỷ lệ đúng hạn [\d,—]+%?\.$/,
    );
    await trend.getByText('Xem bảng số liệu').click();
    expect(await trend.locator('table tbody tr').count()).toBe(12);
    expect(await seriousViolations(page)).toEqual([]);
    await panel().screenshot({ path: shot('ops-dossiers.png') });
  });

  it('shows this year, then a past quarter chosen from the lists, keeping it in the address', async () => {
    const { year } = vietnamNow();
    await panel().getByRole('radio', { name: 'Năm nay' }).check();
    await page.waitForURL(new RegExp(`/ops\\?period=${year}$`));
    await panel().getByText(`Kỳ báo cáo: Năm ${year}`).waitFor();
    expect(
      await panel().locator('[data-counter="dossiers-score"] .counter-value').textContent(),
    ).toMatch(/\/ 100$/);

    await panel().getByRole('radio', { name: 'Kỳ khác' }).check();
    await panel().getByLabel('Loại kỳ').selectOption('quarter');
    await panel()
      .getByLabel('Năm', { exact: true })
      .selectOption(String(year - 1));
    await panel().getByLabel('Quý', { exact: true }).selectOption('4');
    await page.waitForURL(new RegExp(`/ops\\?period=${year - 1}-Q4$`));
    await panel()
      .getByText(`Kỳ báo cáo: Quý 4/${year - 1}`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A link opens the same period.
    await page.reload();
    await panel()
      .getByText(`Kỳ báo cáo: Quý 4/${year - 1}`)
      .waitFor();
    expect(await panel().getByRole('radio', { name: 'Kỳ khác' }).isChecked()).toBe(true);
  });

  it('tells the formula in English after the language switch', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const dossiers = page.getByRole('region', { name: 'Administrative procedure dossiers' });
    await dossiers.waitFor();
    const trigger = dossiers.getByRole('button', { name: 'Dossiers resolved on time' });
    await trigger.focus();
    const tip = await tipOf(trigger);
    await expect.poll(() => tipShown(tip)).toBe(true);
    expect(await tip.textContent()).toContain(
      'Formula: Dossiers resolved in the period on or before their appointment',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
