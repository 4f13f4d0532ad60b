/**
 * A dossier's fees as the desk and the applicant read them: the procedure's schedule for
 * the dossier's channel, the lines assessed, what is paid and what is still owed, and the
 * payments with their receipt numbers. Staff read them in the agencies the dossier passes
 * through; an applicant reads only their own dossiers' (another's answers as not found).
 */
import type { AppContext } from '../../../kernel/context';
import type { Principal } from '../../../kernel/auth';
import { dossiersDb, type DossiersDb, type DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { agenciesOfDossier, assertDossierAccess } from '../processing';
import { paymentErrors } from './payments.errors';
import {
  feeLinesOf,
  feeSchedule,
  findDossierForFees,
  paymentsOf,
  type DossierForFees,
} from './payments.queries';

/** Refused, withdrawn, stopped or already returned: the dossier takes no fees any more. */
const CLOSED = new Set(['refused', 'withdrawn', 'stopped', 'returned']);

export function assertOpenForFees(dossier: DossierForFees): void {
  if (CLOSED.has(dossier.status)) {
    throw paymentErrors.FEES_DOSSIER_CLOSED({ status: dossier.status });
  }
}

export async function feesView(db: DossiersDb | DossiersTrx, dossier: DossierForFees) {
  const [schedule, lines, payments] = await Promise.all([
    feeSchedule(db, dossier.procedureId, dossier.channel),
    feeLinesOf(db, dossier.id),
    paymentsOf(db, dossier.id),
  ]);
  const sum = (status?: string) =>
    lines
      .filter((line) => status === undefined || line.status === status)
      .reduce((total, line) => total + line.amount, 0);
  return {
    dossierCode: dossier.code,
    channel: dossier.channel,
    schedule,
    lines,
    total: sum(),
    paid: sum('paid'),
    outstanding: sum('due'),
    payments,
  };
}

export type FeesView = Awaited<ReturnType<typeof feesView>>;

/** For staff with dossiers.read in one of the dossier's agencies. */
export async function staffDossierFees(
  ctx: AppContext,
  principal: Principal,
  code: string,
): Promise<FeesView> {
  const db = dossiersDb(ctx);
  const dossier = await findDossierForFees(db, code);
  if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
  assertDossierAccess(principal, DOSSIER_PERMISSIONS.read, await agenciesOfDossier(db, dossier));
  return feesView(db, dossier);
}

/** The applicant's own dossier, or the dossier that is not theirs as not found. */
export async function ownDossier(
  db: DossiersDb | DossiersTrx,
  principal: Principal,
  code: string,
  options: { lock?: boolean } = {},
): Promise<DossierForFees> {
  const dossier = await findDossierForFees(db, code, options);
  if (!dossier || dossier.applicantUserId !== principal.id) {
    throw dossierErrors.DOSSIER_NOT_FOUND();
  }
  return dossier;
}

export async function myDossierFees(
  ctx: AppContext,
  principal: Principal,
  code: string,
): Promise<FeesView> {
  const db = dossiersDb(ctx);
  return feesView(db, await ownDossier(db, principal, code));
}
