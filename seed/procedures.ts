/**
 * Quảng Ninh's demo catalog of administrative procedures: one JSON file per procedure in
 * seed/data/procedures/, in the form the catalog imports (the national database's fields,
 * and the form and process the platform adds; see seed/data/PROVENANCE.md).
 */
import fs from 'node:fs';
import type { ProcedureRecord } from '../src/modules/dossiers';

export const PROCEDURES_DIR = new URL('./data/procedures/', import.meta.url);

export function loadProcedureCatalog(): ProcedureRecord[] {
  return fs
    .readdirSync(PROCEDURES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map(
      (name) =>
        JSON.parse(fs.readFileSync(new URL(name, PROCEDURES_DIR), 'utf8')) as ProcedureRecord,
    );
}
