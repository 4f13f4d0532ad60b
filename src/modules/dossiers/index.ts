/**
 * dossiers — online public services and the one-stop desk: the procedure catalog (thủ tục
 * hành chính) with the fields of the national database, each procedure's application form
 * as data (kernel/forms) and its processing steps; online submission with the national
 * dossier code, the applicant's own dossiers, and public tracking by code; deadlines on the
 * working-day calendar (deadlines/).
 *
 * Tables owned: procedure, dossier, dossier_counter, dossier_document, dossier_history.
 * Events published: none yet. Events consumed: none.
 */
import type { Manifest } from '../../kernel/manifest';
import * as createProcedures from './migrations/20261123100000_dossiers_create_procedures';
import * as createDossiers from './migrations/20261123110000_dossiers_create_dossiers';
import * as processing from './migrations/20261124100000_dossiers_processing';
import * as payments from './migrations/20261124110000_dossiers_payments';
import * as reporting from './migrations/20261124120000_dossiers_reporting';
import { dossiersRoutes } from './dossiers.routes';
import { seedDossierRoles } from './dossiers.permissions';
import { seedDossiersDemo } from './dossiers.seed';

export const dossiersManifest: Manifest = {
  name: 'dossiers',
  migrations: {
    '20261123100000_dossiers_create_procedures': createProcedures,
    '20261123110000_dossiers_create_dossiers': createDossiers,
    '20261124100000_dossiers_processing': processing,
    '20261124110000_dossiers_payments': payments,
    '20261124120000_dossiers_reporting': reporting,
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
