// Builds the web app before `npm start` when it is missing or older than its sources, so a
// fresh clone needs nothing but `npm ci && npm start`. The fingerprint of the sources is kept
// beside the build; an unchanged tree starts without rebuilding.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'dist', 'web');
const stampFile = path.join(outDir, '.source-hash');
const inputs = ['web', 'vite.config.ts', 'package-lock.json'];

function* files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isFile()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(full).sort()) yield* files(path.join(entry, name));
}

const hash = createHash('sha256');
for (const input of inputs) {
  for (const file of files(input)) {
    hash
      .update(file)
      .update('\0')
      .update(fs.readFileSync(path.join(root, file)));
  }
}
const fingerprint = hash.digest('hex');
const built = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : '';

if (built !== fingerprint) {
  process.stdout.write('Building the web app (first start or sources changed)…\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  fs.writeFileSync(stampFile, fingerprint);
}
