/**
 * Facts about a dossier the page derives from the server's view: whether it is late (as the
 * work list says it), which printed papers exist, the earlier steps it may be sent back to,
 * and the instant of an appointment typed as a day and a time on Vietnam's clock.
 */
import type { DossierStatus, DossierStep, DossierView } from './dossiers-api';

/** Open and counting time: a dossier waiting for the applicant's documents is not late. */
const RUNNING: readonly DossierStatus[] = ['received', 'processing', 'awaiting_payment'];
const OPEN: readonly DossierStatus[] = [...RUNNING, 'submitted', 'supplement_requested'];
/** Fees are neither assessed nor taken once a dossier is closed. */
const CLOSED_FOR_FEES: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned'];

type Timed = Pick<DossierView, 'status' | 'dueAt' | 'finishedAt'>;

/**
 * Late: past its appointment while running, or finished after it. The rule of the work
 * list (the server's `late`), for the one dossier the page shows.
 */
export function isLate(dossier: Timed, now: Date): boolean {
  if (!dossier.dueAt) return false;
  const due = new Date(dossier.dueAt).getTime();
  if (RUNNING.includes(dossier.status)) return due < now.getTime();
  return dossier.finishedAt !== null && new Date(dossier.finishedAt).getTime() > due;
}

export function isOpen(status: DossierStatus): boolean {
  return OPEN.includes(status);
}

export function feesOpen(status: DossierStatus): boolean {
  return !CLOSED_FOR_FEES.includes(status);
}

export type Paper = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'result';

/** The papers the dossier has, in the order they are issued. */
export function papersOf(
  dossier: Pick<
    DossierView,
    'status' | 'receivedAt' | 'dueAt' | 'supplements' | 'refusalReason' | 'apologies' | 'result'
  >,
): Paper[] {
  const papers: Paper[] = [];
  if (dossier.receivedAt && dossier.dueAt) papers.push('receipt');
  if (dossier.supplements.length > 0) papers.push('supplement');
  if (dossier.status === 'refused' && dossier.refusalReason) papers.push('refusal');
  if (dossier.apologies.length > 0) papers.push('apology');
  if (dossier.result && ['resolved', 'returned'].includes(dossier.status)) papers.push('result');
  return papers;
}

/**
 * The steps a dossier may be sent back to from its active one: those after reception
 * (never reopened) and before the active step, once each, by number.
 */
export function earlierSteps(
  steps: readonly DossierStep[],
): { stepNo: number; name: string; agencyName: string }[] {
  const active = steps.find((step) => step.status === 'active');
  if (!active) return [];
  const byNumber = new Map<number, { stepNo: number; name: string; agencyName: string }>();
  for (const step of steps) {
    if (step.stepNo >= 1 && step.stepNo < active.stepNo && !byNumber.has(step.stepNo)) {
      byNumber.set(step.stepNo, {
        stepNo: step.stepNo,
        name: step.name,
        agencyName: step.agencyName,
      });
    }
  }
  return [...byNumber.values()].sort((a, b) => a.stepNo - b.stepNo);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * The instant of a day and a time read on Vietnam's clock (UTC+7 all year, no summer time),
 * as ISO 8601 in UTC; null when either is missing or not a real date and time.
 */
export function vietnamInstant(day: string, time: string): string | null {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, date] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, date, hour - 7, minute);
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
  if (check.getUTCDate() !== date) return null;
  return new Date(utc).toISOString();
}

/** Today's date on Vietnam's clock, `YYYY-MM-DD`. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
