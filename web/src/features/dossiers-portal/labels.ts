/**
 * A dossier's coded values in the reader's language: its status (the national portal's
 * TrangThaiHoSo, in the words of the one-stop desks), what each line of its history says
 * happened, its papers, and the five answers of the satisfaction survey. An action a later
 * version of the platform adds still reads as words ("Cập nhật hồ sơ"), never as a code.
 */
import type { MessageKey } from '../../shared/i18n/translate';
import type { DossierStatus, MyDossier, Paper } from './dossiers-portal-api';

export const DOSSIER_STATUSES: readonly DossierStatus[] = [
  'submitted',
  'received',
  'refused',
  'processing',
  'supplement_requested',
  'awaiting_payment',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
];

export const STATUS_KEY: Record<DossierStatus, MessageKey> = {
  submitted: 'dossiersPortal.status.submitted',
  received: 'dossiersPortal.status.received',
  refused: 'dossiersPortal.status.refused',
  processing: 'dossiersPortal.status.processing',
  supplement_requested: 'dossiersPortal.status.supplement_requested',
  awaiting_payment: 'dossiersPortal.status.awaiting_payment',
  withdrawn: 'dossiersPortal.status.withdrawn',
  stopped: 'dossiersPortal.status.stopped',
  resolved: 'dossiersPortal.status.resolved',
  returned: 'dossiersPortal.status.returned',
};

/** The actions the platform writes into a dossier's history. */
export const ACTION_KEY: Readonly<Record<string, MessageKey>> = {
  submitted: 'dossiersPortal.action.submitted',
  received: 'dossiersPortal.action.received',
  refused: 'dossiersPortal.action.refused',
  supplement_requested: 'dossiersPortal.action.supplement_requested',
  supplied: 'dossiersPortal.action.supplied',
  forwarded: 'dossiersPortal.action.forwarded',
  approved: 'dossiersPortal.action.approved',
  sent_back: 'dossiersPortal.action.sent_back',
  signed: 'dossiersPortal.action.signed',
  returned: 'dossiersPortal.action.returned',
  apology_issued: 'dossiersPortal.action.apology_issued',
  fees_assessed: 'dossiersPortal.action.fees_assessed',
  fee_paid: 'dossiersPortal.action.fee_paid',
  rated: 'dossiersPortal.action.rated',
  withdrawn: 'dossiersPortal.action.withdrawn',
  stopped: 'dossiersPortal.action.stopped',
};

export function actionKey(action: string): MessageKey {
  return Object.hasOwn(ACTION_KEY, action) ? ACTION_KEY[action]! : 'dossiersPortal.action.other';
}

export const PAPER_KEY: Record<Paper, MessageKey> = {
  receipt: 'dossiersPortal.paper.receipt',
  supplement: 'dossiersPortal.paper.supplement',
  refusal: 'dossiersPortal.paper.refusal',
  apology: 'dossiersPortal.paper.apology',
  result: 'dossiersPortal.paper.result',
};

/** How the result reaches the applicant. */
export const RETURN_KEY: Record<MyDossier['returnMethod'], MessageKey> = {
  electronic: 'dossiersPortal.return.electronic',
  desk: 'dossiersPortal.return.desk',
  post: 'dossiersPortal.return.post',
};

/** 1 rất không hài lòng … 5 rất hài lòng, as Decision 766 words the scale. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export const RATING_KEY: Record<(typeof RATINGS)[number], MessageKey> = {
  1: 'dossiersPortal.survey.rating1',
  2: 'dossiersPortal.survey.rating2',
  3: 'dossiersPortal.survey.rating3',
  4: 'dossiersPortal.survey.rating4',
  5: 'dossiersPortal.survey.rating5',
};

export function ratingKey(rating: number): MessageKey {
  return RATING_KEY[rating as (typeof RATINGS)[number]] ?? 'dossiersPortal.survey.ratingOther';
}

/** Finished dossiers: nothing more will happen to them. */
export const FINISHED: ReadonlySet<DossierStatus> = new Set([
  'refused',
  'withdrawn',
  'stopped',
  'returned',
]);
