/**
 * One migrator for every part: it merges the frozen migrations of all manifests into a
 * single timeline ordered by their UTC-timestamp names, and applies them with Kysely's
 * Migrator (which takes a lock, so two processes starting together migrate once).
 */
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Manifest } from '../manifest';
import type { Db } from './database';

const NAME = /^\d{14}_[a-z0-9]+_[a-z0-9_]+$/;

export function collectMigrations(manifests: readonly Manifest[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const manifest of manifests) {
    for (const [name, migration] of Object.entries(manifest.migrations ?? {})) {
      if (!NAME.test(name)) {
        throw new Error(
          `migration "${name}" of ${manifest.name} must be named <yyyyMMddHHmmss>_<part>_<verb_object>`,
        );
      }
      if (all[name]) throw new Error(`migration "${name}" is declared twice`);
      all[name] = migration;
    }
  }
  return all;
}

export async function migrateToLatest(
  db: Db,
  manifests: readonly Manifest[],
): Promise<MigrationResultSet> {
  const migrations = collectMigrations(manifests);
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const error =
      result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
    error.message = `migration ${failed?.migrationName ?? '?'} failed: ${error.message}`;
    throw error;
  }
  return result;
}
