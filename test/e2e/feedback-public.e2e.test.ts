/**
 * The public views of citizen reports in a real browser against the real platform (with its
 * demo year of reports): the list filtered by category and by words typed without
 * diacritics, the filters kept in a shareable address; the map drawing the open reports and
 * saying how many; the agency scorecard, sortable; no serious accessibility problem on any of
 * them, and nothing of the reporter's name, e-mail or phone in the pages. A report chosen on
 * the map opens beside it. On the tracking page, a photo that moderation hid still shows for
 * its reporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/kernel/auth/demo-accounts';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';
import { signInStaff } from './staff-api';

const HA_LONG = { lat: 20.9481, lon: 107.1168 };
const RUN = Date.now().toString(36);
// Written with diacritics; the citizen searches for it without them.
const PHRASE = 'Bồn hoa hình con rùa';
const TYPED = 'bon hoa hinh con rua';
const REPORTER = {
  name: `Lưu Thị Kín Đáo ${RUN}`,
  email: `kindao.${RUN}@example.vn`,
  phone: '0912 468 135',
};
const PHONE_DIGITS = '0912468135';

interface Filed {
  trackingCode: string;
  secret: string;
  agency: { name: string };
}

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let streetlight: Filed;
let other: Filed;

const officer = DEMO_ACCOUNTS.find(
  (account) => account.email === 'canbo.halong@quangninh.example',
)!;

async function photo(): Promise<Blob> {
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 140, b: 60 } },
  })
    .jpeg()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
}

async function file(report: Record<string, unknown>): Promise<Filed> {
  const form = new FormData();
  form.append('report', JSON.stringify({ ...report, ...HA_LONG, reporter: REPORTER }));
  form.append('photo', await photo(), 'anh.jpg');
  const response = await fetch(`${platform.url}/api/feedback/reports`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'tinhso' },
    body: form,
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Filed;
}

async function json<T>(path: string): Promise<T> {
  const response = await fetch(`${platform.url}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

function vietnameseNumber(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}

async function expectNoPersonalData(): Promise<void> {
  const html = await page.content();
  for (const personal of [REPORTER.name, REPORTER.email, REPORTER.phone, PHONE_DIGITS]) {
    expect(html).not.toContain(personal);
  }
}

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  page = await context.newPage();

  streetlight = await file({
    categoryCode: 'streetlight',
    address: 'Trước nhà văn hoá khu 3',
    description: `${PHRASE} trước nhà văn hoá không có đèn chiếu sáng, buổi tối rất tối.`,
    attributes: { lights_out: 'whole_street' },
  });
  other = await file({
    categoryCode: 'other',
    address: 'Công viên khu 3',
    description: `${PHRASE} trong công viên bị vỡ một mảng lớn.`,
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

describe('the public list of reports', () => {
  it('filters by category, then by words typed without diacritics, in a shareable address', async () => {
    await page.goto(`${platform.url}/`);
    await page.getByRole('link', { name: 'Danh sách phản ánh' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Danh sách phản ánh' }).waitFor();
    await page.getByText(/^Tìm thấy [\d.]+ phản ánh\.$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const { total } = await json<{ total: number }>(
      '/api/feedback/reports?categoryCode=streetlight&pageSize=1',
    );
    expect(total).toBeGreaterThan(1);
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Đèn chiếu sáng công cộng' });
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText(`Tìm thấy ${vietnameseNumber(total)} phản ánh.`).waitFor();
    expect(new URL(page.url()).searchParams.get('categoryCode')).toBe('streetlight');
    const titles = await page.locator('.feedback-public-item-title a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles)).toEqual(new Set(['Đèn chiếu sáng công cộng']));

    await page.getByLabel('Tìm theo nội dung, địa chỉ hoặc mã').fill(TYPED);
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.getByText('Tìm thấy 1 phản ánh.').waitFor();
    const found = page.locator('.feedback-public-item');
    expect(await found.count()).toBe(1);
    await found.getByText(streetlight.trackingCode).waitFor();
    await found.getByText(PHRASE).waitFor();

    // The same words in another category find the other report.
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Phản ánh khác' });
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.locator('.feedback-public-item').getByText(other.trackingCode).waitFor();
    expect(await page.locator('.feedback-public-item').count()).toBe(1);
    await expectNoPersonalData();

    // The address alone brings the same list back, as a bookmark or a shared link would.
    const shared = page.url();
    expect(new URL(shared).searchParams.get('q')).toBe(TYPED);
    await page.goto(`${platform.url}/`);
    await page.goto(shared);
    await page.locator('.feedback-public-item').getByText(other.trackingCode).waitFor();
    expect(await page.getByLabel('Tìm theo nội dung, địa chỉ hoặc mã').inputValue()).toBe(TYPED);
    expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('other');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Phản ánh khác', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${other.trackingCode}` }).waitFor();
  });

  it('says so when nothing matches', async () => {
    await page.goto(`${platform.url}/phan-anh?q=${encodeURIComponent(`khong co ${RUN}x`)}`);
    await page.getByText('Không có phản ánh nào khớp với bộ lọc.').waitFor();
    await page.getByRole('link', { name: 'Xem tất cả phản ánh' }).click();
    await page.getByText(/^Tìm thấy [\d.]+ phản ánh\.$/).waitFor();
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('the public map of reports', () => {
  it('draws the open reports and says how many', async () => {
    const feed = await json<{ features: unknown[] }>('/api/feedback/map?status=open');
    expect(feed.features.length).toBeGreaterThan(2);
    await page.goto(`${platform.url}/phan-anh`);
    await page.getByRole('link', { name: 'Bản đồ phản ánh' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bản đồ phản ánh' }).waitFor();
    const map = page.getByTestId('public-reports-map');
    await page
      .locator('[data-testid="public-reports-map"][data-loaded="true"]')
      .waitFor({ timeout: 90_000 });
    expect(await map.getAttribute('data-report-count')).toBe(String(feed.features.length));
    await page
      .getByText(`${vietnameseNumber(feed.features.length)} phản ánh trên bản đồ.`)
      .waitFor();
    await page.getByRole('list', { name: 'Chú giải màu trên bản đồ phản ánh' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoPersonalData();
  });

  it('redraws with one category when asked', async () => {
    const feed = await json<{ features: { id: string }[] }>(
      '/api/feedback/map?status=open&categoryCode=streetlight',
    );
    expect(feed.features.map((feature) => feature.id)).toContain(streetlight.trackingCode);
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Đèn chiếu sáng công cộng' });
    await page
      .locator(
        `[data-testid="public-reports-map"][data-loaded="true"][data-report-count="${feed.features.length}"]`,
      )
      .waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('categoryCode')).toBe('streetlight');
  });
});

// The colours of open reports on the map (map-filters.ts): a single report is drawn opaque,
// a group of them translucent over the base map, so a little off.
const OPEN_COLOURS = ['#1d5fa8', '#a35200', '#b0102a'].map((hex) =>
  [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)),
);

/** A point deep inside a marker drawn within `tolerance` of an open report's colour. */
function markerAt(
  image: { data: Buffer; info: { width: number; height: number; channels: number } },
  tolerance: number,
): { x: number; y: number } | null {
  const { data, info } = image;
  const near = (x: number, y: number): boolean => {
    const at = (y * info.width + x) * info.channels;
    return OPEN_COLOURS.some(([r, g, b]) =>
      [r!, g!, b!].every((value, channel) => Math.abs(data[at + channel]! - value) <= tolerance),
    );
  };
  for (let y = 3; y < info.height - 3; y++) {
    for (let x = 3; x < info.width - 3; x++) {
      if ([-3, 0, 3].every((dy) => [-3, 0, 3].every((dx) => near(x + dx, y + dy)))) {
        return { x, y };
      }
    }
  }
  return null;
}

/**
 * Clicks a single report on the map, as a person would: a group is clicked to zoom into it
 * until a single report can be told apart. Clicks only once the drawing has settled.
 */
async function chooseReportOnMap(): Promise<void> {
  const map = page.getByTestId('public-reports-map');
  const panel = page.getByRole('heading', { level: 2, name: 'Phản ánh đã chọn' });
  const box = (await map.boundingBox())!;
  let previous: Buffer | null = null;
  for (let look = 0; look < 60; look++) {
    if (await panel.isVisible()) return;
    const shot = await map.screenshot();
    const settled = previous !== null && shot.equals(previous);
    previous = shot;
    if (!settled) continue;
    const image = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
    const target = markerAt(image, 0) ?? markerAt(image, 40);
    if (!target) throw new Error('no report is drawn on the map');
    await map.click({
      position: {
        x: (target.x * box.width) / image.info.width,
        y: (target.y * box.height) / image.info.height,
      },
    });
    previous = null;
  }
  throw new Error('no single report could be chosen on the map');
}

/** The public map of the "other" category, once it has drawn its reports. */
async function openMapOfOtherReports(): Promise<void> {
  await page.goto(`${platform.url}/phan-anh/ban-do?categoryCode=other`);
  await page
    .locator('[data-testid="public-reports-map"][data-loaded="true"]')
    .waitFor({ timeout: 90_000 });
}

describe('a report chosen on the map', () => {
  it('is shown beside the map with a link to its page', async () => {
    await openMapOfOtherReports();
    await chooseReportOnMap();
    await page.getByRole('heading', { level: 2, name: 'Phản ánh đã chọn' }).waitFor();
    const link = page.getByRole('link', { name: /^Xem phản ánh PA-/ });
    await link.waitFor();
    const code = (await link.textContent())!.replace('Xem phản ánh ', '');
    // The map showed only this category, so the chosen report is one of it.
    expect(await page.locator('.feedback-public-map-panel-title').textContent()).toBe(
      'Phản ánh khác',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await link.click();
    await page.getByRole('heading', { level: 1, name: `Phản ánh ${code}` }).waitFor();
  });
});

describe('the map from the keyboard', () => {
  it('leads through the list beside the map, group by group, to a report', async () => {
    await openMapOfOtherReports();
    const list = page.getByRole('region', { name: 'Trong khung nhìn bản đồ' });
    const reports = list.getByRole('button', { name: /^Phản ánh PA-/ });
    for (let step = 0; step < 20 && (await reports.count()) === 0; step++) {
      const group = list.getByRole('button', { name: /^Nhóm [\d.]+ phản ánh · / }).first();
      await group.focus();
      await page.keyboard.press('Enter');
      // Once the map has zoomed in, the focus is on the list's heading, above the new entries.
      await page.waitForFunction(
        () => document.activeElement?.id === 'feedback-public-in-view',
        undefined,
        { timeout: 30_000 },
      );
    }
    const report = reports.first();
    const code = /PA-[0-9A-Z-]+/.exec((await report.textContent())!)![0];
    await report.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: `Xem phản ánh ${code}` }).waitFor();
    expect(await page.locator('.feedback-public-map-panel-title').textContent()).toBe(
      'Phản ánh khác',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the agency scorecard', () => {
  it('lists the agencies and sorts them by a column', async () => {
    await page.goto(`${platform.url}/phan-anh`);
    await page.getByRole('link', { name: 'Bảng xếp hạng cơ quan' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bảng xếp hạng cơ quan' }).waitFor();
    const table = page.getByRole('table', { name: /^Phản ánh gửi từ/ });
    await table.waitFor();
    const scorecard = await json<{ agencies: { agency: { name: string } }[] }>(
      '/api/feedback/scorecard',
    );
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(scorecard.agencies.length);
    expect(scorecard.agencies.length).toBeGreaterThan(1);
    await table.getByRole('rowheader', { name: streetlight.agency.name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await table.getByRole('button', { name: /^Tiếp nhận/ }).click();
    await table.locator('th[aria-sort="descending"]').getByText('Tiếp nhận').waitFor();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-received');
    const received = (await rows.locator('td:nth-of-type(1)').allTextContents()).map((text) =>
      Number(text.replaceAll('.', '')),
    );
    expect(received.length).toBe(scorecard.agencies.length);
    expect(received).toEqual([...received].sort((a, b) => b - a));

    const caption = table.locator('caption');
    const ninetyDays = await caption.textContent();
    await page.getByLabel('Khoảng thời gian').selectOption({ label: '30 ngày qua' });
    expect(new URL(page.url()).searchParams.get('days')).toBe('30');
    await page.waitForFunction(
      (before) => document.querySelector('.feedback-public-table caption')?.textContent !== before,
      ninetyDays,
    );
    await expectNoPersonalData();
  });
});

describe('photos on the tracking page', () => {
  it('shows a photo moderation hid to its reporter, fetched with the secret', async () => {
    const staff = await signInStaff(platform.url, officer);
    const view = await fetch(`${platform.url}/api/feedback/reports/${streetlight.trackingCode}`, {
      headers: { 'X-Report-Secret': streetlight.secret },
    });
    const mediaId = ((await view.json()) as { media: { id: string }[] }).media[0]!.id;
    const hide = await fetch(
      `${platform.url}/api/feedback/inbox/${streetlight.trackingCode}/actions`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: platform.url,
          cookie: staff.cookie,
          'X-Requested-With': 'tinhso',
        },
        body: JSON.stringify({ action: 'hideMedia', mediaId, hidden: true }),
      },
    );
    expect(hide.status, await hide.clone().text()).toBe(200);
    // Without the secret the photo is refused.
    expect((await fetch(`${platform.url}/api/feedback/media/${mediaId}`)).status).toBe(404);

    // This device filed the report: it keeps the secret as the wizard does.
    await page.goto(`${platform.url}/`);
    await page.evaluate(
      (mine) => {
        localStorage.setItem('tinhso.feedback.mine', JSON.stringify(mine));
      },
      [
        {
          trackingCode: streetlight.trackingCode,
          secret: streetlight.secret,
          categoryName: 'Đèn chiếu sáng công cộng',
          submittedAt: new Date().toISOString(),
        },
      ],
    );
    await page.goto(`${platform.url}/phan-anh/${streetlight.trackingCode}`);
    const hidden = page.getByRole('img', { name: 'Ảnh 1' });
    await page.getByText('Ảnh này đã bị ẩn khỏi trang công khai; chỉ bạn xem được.').waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.feedback-previews img');
      return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth === 64;
    });
    expect(await hidden.getAttribute('src')).toMatch(/^blob:/);
    expect(await seriousViolations(page)).toEqual([]);

    // A public photo stays a plain address.
    await page.goto(`${platform.url}/phan-anh/${other.trackingCode}`);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.feedback-previews img');
      return !!img && img.complete && img.naturalWidth === 64;
    });
    expect(await page.getByRole('img', { name: 'Ảnh 1' }).getAttribute('src')).toMatch(
      /^\/api\/feedback\/media\//,
    );
  });
});
