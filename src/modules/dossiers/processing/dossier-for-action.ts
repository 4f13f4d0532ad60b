/**
 * Every action on a dossier starts the same way: the row locked in the acting transaction
 * (two officers pressing at once act one after the other, the second on what the first
 * left), the person's reach checked, and the step that holds the dossier now.
 */
import type { Principal } from '../../../kernel/auth';
import type { DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import type { DossierStatus, DossierStepTable } from '../dossiers.tables';
import type { ProcessStep } from '../catalog';
import type { Selectable } from 'kysely';
import { agenciesOfDossier, assertDossierAccess } from './dossier-scope';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';

export type ActiveStep = Selectable<DossierStepTable>;

export interface DossierForAction {
  id: string;
  code: string;
  status: DossierStatus;
  procedureId: string;
  procedureCode: string;
  procedureName: string;
  receivingAgencyId: string;
  channel: 'TRUC_TUYEN' | 'TRUC_TIEP' | 'BUU_CHINH';
  applicantUserId: string | null;
  applicantEmail: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  currentStep: number | null;
  pausedAt: Date | null;
  pausedFromStatus: DossierStatus | null;
  returnMethod: 'electronic' | 'desk' | 'post';
  resultFileId: string | null;
  steps: ProcessStep[];
  /** The agencies the dossier passes through (scope of its people). */
  agencies: string[];
  /** The step that holds the dossier now, if it is in processing. */
  active: ActiveStep | null;
}

/** The permission a step's holder needs, by the role the process gives the step. */
export const PERMISSION_OF_ROLE = {
  desk: DOSSIER_PERMISSIONS.receive,
  specialist: DOSSIER_PERMISSIONS.handle,
  leader: DOSSIER_PERMISSIONS.decide,
} as const;

export async function lockDossier(trx: DossiersTrx, code: string): Promise<DossierForAction> {
  const row = await trx
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .select([
      'dossier.id',
      'dossier.code',
      'dossier.status',
      'dossier.procedureId',
      'dossier.procedureCode',
      'procedure.name as procedureName',
      'procedure.process',
      'dossier.receivingAgencyId',
      'dossier.channel',
      'dossier.applicantUserId',
      'dossier.applicantEmail',
      'dossier.submittedAt',
      'dossier.receivedAt',
      'dossier.dueAt',
      'dossier.finishedAt',
      'dossier.currentStep',
      'dossier.pausedAt',
      'dossier.pausedFromStatus',
      'dossier.returnMethod',
      'dossier.resultFileId',
    ])
    .where('dossier.code', '=', code)
    .forUpdate('dossier')
    .executeTakeFirst();
  if (!row) throw dossierErrors.DOSSIER_NOT_FOUND();
  const active = await trx
    .selectFrom('dossierStep')
    .selectAll()
    .where('dossierId', '=', row.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const { process, ...rest } = row;
  return {
    ...rest,
    steps: process.steps,
    agencies: await agenciesOfDossier(trx, row),
    active: active ?? null,
  };
}

/**
 * The dossier locked and the principal checked: inside its reach, holding `permission` at
 * `atAgency` (the active step's agency, or the receiving agency before reception).
 */
export async function dossierForAction(
  trx: DossiersTrx,
  principal: Principal,
  code: string,
  permission: string,
  atAgency: (dossier: DossierForAction) => string,
): Promise<DossierForAction> {
  const dossier = await lockDossier(trx, code);
  assertDossierAccess(principal, permission, dossier.agencies, atAgency(dossier));
  return dossier;
}

/** Refuses an action the dossier's status does not allow, naming what it is now. */
export function expectStatus(
  dossier: DossierForAction,
  allowed: readonly DossierStatus[],
  action: string,
): void {
  if (!allowed.includes(dossier.status)) {
    throw dossierErrors.DOSSIER_WRONG_STATUS({ status: dossier.status, action });
  }
}

/** The active step, which must be of one of `kinds`; the action is its holder's. */
export function expectActiveStep(
  dossier: DossierForAction,
  kinds: readonly ProcessStep['kind'][],
  action: string,
): ActiveStep {
  const step = dossier.active;
  if (!step || !kinds.includes(step.kind)) {
    throw dossierErrors.DOSSIER_WRONG_STEP({ step: step?.kind ?? null, action });
  }
  return step;
}

/**
 * The dossier locked, its active step one of `kinds`, and the principal the holder of that
 * step: the step's role's permission granted on the step's agency.
 */
export async function dossierForStepHolder(
  trx: DossiersTrx,
  principal: Principal,
  code: string,
  kinds: readonly ProcessStep['kind'][],
  action: string,
): Promise<{ dossier: DossierForAction; step: ActiveStep }> {
  const dossier = await lockDossier(trx, code);
  const step = dossier.active;
  // Outside the dossier's reach it does not exist, whatever its state.
  assertDossierAccess(principal, DOSSIER_PERMISSIONS.read, dossier.agencies);
  if (!step || !kinds.includes(step.kind)) {
    throw dossierErrors.DOSSIER_WRONG_STEP({ step: step?.kind ?? null, action });
  }
  assertDossierAccess(principal, PERMISSION_OF_ROLE[step.role], dossier.agencies, step.agencyId);
  return { dossier, step };
}
