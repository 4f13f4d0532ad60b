/**
 * Online dossiers on the portal in a real browser against the real platform, on a phone:
 * the demo citizen finds birth registration by typing "khai sinh", opens it, presses "Nộp hồ
 * sơ trực tuyến", signs in and is brought back to the wizard; fills in the applicant (a
 * missing identity number is caught first), the form, two PDF documents, reviews and
 * submits; sees the dossier's code, opens its page and reads the first line of its history.
 * Then anyone, not signed in, tracks the dossier from the receipt's address (`?ma=`): wrong
 * digits are "not found", the right ones show the status and history and nothing personal.
 * Every page is checked with axe and photographed into .cache/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { freshCode, signInStaff } from './staff-session';
import { ensureWebBuild, launchChromium, startPlatform, type RunningPlatform } from './platform';

const SHOTS = path.resolve('.cache/e2e');
const shot = (name: string): string => path.join(SHOTS, name);
const citizen = DEMO_ACCOUNTS.find((account) => account.role === 'citizen')!;
const staff = (email: string) => DEMO_ACCOUNTS.find((account) => account.email === email)!;
const desk = staff('motcua.halong@quangninh.example');
const specialist = staff('canbo.halong@quangninh.example');
const chairman = staff('chutich.halong@quangninh.example');
const BIRTH = '1.001193';
const BIRTH_NAME = 'Thủ tục đăng ký khai sinh';
const HA_LONG = '06688';
const ID_NUMBER = '022190001234';
const CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$/;

let platform: RunningPlatform;
let browser: Browser;
let page: Page;
/** The citizen's own phone, kept signed in from the submission to the result. */
let citizenPage: Page;
let dossierCode = '';
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

afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && page) {
    const name = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await page.screenshot({ path: shot(`failed-dossiers-${name}.png`), fullPage: true });
  }
});

async function expectAccessible(name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  // A phone never scrolls sideways.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot(name), fullPage: true });
}

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
  });
  contexts.push(context);
  return context.newPage();
}

/** A one-page PDF with a line of text: what a scanned paper looks like to the platform. */
async function smallPdf(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font });
  return Buffer.from(await document.save());
}

/** A day some weeks ago in Vietnam, `YYYY-MM-DD`: the child's birth date. */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

const field = (id: string) => page.locator(`[id="dossier-form-${id}"]`);

describe('a citizen on a phone submits a dossier online', () => {
  beforeAll(async () => {
    page = await phone();
    citizenPage = page;
  });

  it('finds birth registration in the catalog and opens it', async () => {
    await page.goto(`${platform.url}/thu-tuc`);
    await page.getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
    await page.getByRole('button', { name: 'Tìm kiếm' }).click();
    await page.waitForURL(/\/thu-tuc\?q=khai\+sinh$/);
    await page.getByRole('link', { name: BIRTH_NAME, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: BIRTH_NAME }).waitFor();
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    await expectAccessible('dossiers-procedure-mobile.png');
  });

  it('is asked to sign in and brought back to the wizard', async () => {
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fthu-tuc%2F1\.001193%2Fnop$/);
    await page.getByLabel('Email hoặc số điện thoại').fill(citizen.email);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(citizen.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(new RegExp(`/thu-tuc/${BIRTH.replace('.', '\\.')}/nop$`));
    await page.getByRole('heading', { level: 1, name: 'Bước 1/4: Người nộp hồ sơ' }).waitFor();
  });

  it('fills in the applicant; a missing identity number is caught before moving on', async () => {
    // Prefilled from the account.
    expect(await page.getByLabel('Họ, chữ đệm và tên').inputValue()).toBe(citizen.fullName);
    await page.getByLabel('Xã, phường, đặc khu tiếp nhận hồ sơ').selectOption(HA_LONG);
    expect(await page.getByRole('radio', { name: 'Hồ sơ gồm' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    const summary = page.locator('.error-summary');
    await summary.getByRole('heading', { name: 'Còn 1 chỗ cần sửa' }).waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain(
      'Số định danh cá nhân: Vui lòng nhập số định danh.',
    );
    const idNumber = page.getByLabel('Số định danh cá nhân');
    expect(await idNumber.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('dossiers-wizard-applicant-mobile.png');

    await idNumber.fill(ID_NUMBER);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bước 2/4: Tờ khai' }).waitFor();
  });

  it('fills in the form', async () => {
    await field('child_full_name').fill('Trần Minh Khôi');
    await field('child_birth_date').fill(daysAgo(20));
    await field('child_sex').check();
    await field('child_ethnicity').fill('Kinh');
    await field('child_nationality').fill('Việt Nam');
    await field('child_birth_commune').selectOption(HA_LONG);
    await field('child_birth_place').fill('Bệnh viện Bãi Cháy');
    await field('child_home_town').fill('Hạ Long, Quảng Ninh');
    await field('mother_full_name').fill('Hoàng Thị Dân');
    await field('mother_birth_date').fill('1992-04-18');
    await field('mother_ethnicity').fill('Kinh');
    await field('mother_nationality').fill('Việt Nam');
    await field('mother_citizen_id').fill(ID_NUMBER);
    await field('mother_residence').fill('Tổ 3, khu 5, phường Hạ Long');
    await field('father_known-1').check();
    await field('registrant_relationship').check();
    await field('registrant_phone').fill('0912 345 678');
    await field('declaration').check();
    await expectAccessible('dossiers-wizard-form-mobile.png');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bước 3/4: Giấy tờ đính kèm' }).waitFor();
  });

  it('attaches two PDF documents', async () => {
    const form = await smallPdf('To khai dang ky khai sinh');
    const certificate = await smallPdf('Giay chung sinh');
    await page
      .locator('[id="dossier-document-TK01"]')
      .setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: form });
    await page.getByText(/Đã chọn: to-khai\.pdf/).waitFor();
    await page.locator('[id="dossier-document-GCS01"]').setInputFiles({
      name: 'giay-chung-sinh.pdf',
      mimeType: 'application/pdf',
      buffer: certificate,
    });
    await page.getByText(/Đã chọn: giay-chung-sinh\.pdf/).waitFor();
    // A type the desk cannot open is refused before anything is sent.
    await page
      .locator('[id="dossier-document-UQ01"]')
      .setInputFiles({ name: 'uy-quyen.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.getByText('Chỉ nhận tệp PDF, JPG hoặc PNG.').waitFor();
    await expectAccessible('dossiers-wizard-documents-mobile.png');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bước 4/4: Kiểm tra và nộp' }).waitFor();
  });

  it('reviews everything and submits, then sees the dossier’s code', async () => {
    const review = (await page.locator('.dossier-review').textContent()) ?? '';
    expect(review).toContain(citizen.fullName);
    expect(review).toContain(ID_NUMBER);
    expect(review).toContain('Trần Minh Khôi');
    expect(review).toContain('to-khai.pdf');
    expect(review).toContain('giay-chung-sinh.pdf');
    await expectAccessible('dossiers-wizard-review-mobile.png');

    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    dossierCode = ((await page.locator('.dossier-code strong').textContent()) ?? '').trim();
    expect(dossierCode).toMatch(CODE);
    // Nothing personal went into the address.
    expect(page.url()).not.toContain(ID_NUMBER);
    await expectAccessible('dossiers-submitted-mobile.png');
  });

  it('opens the dossier and reads the first line of its history', async () => {
    await page.getByRole('link', { name: `Xem hồ sơ ${dossierCode}` }).click();
    await page.waitForURL(`${platform.url}/ho-so/${dossierCode}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossierCode}` }).waitFor();
    await page.getByText('Mới nộp, chờ tiếp nhận').first().waitFor();
    const history = page.getByRole('region', { name: 'Quá trình xử lý' });
    const first = history.getByRole('listitem').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('Nộp hồ sơ trực tuyến');
    expect(await first.textContent()).toContain('UBND phường Hạ Long');
    const content =
      (await page.getByRole('region', { name: 'Nội dung đã nộp' }).textContent()) ?? '';
    expect(content).toContain('Họ, chữ đệm và tên của trẻ');
    expect(content).toContain('Trần Minh Khôi');
    expect(content).toContain('to-khai.pdf');
    await expectAccessible('dossiers-detail-mobile.png');

    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ của tôi', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    await page.getByText(dossierCode, { exact: false }).first().waitFor();
    await expectAccessible('dossiers-mine-mobile.png');
  });
});

describe('anyone tracks the dossier from the receipt', () => {
  beforeAll(async () => {
    page = await phone();
  });

  it('says "not found" for wrong digits, without telling which part was wrong', async () => {
    await page.goto(`${platform.url}/tra-cuu-ho-so?ma=${encodeURIComponent(dossierCode)}`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    expect(await page.getByLabel('Mã hồ sơ', { exact: true }).inputValue()).toBe(dossierCode);
    await page.getByLabel('4 chữ số cuối của số định danh người nộp').fill('0000');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await page.getByText(/^Không tìm thấy hồ sơ: mã hồ sơ hoặc 4 chữ số chưa đúng/).waitFor();
    // The digits never go into the address: it holds the code alone.
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['ma']);
    await expectAccessible('dossiers-track-not-found-mobile.png');
  });

  it('shows the status and history for the right digits, and nothing personal', async () => {
    await page.getByLabel('4 chữ số cuối của số định danh người nộp').fill(ID_NUMBER.slice(-4));
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    const result = page.getByRole('region', { name: `Hồ sơ ${dossierCode}` });
    await result.waitFor();
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Mới nộp, chờ tiếp nhận');
    expect(text).toContain(BIRTH_NAME);
    expect(text).toContain('Nộp hồ sơ trực tuyến');
    const whole = (await page.locator('main').textContent()) ?? '';
    for (const personal of [citizen.fullName, ID_NUMBER, 'Trần Minh Khôi', '0912']) {
      expect(whole).not.toContain(personal);
    }
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(['ma']);
    await expectAccessible('dossiers-track-found-mobile.png');
  });
});

/**
 * The acceptance: the dossier the citizen submitted goes through the ward's one-stop
 * desk to a signed result. The desk officer asks for one more document (the clock stops),
 * the citizen supplies it from her phone, the justice officer forwards it, the chairman
 * approves it and signs the result with his authenticator code; the citizen downloads the
 * signed result, the dossier on time, and reads every step in its history.
 */
describe('the dossier through the one-stop desk to a signed result', () => {
  const actions = (on: Page) => on.getByRole('region', { name: 'Xử lý hồ sơ', exact: true });
  const done = (on: Page, text: string) =>
    on.getByRole('status').filter({ hasText: text }).waitFor();
  const open = async (person: (typeof DEMO_ACCOUNTS)[number]) => {
    const staffPage = await signInStaff(
      browser,
      contexts,
      platform.url,
      person,
      `/console/ho-so/${dossierCode}`,
    );
    await staffPage.getByRole('heading', { level: 1, name: `Hồ sơ ${dossierCode}` }).waitFor();
    return staffPage;
  };

  it('is received by the desk, who asks for the power of attorney', async () => {
    page = await open(desk);
    await actions(page).getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await actions(page).getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    await done(page, 'Đã tiếp nhận hồ sơ.');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${dossierCode}` }).waitFor();
    // Received, the dossier is with the justice officer: the desk asks nothing more here.
    expect(await actions(page).getByRole('button', { name: 'Yêu cầu bổ sung' }).count()).toBe(0);
    page = await open(specialist);
    await actions(page).getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await actions(page)
      .getByRole('checkbox', { name: /^Văn bản ủy quyền/ })
      .check();
    await actions(page)
      .getByLabel('Nội dung yêu cầu bổ sung')
      .fill('Đề nghị bổ sung văn bản ủy quyền của người đi đăng ký.');
    await actions(page).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await done(page, 'Đã gửi yêu cầu bổ sung cho người nộp.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('waits for the citizen, who supplies the document from her phone', async () => {
    page = citizenPage;
    await page.goto(`${platform.url}/ho-so/${dossierCode}`);
    const supply = page.getByRole('region', { name: 'Cần bổ sung hồ sơ' });
    await supply.waitFor();
    expect(await supply.textContent()).toContain('Đề nghị bổ sung văn bản ủy quyền');
    await page.locator('[id="dossier-supply-UQ01"]').setInputFiles({
      name: 'van-ban-uy-quyen.pdf',
      mimeType: 'application/pdf',
      buffer: await smallPdf('Van ban uy quyen'),
    });
    await page.getByText(/Đã chọn: van-ban-uy-quyen\.pdf/).waitFor();
    await expectAccessible('dossiers-supply-mobile.png');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await page.getByText('Đã gửi giấy tờ bổ sung. Hồ sơ tiếp tục được xử lý.').waitFor();
  });

  it('is forwarded by the justice officer, approved and signed by the chairman', async () => {
    page = await open(specialist);
    await actions(page).getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
    await actions(page)
      .getByLabel(/Ý kiến xử lý/)
      .fill('Đủ điều kiện đăng ký khai sinh.');
    await actions(page).getByRole('button', { name: 'Chuyển tiếp' }).click();
    await done(page, 'Đã chuyển hồ sơ sang bước tiếp theo.');

    page = await open(chairman);
    await actions(page).getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await actions(page).getByRole('button', { name: 'Phê duyệt hồ sơ' }).click();
    await done(page, 'Đã phê duyệt hồ sơ.');
    await actions(page).getByRole('button', { name: 'Ký số kết quả' }).click();
    await actions(page)
      .getByLabel('Mã xác thực')
      .fill(await freshCode(chairman));
    await actions(page).getByRole('button', { name: 'Ký số', exact: true }).click();
    await done(page, 'Đã ký số kết quả.');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is downloaded by the citizen, signed and on time, every step in its history', async () => {
    page = citizenPage;
    await page.goto(`${platform.url}/ho-so/${dossierCode}`);
    const result = page.getByRole('region', { name: 'Kết quả giải quyết' });
    await result.waitFor();
    const download = page.waitForEvent('download');
    await result.getByRole('link', { name: 'Tải kết quả (PDF)' }).click();
    const file = await (await download).path();
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The platform's own verifier says the signature is valid and trusted.
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'kq.pdf');
    const verified = await fetch(`${platform.url}/api/signing/verify`, {
      method: 'POST',
      headers: { origin: platform.url },
      body: form,
    });
    expect(verified.status).toBe(200);
    expect(((await verified.json()) as { outcome: string }).outcome).toBe('valid');

    // On time: finished before the appointment.
    const mine = (await (
      await page.request.get(`${platform.url}/api/dossiers/mine/${dossierCode}`)
    ).json()) as { status: string; dueAt: string; timeline: { action: string; at: string }[] };
    expect(mine.status).toBe('returned');
    const finished = mine.timeline.find((line) => line.action === 'signed')!.at;
    expect(new Date(finished).getTime()).toBeLessThanOrEqual(new Date(mine.dueAt).getTime());

    const history = page.getByRole('region', { name: 'Quá trình xử lý' });
    const steps = await history.getByRole('listitem').allInnerTexts();
    const expected = [
      'Nộp hồ sơ trực tuyến',
      'Tiếp nhận hồ sơ',
      'Yêu cầu bổ sung, hoàn thiện hồ sơ',
      'Công dân bổ sung hồ sơ',
      'Chuyển bước xử lý tiếp theo',
      'Phê duyệt hồ sơ',
      'Ký số kết quả',
      'Trả kết quả',
    ];
    let at = -1;
    for (const label of expected) {
      const index = steps.findIndex((text, i) => i > at && text.includes(label));
      expect(index, `history line "${label}" in order`).toBeGreaterThan(at);
      at = index;
    }
    await expectAccessible('dossiers-result-mobile.png');
  });
});
