/**
 * The demo catalog (seed/procedures.ts) taken in as an administrator would import it: the
 * same checks, the same transaction; on later starts the import finds nothing changed.
 */
import type { AppContext } from '../../kernel/context';
import { loadProcedureCatalog } from '../../../seed/procedures';
import { importProcedures } from './catalog/import-procedures';

export async function seedDossiersDemo(ctx: AppContext): Promise<void> {
  await importProcedures(ctx, loadProcedureCatalog(), {
    type: 'system',
    id: null,
    ip: null,
    requestId: null,
  });
}
