/**
 * Runs the seed steps of every part: reference data on every `seed` (idempotent), and the
 * Quảng Ninh demo data once, on the first start of an empty database.
 */
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { Manifest } from '../manifest';

export async function runReferenceSeeds(
  ctx: AppContext,
  manifests: readonly Manifest[],
): Promise<void> {
  for (const manifest of manifests) {
    if (manifest.seed?.reference) {
      ctx.log.info({ part: manifest.name }, 'loading reference data');
      await manifest.seed.reference(ctx);
    }
  }
}

/** Loads the demo data unless it was loaded before; returns whether it ran. */
export async function runDemoSeedOnce(
  ctx: AppContext,
  manifests: readonly Manifest[],
): Promise<boolean> {
  const done = await sql<{
    name: string;
  }>`SELECT name FROM seed_marker WHERE name = 'demo'`.execute(ctx.db);
  if (done.rows.length > 0) return false;
  for (const manifest of manifests) {
    if (manifest.seed?.demo) {
      ctx.log.info({ part: manifest.name }, 'loading demo data');
      await manifest.seed.demo(ctx);
    }
  }
  await sql`INSERT INTO seed_marker (name) VALUES ('demo') ON CONFLICT DO NOTHING`.execute(ctx.db);
  return true;
}
