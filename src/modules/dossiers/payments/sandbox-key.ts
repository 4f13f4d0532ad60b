/**
 * The sandbox's signing secret: 256 random bits created on first use in
 * `${dataDir}/secrets/payment-sandbox-key` (mode 0600), so every process on the same data
 * folder signs and verifies alike and a restart does not void a checkout under way. The
 * sandbox never runs in production (payment-provider.ts), so no operator has to supply it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const secrets = new Map<string, string>();

export function sandboxSecret(dataDir: string): string {
  let secret = secrets.get(dataDir);
  if (!secret) {
    secret = readOrCreate(path.join(dataDir, 'secrets', 'payment-sandbox-key'));
    secrets.set(dataDir, secret);
  }
  return secret;
}

function readOrCreate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx' fails when another process wrote the file first; its secret is then the one.
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
