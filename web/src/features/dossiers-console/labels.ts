/** The words of the dossiers' codes (statuses, channels, boxes, actions…) in the reader's language. */
import type { MessageKey } from '../../shared/i18n/translate';
import type {
  DossierAction,
  DossierChannel,
  DossierFees,
  DossierStatus,
  DossierStep,
  DossierView,
  ReturnMethod,
} from './dossiers-api';
import type { DossierBox, DossierSort } from './list-filters';

export const STATUS_KEY: Record<DossierStatus, MessageKey> = {
  submitted: 'dossiersConsole.status.submitted',
  received: 'dossiersConsole.status.received',
  refused: 'dossiersConsole.status.refused',
  processing: 'dossiersConsole.status.processing',
  supplement_requested: 'dossiersConsole.status.supplement_requested',
  awaiting_payment: 'dossiersConsole.status.awaiting_payment',
  withdrawn: 'dossiersConsole.status.withdrawn',
  stopped: 'dossiersConsole.status.stopped',
  resolved: 'dossiersConsole.status.resolved',
  returned: 'dossiersConsole.status.returned',
};

export const CHANNEL_KEY: Record<DossierChannel, MessageKey> = {
  TRUC_TUYEN: 'dossiersConsole.channel.TRUC_TUYEN',
  TRUC_TIEP: 'dossiersConsole.channel.TRUC_TIEP',
  BUU_CHINH: 'dossiersConsole.channel.BUU_CHINH',
};

export const BOX_KEY: Record<DossierBox, MessageKey> = {
  todo: 'dossiersConsole.box.todo',
  reception: 'dossiersConsole.box.reception',
  supplement: 'dossiersConsole.box.supplement',
  late: 'dossiersConsole.box.late',
  due_today: 'dossiersConsole.box.due_today',
  finished: 'dossiersConsole.box.finished',
  all: 'dossiersConsole.box.all',
};

export const SORT_KEY: Record<DossierSort, MessageKey> = {
  due: 'dossiersConsole.sort.due',
  '-submitted': 'dossiersConsole.sort.newest',
  submitted: 'dossiersConsole.sort.oldest',
  code: 'dossiersConsole.sort.code',
};

export const ROLE_KEY: Record<DossierStep['role'], MessageKey> = {
  desk: 'dossiersConsole.role.desk',
  specialist: 'dossiersConsole.role.specialist',
  leader: 'dossiersConsole.role.leader',
};

export const STEP_STATUS_KEY: Record<DossierStep['status'], MessageKey> = {
  active: 'dossiersConsole.stepStatus.active',
  done: 'dossiersConsole.stepStatus.done',
  returned: 'dossiersConsole.stepStatus.returned',
};

export const RETURN_METHOD_KEY: Record<ReturnMethod, MessageKey> = {
  electronic: 'dossiersConsole.returnMethod.electronic',
  desk: 'dossiersConsole.returnMethod.desk',
  post: 'dossiersConsole.returnMethod.post',
};

export const APPLICANT_TYPE_KEY: Record<DossierView['applicant']['type'], MessageKey> = {
  CONG_DAN: 'dossiersConsole.applicantType.CONG_DAN',
  DOANH_NGHIEP: 'dossiersConsole.applicantType.DOANH_NGHIEP',
  TO_CHUC: 'dossiersConsole.applicantType.TO_CHUC',
};

export const ORIGIN_KEY: Record<DossierView['documents'][number]['origin'], MessageKey> = {
  upload: 'dossiersConsole.origin.upload',
  reuse: 'dossiersConsole.origin.reuse',
  scan: 'dossiersConsole.origin.scan',
};

export const ACTION_KEY: Record<DossierAction, MessageKey> = {
  receive: 'dossiersConsole.action.receive',
  request_supplement: 'dossiersConsole.action.request_supplement',
  refuse: 'dossiersConsole.action.refuse',
  forward: 'dossiersConsole.action.forward',
  approve: 'dossiersConsole.action.approve',
  send_back: 'dossiersConsole.action.send_back',
  sign: 'dossiersConsole.action.sign',
  return: 'dossiersConsole.action.return',
  apologise: 'dossiersConsole.action.apologise',
};

export const SUBMIT_KEY: Record<DossierAction, MessageKey> = {
  receive: 'dossiersConsole.submit.receive',
  request_supplement: 'dossiersConsole.submit.request_supplement',
  refuse: 'dossiersConsole.submit.refuse',
  forward: 'dossiersConsole.submit.forward',
  approve: 'dossiersConsole.submit.approve',
  send_back: 'dossiersConsole.submit.send_back',
  sign: 'dossiersConsole.submit.sign',
  return: 'dossiersConsole.submit.return',
  apologise: 'dossiersConsole.submit.apologise',
};

export const DONE_KEY: Record<DossierAction, MessageKey> = {
  receive: 'dossiersConsole.done.receive',
  request_supplement: 'dossiersConsole.done.request_supplement',
  refuse: 'dossiersConsole.done.refuse',
  forward: 'dossiersConsole.done.forward',
  approve: 'dossiersConsole.done.approve',
  send_back: 'dossiersConsole.done.send_back',
  sign: 'dossiersConsole.done.sign',
  return: 'dossiersConsole.done.return',
  apologise: 'dossiersConsole.done.apologise',
};

export const PAPER_KEY = {
  receipt: 'dossiersConsole.paper.receipt',
  supplement: 'dossiersConsole.paper.supplement',
  refusal: 'dossiersConsole.paper.refusal',
  apology: 'dossiersConsole.paper.apology',
  result: 'dossiersConsole.paper.result',
} as const satisfies Record<string, MessageKey>;

type Fee = DossierFees['lines'][number];
type Payment = DossierFees['payments'][number];

export const FEE_KIND_KEY: Record<Fee['kind'], MessageKey> = {
  PHI: 'dossiersConsole.feeKind.PHI',
  LE_PHI: 'dossiersConsole.feeKind.LE_PHI',
};

export const LINE_STATUS_KEY: Record<Fee['status'], MessageKey> = {
  due: 'dossiersConsole.lineStatus.due',
  paid: 'dossiersConsole.lineStatus.paid',
  waived: 'dossiersConsole.lineStatus.waived',
};

export const METHOD_KEY: Record<Payment['method'], MessageKey> = {
  online: 'dossiersConsole.method.online',
  cash: 'dossiersConsole.method.cash',
  card: 'dossiersConsole.method.card',
};

export const PAYMENT_STATUS_KEY: Record<Payment['status'], MessageKey> = {
  pending: 'dossiersConsole.paymentStatus.pending',
  paid: 'dossiersConsole.paymentStatus.paid',
  failed: 'dossiersConsole.paymentStatus.failed',
  cancelled: 'dossiersConsole.paymentStatus.cancelled',
};

const HISTORY_KEY: Record<string, MessageKey> = {
  submitted: 'dossiersConsole.history.submitted',
  received: 'dossiersConsole.history.received',
  refused: 'dossiersConsole.history.refused',
  supplement_requested: 'dossiersConsole.history.supplement_requested',
  supplied: 'dossiersConsole.history.supplied',
  forwarded: 'dossiersConsole.history.forwarded',
  approved: 'dossiersConsole.history.approved',
  sent_back: 'dossiersConsole.history.sent_back',
  signed: 'dossiersConsole.history.signed',
  returned: 'dossiersConsole.history.returned',
  apology_issued: 'dossiersConsole.history.apology_issued',
  fees_assessed: 'dossiersConsole.history.fees_assessed',
  fee_paid: 'dossiersConsole.history.fee_paid',
  rated: 'dossiersConsole.history.rated',
};

/** The words of a history line's action, or null for one this page does not know yet. */
export function historyKey(action: string): MessageKey | null {
  return Object.hasOwn(HISTORY_KEY, action) ? HISTORY_KEY[action]! : null;
}
