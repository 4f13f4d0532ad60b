/**
 * The demo catalog (seed/procedures.ts) taken in as an administrator would import it: the
 * same checks, the same transaction; on later starts the import finds nothing changed. Then
 * a year of dossiers of that catalog (dossiers.demo-dossiers.ts), once, into an empty
 * register.
 */
import type { AppContext } from '../../kernel/context';
import { loadProcedureCatalog } from '../../../seed/procedures';
import { importProcedures } from './catalog/import-procedures';
import { loadDemoDossiers } from './dossiers.demo-dossiers';

export async function seedDossiersDemo(ctx: AppContext): Promise<void> {
  await importProcedures(ctx, loadProcedureCatalog(), {
    type: 'system',
    id: null,
    ip: null,
    requestId: null,
  });
  const started = performance.now();
  const loaded = await loadDemoDossiers(ctx, { now: ctx.clock.now() });
  if (!loaded.skipped) {
    ctx.log.info(
      { ...loaded, ms: Math.round(performance.now() - started) },
      'demo dossiers loaded',
    );
  }
}
