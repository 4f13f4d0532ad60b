/**
 * What a procedure must satisfy beyond its JSON shape before the catalog takes it: a form the
 * portal can render top-down, a process whose steps share the processing time exactly, one
 * upload slot per document code, and a processing time for every channel it is offered on.
 * Agency codes are checked against the database by the importer.
 */
import { checkFormDefinition } from '../../../kernel/forms';
import type { ProcedureRecord } from './procedure-record';

export function checkProcedure(record: ProcedureRecord): string[] {
  const problems: string[] = [];
  const { tthc, tinhso } = record;

  for (const problem of checkFormDefinition(tinhso.form)) {
    problems.push(`form: ${problem.path}: ${problem.message}`);
  }

  const steps = tinhso.process.steps;
  if (steps.length === 0) problems.push('process: no steps');
  const stepIds = new Set<string>();
  for (const step of steps) {
    if (stepIds.has(step.id)) problems.push(`process: step id "${step.id}" appears twice`);
    stepIds.add(step.id);
    if (!Number.isInteger(step.share) || step.share < 0 || step.share > 100) {
      problems.push(`process: step "${step.id}" has a share outside 0–100`);
    }
  }
  const shares = steps.reduce((sum, step) => sum + step.share, 0);
  if (steps.length > 0 && shares !== 100) {
    problems.push(`process: the steps' shares add up to ${shares}, not 100`);
  }
  if (steps[0] && steps[0].kind !== 'reception') {
    problems.push('process: the first step must be the reception at the desk');
  }
  const last = steps.at(-1);
  if (last && last.kind !== 'return') {
    problems.push('process: the last step must be the return of the result');
  }

  const documentCodes = new Set<string>();
  for (const documentCase of tthc.ThanhPhanHoSo) {
    for (const document of documentCase.GiayTo) {
      // The same document may be listed under two cases; its slot is one.
      if (documentCodes.has(document.MaGiayTo)) {
        const first = tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo).find(
          (d) => d.MaGiayTo === document.MaGiayTo,
        );
        if (first && first.TenGiayTo !== document.TenGiayTo) {
          problems.push(`documents: code ${document.MaGiayTo} names two different documents`);
        }
      }
      documentCodes.add(document.MaGiayTo);
    }
  }

  const channels = new Set<string>();
  for (const channel of tthc.CachThucThucHien) {
    if (channels.has(channel.Kenh)) problems.push(`channels: ${channel.Kenh} appears twice`);
    channels.add(channel.Kenh);
  }
  if (!channels.has('TRUC_TUYEN') && tthc.MucDo === 'TOAN_TRINH') {
    problems.push('channels: a fully online procedure (TOAN_TRINH) needs the TRUC_TUYEN channel');
  }
  return problems;
}
