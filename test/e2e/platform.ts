/**
 * Starts the real platform for browser tests: `tsx src/main.ts start` as a child process on
 * a free port with its own data folder (PGlite), or its own fresh database when
 * TEST_DATABASE_URL points at PostgreSQL; waits until /api/ready answers 200.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 300_000;

export interface RunningPlatform {
  url: string;
  /** The last lines the platform printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** The browser tests need the built web app; CI builds it first, a developer may not have. */
export function ensureWebBuild(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) return;
  const build = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function withAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startPlatform(): Promise<RunningPlatform> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-e2e-'));

  const adminUrl = process.env.TEST_DATABASE_URL?.trim() || '';
  let databaseUrl = '';
  let databaseName = '';
  if (adminUrl) {
    databaseName = `tinhso_e2e_${randomBytes(6).toString('hex')}`;
    await withAdmin(adminUrl, `CREATE DATABASE ${databaseName}`);
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${databaseName}`;
    databaseUrl = parsed.toString();
  }

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['FIELD_ENCRYPTION_KEY', 'DATABASE_URL', 'MQTT_URL', 'ROLES', 'SMTP_URL']) {
    delete env[name];
  }
  Object.assign(env, {
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
    // In-process broker only: parallel runs must not fight over a TCP port.
    MQTT_EMBEDDED_PORT: '0',
    // The browser stands in for many people on one address, reloading while it waits for the
    // exchange; and the embedded database runs in the server's own thread, so a busy CI
    // machine stretches the event loop. Neither limit is what these tests are about
    // (test/http-protections.test.ts checks both), and either would turn a slow moment into
    // a 429 or a 503 on a page the test then waits on.
    RATE_LIMIT_PER_MINUTE: '100000',
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });

  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n'));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const output = (): string => lines.join('\n');

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseName) {
      await withAdmin(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    }
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the platform exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/ready`);
      if (response.status === 200) return { url, output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the platform was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** The system's Chromium, headless, without the background traffic that would slow tests. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}
