/** `tinhso migrate` and `tinhso seed`. */
import { runDemoSeedOnce, runReferenceSeeds } from '../kernel/seed/seeder';
import { manifests } from '../parts';
import { openRuntime } from './runtime';

export async function migrateCommand(): Promise<number> {
  const runtime = await openRuntime({ migrate: true });
  process.stdout.write('database is up to date\n');
  await runtime.close();
  return 0;
}

export async function seedCommand(demo: boolean): Promise<number> {
  const runtime = await openRuntime({ migrate: true });
  try {
    await runReferenceSeeds(runtime.ctx, manifests);
    process.stdout.write('reference data loaded\n');
    if (demo) {
      const loaded = await runDemoSeedOnce(runtime.ctx, manifests);
      process.stdout.write(loaded ? 'demo data loaded\n' : 'demo data was already loaded\n');
    }
  } finally {
    await runtime.close();
  }
  return 0;
}
