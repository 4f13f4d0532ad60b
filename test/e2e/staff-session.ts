/**
 * Staff in a browser of their own: signed in with the password and a fresh authenticator
 * code of the demo's fixed secret. Each 30-second code confirms one act only, so a second act
 * in the same step takes the next step's code (the platform accepts one step of drift), or
 * waits for it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DemoAccount } from '../../src/kernel/auth/demo-accounts';
import { totpCode } from './totp';

const lastStep = new Map<string, number>();

export async function freshCode(person: DemoAccount): Promise<string> {
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

/** Signs `person` in, in a new browser context kept in `contexts`, landing at `path`. */
export async function signInStaff(
  browser: Browser,
  contexts: BrowserContext[],
  baseUrl: string,
  person: DemoAccount,
  path: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('Email hoặc số điện thoại').fill(person.email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/sign-in\/mfa/);
  await page.getByLabel('Mã xác thực').fill(await freshCode(person));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
  return page;
}
