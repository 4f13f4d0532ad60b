/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another (the
 * machine is small and shared), and prints each benchmark's JSON result line. Each
 * benchmark measures its own baseline in the same run and reports a ratio against it.
 * With BENCH_DATABASE_URL set, every benchmark runs a second time on that PostgreSQL.
 * Exits 1 when a benchmark misses its target.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const only = process.argv[2];
const benches = fs
  .readdirSync('bench')
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => !only || file.includes(only))
  .sort();
const databases: Array<Record<string, string>> = [{ BENCH_DATABASE_URL: '' }];
if (process.env.BENCH_DATABASE_URL)
  databases.push({ BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL });

let missed = 0;
for (const bench of benches) {
  for (const database of databases) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', `bench/${bench}`], {
      env: { ...process.env, ...database },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const line = result.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop();
    if (result.status !== 0 || !line) {
      process.stdout.write(`${JSON.stringify({ bench, error: `exited with ${result.status}` })}\n`);
      missed += 1;
      continue;
    }
    process.stdout.write(`${line}\n`);
    if (JSON.parse(line).pass === false) missed += 1;
  }
}
process.exit(missed > 0 ? 1 : 0);
