/**
 * `tinhso start [--role=api,worker,scheduler]`: migrates, loads reference data (and the
 * Quảng Ninh demo data on the first start of an empty database), then runs the requested
 * roles in this process until SIGINT/SIGTERM, when it drains and stops cleanly.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app';
import { ALL_ROLES, loadConfig, type Role } from '../kernel/config/config';
import { runDemoSeedOnce, runReferenceSeeds } from '../kernel/seed/seeder';
import { manifests } from '../parts';
import { collectHandlers, startWorker } from '../kernel/events';
import { collectJobs, startScheduler } from '../kernel/jobs';
import { startMqtt } from '../kernel/mqtt/mqtt';
import { DEMO_ACCOUNTS } from '../kernel/auth';
import { openRuntime } from './runtime';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIR = path.join(ROOT, 'dist', 'web');

export function parseRoles(arg: string | undefined, fallback: readonly Role[]): Role[] {
  if (!arg) return [...fallback];
  const roles = arg.split(',').map((r) => r.trim()) as Role[];
  for (const role of roles) {
    if (!ALL_ROLES.includes(role))
      throw new Error(`unknown role "${role}" (use ${ALL_ROLES.join(', ')})`);
  }
  return roles;
}

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

export async function startCommand(roleArg: string | undefined): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const roles = parseRoles(roleArg, config.roles);
  const runtime = await openRuntime({ config });
  const { ctx, log } = runtime;
  const running: Stoppable[] = [];

  await runReferenceSeeds(ctx, manifests);
  const demoLoaded = config.seedDemo ? await runDemoSeedOnce(ctx, manifests) : false;

  const mqtt = await startMqtt(config, log);
  running.push({ name: 'mqtt', stop: () => mqtt.close() });

  if (roles.includes('worker')) {
    const worker = startWorker(ctx, collectHandlers(manifests));
    running.push({ name: 'worker', stop: () => worker.stop() });
  }
  if (roles.includes('scheduler')) {
    const scheduler = startScheduler(ctx, collectJobs(manifests));
    running.push({ name: 'scheduler', stop: () => scheduler.stop() });
  }
  if (roles.includes('api')) {
    const app = await buildApp({ ctx, manifests, probes: [mqtt.probe], webDir: WEB_DIR });
    await app.listen({ host: config.host, port: config.port });
    running.push({ name: 'api', stop: () => app.close() });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    printWelcome(`http://localhost:${port}`, demoLoaded, config.seedDemo, Date.now() - startedAt);
  }
  log.info({ roles }, 'tinhso started');

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    for (const part of running.reverse()) {
      try {
        await part.stop();
      } catch (error) {
        log.error({ err: error, part: part.name }, 'error while stopping');
      }
    }
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function printWelcome(
  url: string,
  demoLoaded: boolean,
  showDemoAccounts: boolean,
  elapsedMs: number,
): void {
  const lines = [
    '',
    `tinhso ready at ${url}  (${(elapsedMs / 1000).toFixed(1)} s)`,
    `  Cổng công dân / Citizen portal:   ${url}/`,
    `  Bảng điều khiển / Staff console:  ${url}/console`,
    `  Trung tâm điều hành / IOC:        ${url}/ops`,
    `  API docs:                         ${url}/api/docs`,
  ];
  if (demoLoaded || showDemoAccounts) {
    lines.push('', '  Tài khoản mẫu / Demo accounts (password · TOTP secret for staff):');
    for (const account of DEMO_ACCOUNTS) {
      const totp = account.totpSecret ? `  TOTP ${account.totpSecret}` : '';
      lines.push(
        `    ${account.role.padEnd(15)} ${account.email.padEnd(38)} ${account.password}${totp}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
