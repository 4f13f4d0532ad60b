/**
 * Citizen reports on the portal in a real browser against the real platform: a citizen on a
 * phone in Hạ Long files a report with a photo and lands on its tracking page; then, offline,
 * a report is queued on the device and sent once the network is back — exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { ensureWebBuild, startPlatform, type RunningPlatform, launchChromium } from './platform';

const HA_LONG = { latitude: 20.9481, longitude: 107.1168 };

let platform: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuild();
  platform = await startPlatform();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Ho_Chi_Minh',
    permissions: ['geolocation'],
    geolocation: HA_LONG,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await platform?.stop();
});

async function fillWizard(description: string): Promise<void> {
  await page.goto(`${platform.url}/`);
  await page.getByRole('link', { name: 'Gửi phản ánh' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Bước 1/3: Ở đâu' }).waitFor();
  await page.getByRole('button', { name: 'Dùng vị trí hiện tại' }).click();
  await page.getByText(/Vị trí thuộc .*Hạ Long/).waitFor();
  await page.getByLabel('Địa chỉ hoặc mô tả nơi xảy ra').fill('Gần chợ Hạ Long 1');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByRole('heading', { level: 1, name: 'Bước 2/3: Vấn đề gì' }).waitFor();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Vui lòng chọn một lĩnh vực.').first().waitFor();
  await page.getByRole('radio', { name: /Hư hỏng đường, vỉa hè/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  // The required question is refused in Vietnamese before anything is sent.
  await page.getByText('Vui lòng nhập trường này.').first().waitFor();
  await page.getByRole('radio', { name: 'Ổ gà, bong tróc mặt đường' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByRole('heading', { level: 1, name: 'Bước 3/3: Chi tiết và gửi' }).waitFor();
  await page.getByLabel(/Nội dung phản ánh/).fill(description);
  await page.getByLabel('Email', { exact: true }).fill('nguoidan@example.vn');
}

describe('filing a citizen report on the portal', () => {
  it('files a report with a photo and shows its tracking page', async () => {
    await fillWizard('Ổ gà lớn giữa đường, xe máy dễ ngã khi trời mưa.');
    const photo = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 120, g: 90, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByLabel(/^Ảnh \(tối đa 5 ảnh\)/)
      .setInputFiles({ name: 'o-ga.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Bỏ ảnh o-ga.jpg' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();

    await page.getByRole('heading', { level: 1, name: /^Phản ánh PA-/ }).waitFor();
    await page.getByText(/Đã gửi phản ánh\. Mã theo dõi của bạn: PA-/).waitFor();
    await page.locator('.feedback-track-status').getByText('Mới tiếp nhận').waitFor();
    expect(await page.locator('.feedback-previews img').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('queues a report while offline and sends it exactly once when back online', async () => {
    const unique = `ngoai-tuyen-${Date.now().toString(36)}`;
    await fillWizard(`Ổ gà sâu trước cổng trường, mã ${unique}.`);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByText('Đã lưu, sẽ gửi khi có mạng.').waitFor();
    await page.getByText('1 phản ánh đang chờ gửi khi có mạng.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await context.setOffline(false);
    await page.getByText('1 phản ánh đang chờ gửi khi có mạng.').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Phản ánh của tôi' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Phản ánh của tôi' }).waitFor();
    expect(await page.locator('.feedback-mine-list a').count()).toBe(2);

    const response = await fetch(
      `${platform.url}/api/feedback/reports?q=${encodeURIComponent(unique)}`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { total: number; items: { description: string }[] };
    expect(body.total).toBe(1);
    expect(body.items[0]?.description).toContain(unique);
  });
});
