/**
 * The one-stop desk's console, end to end: a citizen submits a birth registration online to
 * phường Hạ Long (through the API, as the portal does); the ward's desk officer signs in,
 * finds it in her work list (and by the applicant's name typed without diacritics, the
 * filter kept in the address), exports the list, opens the dossier — the form's values under
 * the form's labels — and receives it from the keyboard: the appointment appears, with the
 * receipt slip to print. She assesses the copy fee and takes it at the counter; she asks for
 * a document on a second dossier and refuses a third. The ward's specialist forwards the
 * first; the chairman sends it back once (the form asks for a reason), then approves it and
 * signs the result with his authenticator code; the desk returns it. Every view is checked
 * with axe.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/kernel/auth/demo-accounts';
import { samplePdf } from '../../src/kernel/storage/storage.test-support';
import { seriousViolations } from './axe';
import { ensureWebBuild, launchChromium, startPlatform, type RunningPlatform } from './platform';
import { freshCode, signInStaff } from './staff-session';

const BIRTH = '1.001193';
/** Phường Hạ Long, the commune the ward's one-stop desk serves. */
const HA_LONG_COMMUNE = '06688';
const APPLICANT = 'Hoàng Thị Dân';
const APPLICANT_ID = '022190001234';

const account = (email: string): DemoAccount =>
  DEMO_ACCOUNTS.find((candidate) => candidate.email === email)!;
const citizen = account('congdan@quangninh.example');
const desk = account('motcua.halong@quangninh.example');
const specialist = account('canbo.halong@quangninh.example');
const chairman = account('chutich.halong@quangninh.example');

let platform: RunningPlatform;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** The desk officer's page; the others sign in later in browsers of their own. */
let page: Page;
let code = '';

/** Signs a staff member in, in a browser of their own, at `path` of the console. */
const signIn = (person: DemoAccount, path: string): Promise<Page> =>
  signInStaff(browser, contexts, platform.url, person, path);

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** A calendar day in Vietnam, `days` before today. */
function vietnamDay(daysBefore: number): string {
  const at = new Date(Date.now() + 7 * 3600_000 - daysBefore * 86_400_000);
  return at.toISOString().slice(0, 10);
}

/** The citizen submits a birth registration with two documents, as the portal does. */
async function submitBirthRegistration(baseUrl: string): Promise<string> {
  const json = { 'content-type': 'application/json', origin: baseUrl };
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ identifier: citizen.email, password: citizen.password }),
  });
  await expectOk(login, 'citizen login');
  const cookie = login.headers
    .getSetCookie()
    .find((value) => value.includes('session'))!
    .split(';')[0]!;

  const upload = async (name: string): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(samplePdf())], { type: 'application/pdf' }), name);
    const response = await fetch(`${baseUrl}/api/files`, {
      method: 'POST',
      headers: { origin: baseUrl, cookie },
      body: form,
    });
    await expectOk(response, 'upload');
    return ((await response.json()) as { id: string }).id;
  };

  const response = await fetch(`${baseUrl}/api/dossiers`, {
    method: 'POST',
    headers: { ...json, cookie, 'Idempotency-Key': randomUUID() },
    body: JSON.stringify({
      procedureCode: BIRTH,
      communeCode: HA_LONG_COMMUNE,
      applicant: {
        type: 'CONG_DAN',
        fullName: APPLICANT,
        idNumber: APPLICANT_ID,
        phone: '0912345678',
        email: citizen.email,
      },
      values: {
        child_full_name: 'Trần Minh Khôi',
        child_birth_date: vietnamDay(10),
        child_sex: 'nam',
        child_ethnicity: 'Kinh',
        child_nationality: 'Việt Nam',
        child_birth_commune: HA_LONG_COMMUNE,
        child_birth_place: 'Bệnh viện Bãi Cháy',
        child_home_town: 'Hạ Long, Quảng Ninh',
        mother_full_name: APPLICANT,
        mother_birth_date: '1990-05-14',
        mother_ethnicity: 'Kinh',
        mother_nationality: 'Việt Nam',
        mother_citizen_id: APPLICANT_ID,
        mother_residence: 'Tổ 3, khu 5, phường Hạ Long',
        father_known: 'khong',
        registrant_relationship: 'me',
        registrant_phone: '0912345678',
        declaration: true,
      },
      documents: [
        { slot: 'TK01', fileId: await upload('tờ khai.pdf') },
        { slot: 'GCS01', fileId: await upload('giấy chứng sinh.pdf') },
      ],
    }),
  });
  await expectOk(response, 'dossier submission');
  return ((await response.json()) as { code: string }).code;
}

async function expectAccessible(on: Page = page): Promise<void> {
  expect(await seriousViolations(on)).toEqual([]);
}

/** The value beside a term of a definition list. */
const fact = (term: string | RegExp, on: Page = page) =>
  on.locator('dt', { hasText: term }).first().locator('xpath=following-sibling::dd[1]');

const isFocused = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate((element) => element === document.activeElement);

const actions = (on: Page) => on.getByRole('region', { name: 'Xử lý hồ sơ', exact: true });
const done = (on: Page, text: string) => on.getByRole('status').filter({ hasText: text }).waitFor();

/** Fetches a paper's PDF through the link the page shows, as the signed-in person. */
async function expectPdf(on: Page, link: string): Promise<void> {
  const href = await on.getByRole('link', { name: link }).getAttribute('href');
  const response = await on.request.get(`${platform.url}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  code = await submitBirthRegistration(platform.url);
});

afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  process.stderr.write(`${platform.output()}\n`);
  const name = test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
  for (const [index, context] of contexts.entries()) {
    for (const open of context.pages()) {
      await open
        .screenshot({
          path: path.join(os.tmpdir(), `dossiers-console-${index}-${name}.png`),
          fullPage: true,
        })
        .catch(() => undefined);
    }
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await platform?.stop();
});

describe('the one-stop desk receives an online dossier', () => {
  it('shows the new dossier in the desk officer’s work', async () => {
    page = await signIn(desk, '/console/ho-so');
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ thủ tục hành chính' }).waitFor();

    const boxes = page.getByRole('navigation', { name: 'Hộp hồ sơ' });
    expect(
      await boxes.getByRole('link', { name: 'Việc của tôi' }).getAttribute('aria-current'),
    ).toBe('page');
    // The newest first: the demo's own dossiers fill more than a page.
    await page.getByLabel('Sắp xếp').selectOption({ label: 'Mới nộp trước' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/sort=-submitted/);
    await page.getByRole('table').getByRole('link', { name: code }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
    const cells = await row.innerText();
    expect(cells).toContain('Thủ tục đăng ký khai sinh');
    expect(cells).toContain('Mới nộp, chờ tiếp nhận');
    expect(cells).toContain('Chưa tiếp nhận');
    // Staff lists show the applicant's family name and initials only.
    expect(cells).toContain('Hoàng T. D.');
    expect(cells).not.toContain(APPLICANT);
    await expectAccessible();

    // The navigation leads here for anyone who reads dossiers.
    expect(
      await page
        .getByRole('navigation', { name: 'Điều hướng chính' })
        .getByRole('link', { name: 'Hồ sơ TTHC' })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('finds it by the applicant’s name without diacritics, the filters kept in the address', async () => {
    await page
      .getByRole('navigation', { name: 'Hộp hồ sơ' })
      .getByRole('link', { name: 'Chờ tiếp nhận' })
      .click();
    await page.waitForURL(/box=reception/);
    await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill('hoang thi dan');
    await page.getByLabel('Kênh nộp').selectOption({ label: 'Trực tuyến' });
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/q=hoang\+thi\+dan/);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({
      box: 'reception',
      q: 'hoang thi dan',
      channel: 'TRUC_TUYEN',
      // The box tab kept the order chosen before.
      sort: '-submitted',
    });
    await page.getByRole('table').getByRole('link', { name: code }).waitFor();
    // Every row is a Hoàng T. D.: the name matched without its diacritics.
    for (const name of await page.locator('tbody tr td:nth-child(3)').allInnerTexts()) {
      expect(name).toBe('Hoàng T. D.');
    }

    // The same filters, whole, as a download.
    const csvHref = await page.getByRole('link', { name: 'Xuất CSV' }).getAttribute('href');
    expect(csvHref).toContain('q=hoang+thi+dan');
    const csv = await page.request.get(`${platform.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(code);

    // A name nobody has empties the list, and says so.
    await page.getByLabel('Mã hồ sơ hoặc tên người nộp').fill('khong ai co ten nay');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.getByText('Không có hồ sơ nào khớp bộ lọc.').waitFor();
    await expectAccessible();

    // Back restores the earlier filters from the address.
    await page.goBack();
    await page.getByRole('table').getByRole('link', { name: code }).waitFor();
    expect(await page.getByLabel('Mã hồ sơ hoặc tên người nộp').inputValue()).toBe('hoang thi dan');
  });

  it('opens the dossier with the form’s values under the form’s labels', async () => {
    await page.getByRole('table').getByRole('link', { name: code }).click();
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    expect(await fact('Trạng thái').innerText()).toContain('Mới nộp, chờ tiếp nhận');
    expect(await fact('Ngày hẹn trả kết quả').innerText()).toBe('Chưa tiếp nhận');

    const applicant = page.getByRole('region', { name: 'Người nộp hồ sơ', exact: true });
    expect(await applicant.innerText()).toContain(APPLICANT);
    expect(await applicant.innerText()).toContain(APPLICANT_ID);

    const form = page.getByRole('region', { name: 'Tờ khai', exact: true });
    await form.getByRole('heading', { name: 'Thông tin của trẻ' }).waitFor();
    const value = (label: string) =>
      form.locator('dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]');
    expect(await value('Họ, chữ đệm và tên của trẻ').innerText()).toBe('Trần Minh Khôi');
    // A choice by its option's label, not its stored value.
    expect(await value('Đã xác định được cha của trẻ chưa?').innerText()).toBe('Chưa xác định');
    expect(await value('Nơi sinh (xã, phường, đặc khu)').innerText()).toContain(HA_LONG_COMMUNE);

    const documents = page.getByRole('region', { name: 'Giấy tờ trong hồ sơ', exact: true });
    const file = documents.getByRole('link', { name: /giấy chứng sinh\.pdf/ });
    const download = await page.request.get(`${platform.url}${await file.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

    expect(
      await page.getByRole('region', { name: 'Phiếu, giấy tờ in (PDF)', exact: true }).innerText(),
    ).toContain('Chưa có phiếu nào');
    await expectAccessible();
  });

  it('receives it from the keyboard and shows the appointment and the receipt slip', async () => {
    const actions = page.getByRole('region', { name: 'Xử lý hồ sơ', exact: true });
    const receive = actions.getByRole('button', { name: 'Tiếp nhận', exact: true });
    await receive.focus();
    await page.keyboard.press('Enter');
    const method = actions.getByLabel('Hình thức trả kết quả');
    await method.waitFor();
    expect(await isFocused(method)).toBe(true);
    expect(await receive.getAttribute('aria-expanded')).toBe('true');
    await method.selectOption({ label: 'Tại bộ phận một cửa' });
    await actions.getByLabel(/Ghi chú/).fill('Hồ sơ đủ thành phần, bản chính khớp bản điện tử.');
    await expectAccessible();
    await actions.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

    const notice = page.getByRole('status').filter({ hasText: 'Đã tiếp nhận hồ sơ.' });
    await notice.waitFor();
    expect(await fact('Trạng thái').innerText()).toContain('Đã tiếp nhận');
    const appointment = await fact('Ngày hẹn trả kết quả').innerText();
    expect(appointment).toMatch(/\d{2}:\d{2}/);
    expect(appointment).toContain('Trong hạn');
    // The news says the same appointment, and the keyboard is on it.
    const due = appointment.replace('Trong hạn', '').trim();
    expect(await notice.innerText()).toContain(`Ngày hẹn trả kết quả: ${due}.`);
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('dossiers-notice')),
    ).toBe(true);
    expect(await fact('Hình thức nhận kết quả').innerText()).toBe('Tại bộ phận một cửa');

    // The desk's part is done: the next step is the specialist's.
    await actions.getByText('Lúc này bạn không có thao tác nào với hồ sơ này.').waitFor();
    const steps = await page
      .getByRole('region', { name: 'Quy trình xử lý', exact: true })
      .innerText();
    expect(steps).toContain('Đã xong');
    expect(steps).toContain('Đang xử lý');
    expect(steps).toContain('Phạm Thị Nhận');
    const history = await page
      .getByRole('region', { name: 'Lịch sử xử lý', exact: true })
      .innerText();
    expect(history).toContain('Tiếp nhận hồ sơ');
    expect(history).toContain('Hồ sơ đủ thành phần, bản chính khớp bản điện tử.');

    await expectPdf(page, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    await expectAccessible();
  });

  it('assesses the copy fee and takes it at the counter', async () => {
    const fees = page.getByRole('region', { name: 'Phí, lệ phí', exact: true });
    expect(await fees.innerText()).toContain('Hồ sơ chưa được xác định phí, lệ phí.');
    await fees.getByRole('checkbox', { name: /Phí cấp bản sao trích lục/ }).check();
    await fees.getByLabel(/Số lượng — Phí cấp bản sao trích lục/).fill('2');
    expect(await fees.innerText()).toContain('Tổng theo lựa chọn: 16.000 đồng');
    await fees.getByRole('button', { name: 'Lưu phí, lệ phí' }).click();
    await fees.getByRole('status').filter({ hasText: 'Đã lưu phí, lệ phí của hồ sơ.' }).waitFor();
    const outstanding = fees
      .locator('dt', { hasText: 'Còn phải nộp' })
      .locator('xpath=following-sibling::dd[1]');
    expect(await outstanding.innerText()).toBe('16.000 đồng');
    await expectAccessible();

    await fees.getByRole('radio', { name: 'Tiền mặt' }).check();
    await fees.getByRole('button', { name: 'Thu phí tại quầy' }).click();
    const paid = fees.getByRole('status').filter({ hasText: /Đã thu 16\.000 đồng, biên lai số/ });
    await paid.waitFor();
    await fees.getByRole('button', { name: 'Thu phí tại quầy' }).waitFor({ state: 'detached' });
    expect(await outstanding.innerText()).toBe('0 đồng');
    const receipt = /biên lai số (\S+)\./.exec(await paid.innerText())![1]!;
    expect(
      await fees.getByRole('table', { name: 'Các lần thanh toán của hồ sơ' }).innerText(),
    ).toContain(receipt);
    await expectAccessible();
  });
});

describe('the desk’s other answers to a new dossier', () => {
  it('asks the applicant for a document again', async () => {
    const other = await submitBirthRegistration(platform.url);
    await page.goto(`${platform.url}/console/ho-so/${other}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${other}` }).waitFor();
    await actions(page).getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await actions(page)
      .getByRole('checkbox', { name: /^Giấy chứng sinh/ })
      .check();
    await actions(page)
      .getByLabel('Nội dung yêu cầu bổ sung')
      .fill('Giấy chứng sinh bị mờ, đề nghị tải lại bản rõ nét.');
    await expectAccessible();
    await actions(page).getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await done(page, 'Đã gửi yêu cầu bổ sung cho người nộp.');
    expect(await fact('Trạng thái').innerText()).toContain('Yêu cầu bổ sung hồ sơ');
    const requests = await page
      .getByRole('region', { name: 'Yêu cầu bổ sung hồ sơ', exact: true })
      .innerText();
    expect(requests).toContain('Chưa bổ sung');
    expect(requests).toContain('Giấy chứng sinh bị mờ, đề nghị tải lại bản rõ nét.');
    expect(requests).toMatch(/Giấy tờ cần bổ sung:\s*Giấy chứng sinh/);
    await expectPdf(page, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    await expectAccessible();
  });

  it('refuses a dossier, saying why', async () => {
    const other = await submitBirthRegistration(platform.url);
    await page.goto(`${platform.url}/console/ho-so/${other}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${other}` }).waitFor();
    await actions(page).getByRole('button', { name: 'Từ chối', exact: true }).click();
    await actions(page).getByRole('button', { name: 'Từ chối hồ sơ' }).click();
    await actions(page).getByText('Hãy nêu lý do.').waitFor();
    await actions(page)
      .getByLabel('Lý do từ chối')
      .fill('Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân phường Bãi Cháy.');
    await actions(page).getByRole('button', { name: 'Từ chối hồ sơ' }).click();
    await done(page, 'Đã từ chối hồ sơ.');
    expect(await fact('Trạng thái').innerText()).toContain('Từ chối tiếp nhận');
    expect(await fact('Lý do từ chối').innerText()).toBe(
      'Trẻ đã được đăng ký khai sinh tại Ủy ban nhân dân phường Bãi Cháy.',
    );
    await expectPdf(page, 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ');
    await expectAccessible();
  });
});

describe('the dossier through its steps, from the console', () => {
  let officer: Page;
  let leader: Page;

  it('goes to the specialist, who forwards it with an opinion', async () => {
    // The demo's dossiers fill the specialist's work: she looks this one up by its code.
    officer = await signIn(specialist, `/console/ho-so?q=${code}`);
    await officer.getByRole('table').getByRole('link', { name: code }).click();
    await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await actions(officer).getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
    await actions(officer)
      .getByLabel(/Ý kiến xử lý/)
      .fill('Đủ điều kiện đăng ký khai sinh.');
    await actions(officer).getByRole('button', { name: 'Chuyển tiếp' }).click();
    await done(officer, 'Đã chuyển hồ sơ sang bước tiếp theo.');
    await actions(officer).getByText('Lúc này bạn không có thao tác nào').waitFor();
    // A specialist neither assesses nor takes fees.
    expect(await officer.getByRole('button', { name: 'Lưu phí, lệ phí' }).count()).toBe(0);
    await expectAccessible(officer);
  });

  it('is sent back once by the chairman, with the reason the form asks for', async () => {
    leader = await signIn(chairman, `/console/ho-so/${code}`);
    await leader.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await actions(leader).getByRole('button', { name: 'Trả lại bước trước' }).click();
    await actions(leader).getByRole('button', { name: 'Trả lại hồ sơ' }).click();
    const reason = actions(leader).getByLabel('Lý do trả lại');
    await actions(leader).getByText('Hãy nêu lý do.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(reason)).toBe(true);
    await reason.fill('Ghi rõ nơi sinh chi tiết theo giấy chứng sinh.');
    await actions(leader).getByRole('button', { name: 'Trả lại hồ sơ' }).click();
    await done(leader, 'Đã trả hồ sơ về bước trước.');
    const history = await leader
      .getByRole('region', { name: 'Lịch sử xử lý', exact: true })
      .innerText();
    expect(history).toContain('Trả lại bước trước');
    expect(history).toContain('Ghi rõ nơi sinh chi tiết theo giấy chứng sinh.');

    await officer.reload();
    await actions(officer).getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
    await actions(officer).getByRole('button', { name: 'Chuyển tiếp' }).click();
    await done(officer, 'Đã chuyển hồ sơ sang bước tiếp theo.');
  });

  it('is approved and signed by the chairman with his authenticator code', async () => {
    await leader.reload();
    await actions(leader).getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await actions(leader).getByRole('button', { name: 'Phê duyệt hồ sơ' }).click();
    await done(leader, 'Đã phê duyệt hồ sơ.');

    await actions(leader).getByRole('button', { name: 'Ký số kết quả' }).click();
    const field = actions(leader).getByLabel('Mã xác thực');
    await field.fill('12345');
    await actions(leader).getByRole('button', { name: 'Ký số', exact: true }).click();
    await actions(leader).getByText('Mã xác thực gồm đúng 6 chữ số.').waitFor();
    expect(await isFocused(field)).toBe(true);
    await expectAccessible(leader);
    await field.fill(await freshCode(chairman));
    await actions(leader).getByRole('button', { name: 'Ký số', exact: true }).click();
    await done(leader, 'Đã ký số kết quả.');
    expect(await fact('Trạng thái', leader).innerText()).toContain('Đã có kết quả');
    expect(await fact(/^Kết quả$/, leader).innerText()).toContain('đã ký số lúc');
    await expectPdf(leader, 'Kết quả giải quyết (đã ký số)');
    await expectAccessible(leader);
  });

  it('is returned to the applicant at the desk', async () => {
    await page.goto(`${platform.url}/console/ho-so/${code}`);
    await page.getByRole('heading', { level: 1, name: `Hồ sơ ${code}` }).waitFor();
    await actions(page).getByRole('button', { name: 'Trả kết quả' }).click();
    await actions(page).getByLabel('Hình thức trả').selectOption({ label: 'Tại bộ phận một cửa' });
    await actions(page).getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
    await done(page, 'Đã ghi nhận trả kết quả.');
    expect(await fact('Trạng thái').innerText()).toContain('Đã trả kết quả');
    await fact('Ngày trả kết quả').waitFor();
    // A closed dossier takes no more fees.
    expect(await page.getByRole('button', { name: 'Lưu phí, lệ phí' }).count()).toBe(0);
    await expectAccessible();

    await page.goto(`${platform.url}/console/ho-so?box=finished&q=${code}`);
    await page.getByRole('table').getByRole('link', { name: code }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
    expect(await row.innerText()).toContain('Đã trả kết quả');
  });
});
