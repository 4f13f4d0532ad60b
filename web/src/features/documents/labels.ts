/**
 * The registers' codes in words: statuses, urgency and secrecy, the statuses recipients send
 * back over the exchange (Decree 30 / QCVN 102 codes 01–16), and the history of a document.
 * A code the console does not know yet is shown as a neutral "other", never as a raw code
 * alone.
 */
import type { MessageKey } from '../../shared/i18n/translate';
import type { IncomingStatus, OutgoingStatus, Secrecy, Urgency } from './documents-api';

export const OUTGOING_STATUS_KEY: Record<OutgoingStatus, MessageKey> = {
  draft: 'documents.outStatus.draft',
  in_review: 'documents.outStatus.in_review',
  approved: 'documents.outStatus.approved',
  signed: 'documents.outStatus.signed',
  issued: 'documents.outStatus.issued',
  recalled: 'documents.outStatus.recalled',
  replaced: 'documents.outStatus.replaced',
};

export const INCOMING_STATUS_KEY: Record<IncomingStatus, MessageKey> = {
  received: 'documents.inStatus.received',
  registered: 'documents.inStatus.registered',
  assigned: 'documents.inStatus.assigned',
  processing: 'documents.inStatus.processing',
  done: 'documents.inStatus.done',
  recalled: 'documents.inStatus.recalled',
  replaced: 'documents.inStatus.replaced',
};

export const URGENCY_KEY: Record<Urgency, MessageKey> = {
  normal: 'documents.urgency.normal',
  urgent: 'documents.urgency.urgent',
  very_urgent: 'documents.urgency.very_urgent',
  express: 'documents.urgency.express',
};

export const SECRECY_KEY: Record<Secrecy, MessageKey> = {
  normal: 'documents.secrecy.normal',
  confidential: 'documents.secrecy.confidential',
  secret: 'documents.secrecy.secret',
  top_secret: 'documents.secrecy.top_secret',
};

const EXCHANGE_STATUS_KEY: Record<string, MessageKey> = {
  '01': 'documents.exchangeStatus.01',
  '02': 'documents.exchangeStatus.02',
  '03': 'documents.exchangeStatus.03',
  '04': 'documents.exchangeStatus.04',
  '05': 'documents.exchangeStatus.05',
  '06': 'documents.exchangeStatus.06',
  '13': 'documents.exchangeStatus.13',
  '15': 'documents.exchangeStatus.15',
  '16': 'documents.exchangeStatus.16',
};

export function exchangeStatusKey(code: string): MessageKey {
  return EXCHANGE_STATUS_KEY[code] ?? 'documents.exchangeStatus.other';
}

const HISTORY_KEY: Record<string, MessageKey> = {
  drafted: 'documents.history.drafted',
  edited: 'documents.history.edited',
  submitted: 'documents.history.submitted',
  approved: 'documents.history.approved',
  returned: 'documents.history.returned',
  signed: 'documents.history.signed',
  issued: 'documents.history.issued',
  replaced: 'documents.history.replaced',
  registered: 'documents.history.registered',
  assigned: 'documents.history.assigned',
  started: 'documents.history.started',
  completed: 'documents.history.completed',
  exchange_sent: 'documents.history.exchange_sent',
  exchange_update: 'documents.history.exchange_update',
  exchange_replace: 'documents.history.exchange_replace',
  exchange_revoke: 'documents.history.exchange_revoke',
  exchange_recall_requested: 'documents.history.exchange_recall_requested',
  exchange_status_received: 'documents.history.exchange_status_received',
  exchange_status_sent: 'documents.history.exchange_status_sent',
  exchange_status_not_sent: 'documents.history.exchange_status_not_sent',
  exchange_received: 'documents.history.exchange_received',
  exchange_updated: 'documents.history.exchange_updated',
  exchange_replaced: 'documents.history.exchange_replaced',
  exchange_recalled: 'documents.history.exchange_recalled',
};

export function historyKey(action: string): MessageKey {
  return HISTORY_KEY[action] ?? 'documents.history.other';
}
