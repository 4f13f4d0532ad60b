/**
 * The public map loading 10,000 open reports in a real browser: from navigation to the
 * moment the map has drawn them, clustered (when MapLibre is idle with the reports in its
 * source, the page marks its map `data-loaded="true"` and sets the performance mark
 * `tinhso:reports-map-drawn`, whose time is the figure). The floor measured in the same run
 * is a bare page that loads MapLibre alone and draws the same feed, read by the same query,
 * from a bare Fastify. Each round opens both in fresh browser contexts (nothing cached),
 * interleaved; medians compared.
 * Target: under 2 s for the platform's page (the ratio to the floor is printed beside it).
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { median, printResult, startServers } from './harness';

const ROUNDS = Number(process.env.BENCH_MAP_ROUNDS ?? 5);
const TARGET_MS = 2000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The platform serves its built web app; build it when missing or older than its sources.
const build = spawnSync(process.execPath, ['scripts/prestart.mjs'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('building the web app failed');

async function loadTime(browser: Browser, url: string): Promise<{ ms: number; count: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const map = page.locator('[data-loaded="true"]');
    await map.waitFor({ timeout: 120_000 });
    // Milliseconds from the start of the navigation to the moment the page marked the
    // reports drawn, by the page's own clock (the wait above polls, and would add its delay).
    const ms = await page.evaluate(
      () => performance.getEntriesByName('tinhso:reports-map-drawn').at(-1)?.startTime ?? NaN,
    );
    if (!Number.isFinite(ms)) throw new Error(`${url} marked no tinhso:reports-map-drawn`);
    const count = Number(await map.getAttribute('data-report-count'));
    return { ms, count };
  } finally {
    await context.close();
  }
}

const servers = await startServers<{ platform: number; bare: number; reports: number }>(
  'feedback-map.servers.ts',
);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--disable-gpu'],
});
try {
  const platformUrl = `http://127.0.0.1:${servers.ports.platform}/phan-anh/ban-do`;
  const bareUrl = `http://127.0.0.1:${servers.ports.bare}/`;
  // One load of each first: the server's query plans and the browser's own start-up.
  await loadTime(browser, bareUrl);
  await loadTime(browser, platformUrl);
  const platform: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const floor = await loadTime(browser, bareUrl);
    const page = await loadTime(browser, platformUrl);
    for (const [name, drawn] of [
      ['bare page', floor.count],
      ['public map', page.count],
    ] as const) {
      if (drawn !== servers.ports.reports) {
        throw new Error(`the ${name} drew ${drawn} reports, not ${servers.ports.reports}`);
      }
    }
    bare.push(floor.ms);
    platform.push(page.ms);
  }
  const platformMs = median(platform);
  const bareMs = median(bare);
  printResult({
    bench: 'feedback-map',
    reports: servers.ports.reports,
    platformMs: Math.round(platformMs),
    bareMs: Math.round(bareMs),
    ratio: Number((bareMs / platformMs).toFixed(3)),
    targetMs: TARGET_MS,
    pass: platformMs < TARGET_MS,
  });
} finally {
  await browser.close();
  servers.stop();
}
