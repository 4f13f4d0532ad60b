/**
 * dossiers — online public services and the one-stop desk: the procedure catalog (thủ tục
 * hành chính) with the fields of the national database, each procedure's application form
 * as data (kernel/forms) and its processing steps.
 *
 * Tables owned: procedure.
 * Events published: none yet. Events consumed: none.
 */
import type { Manifest } from '../../kernel/manifest';
import * as createProcedures from './migrations/20261123100000_dossiers_create_procedures';
import { dossiersRoutes } from './dossiers.routes';
import { seedDossierRoles } from './dossiers.permissions';
import { seedDossiersDemo } from './dossiers.seed';

export const dossiersManifest: Manifest = {
  name: 'dossiers',
  migrations: {
    '20261123100000_dossiers_create_procedures': createProcedures,
  },
  routes: dossiersRoutes,
  seed: {
    reference: seedDossierRoles,
    // Quảng Ninh's demo catalog: it names the demo agencies that receive and process.
    demo: seedDossiersDemo,
  },
};

export type { DossiersTables } from './dossiers.tables';
export type { ProcedureRecord } from './catalog/procedure-record';
