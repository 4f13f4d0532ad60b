/**
 * A dossier's way through its procedure's process: which agency holds each step (the
 * receiving one, or the agency the process names by code), when each step is due (its share
 * of the time from receipt to the appointment, kernel calendar), and starting a step.
 */
import type { WorkingCalendar } from '../../../kernel/calendar';
import type { DossiersTrx } from '../dossiers-db';
import type { ProcessStep } from '../catalog';
import { stepDueDates } from '../deadlines';

/** The agency that holds `step` of a dossier received by `receivingAgencyId`. */
export async function agencyOfStep(
  trx: DossiersTrx,
  step: ProcessStep,
  receivingAgencyId: string,
): Promise<string> {
  if (step.agency === 'receiving') return receivingAgencyId;
  const agency = await trx
    .selectFrom('agency')
    .select('id')
    .where('code', '=', step.agency.code)
    .executeTakeFirstOrThrow();
  return agency.id;
}

/** When step `stepNo` is due for a dossier received at `receivedAt` and due at `dueAt`. */
export function stepDue(
  calendar: WorkingCalendar,
  steps: readonly ProcessStep[],
  stepNo: number,
  receivedAt: Date,
  dueAt: Date,
): Date {
  return stepDueDates(
    calendar,
    receivedAt,
    dueAt,
    steps.map((step) => step.share),
  )[stepNo]!;
}

export interface StepStart {
  dossierId: string;
  steps: readonly ProcessStep[];
  stepNo: number;
  receivingAgencyId: string;
  at: Date;
  dueAt: Date;
}

/** Opens a pass through step `stepNo` (active) and points the dossier at it. */
export async function startStep(trx: DossiersTrx, start: StepStart): Promise<string> {
  const step = start.steps[start.stepNo]!;
  const agencyId = await agencyOfStep(trx, step, start.receivingAgencyId);
  await trx
    .insertInto('dossierStep')
    .values({
      dossierId: start.dossierId,
      stepNo: start.stepNo,
      stepId: step.id,
      kind: step.kind,
      role: step.role,
      name: step.name.vi,
      agencyId,
      status: 'active',
      startedAt: start.at,
      dueAt: start.dueAt,
    })
    .execute();
  await trx
    .updateTable('dossier')
    .set({ currentStep: start.stepNo, updatedAt: start.at })
    .where('id', '=', start.dossierId)
    .execute();
  return agencyId;
}

/** Closes the active pass: done (forwarded, approved, signed, returned) or sent back. */
export async function finishStep(
  trx: DossiersTrx,
  stepId: string,
  outcome: 'done' | 'returned',
  at: Date,
  by: string | null,
): Promise<void> {
  await trx
    .updateTable('dossierStep')
    .set({ status: outcome, finishedAt: at, finishedBy: by })
    .where('id', '=', stepId)
    .execute();
}
