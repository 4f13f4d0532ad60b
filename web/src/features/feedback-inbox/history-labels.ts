/**
 * The history of a report in words for staff: every action the server records (public and
 * internal ones such as `media_hidden`), and who acted when no name is given. A code the
 * console does not know yet is shown as a neutral "other change", never as a raw code.
 */
import type { MessageKey } from '../../shared/i18n/translate';

const ACTION_KEY: Record<string, MessageKey> = {
  submitted: 'inboxExtra.action.submitted',
  received: 'inboxExtra.action.received',
  assigned: 'inboxExtra.action.assigned',
  started: 'inboxExtra.action.started',
  answered: 'inboxExtra.action.answered',
  noted: 'inboxExtra.action.noted',
  resolved: 'inboxExtra.action.resolved',
  rejected: 'inboxExtra.action.rejected',
  duplicate: 'inboxExtra.action.duplicate',
  transferred: 'inboxExtra.action.transferred',
  escalated: 'inboxExtra.action.escalated',
  rated: 'inboxExtra.action.rated',
  reopened: 'inboxExtra.action.reopened',
  hidden: 'inboxExtra.action.hidden',
  unhidden: 'inboxExtra.action.unhidden',
  redacted: 'inboxExtra.action.redacted',
  media_hidden: 'inboxExtra.action.media_hidden',
  media_shown: 'inboxExtra.action.media_shown',
};

const ACTOR_KEY: Record<string, MessageKey> = {
  user: 'inboxExtra.actor.user',
  api_key: 'inboxExtra.actor.api_key',
  system: 'inboxExtra.actor.system',
  reporter: 'inboxExtra.actor.reporter',
  anonymous: 'inboxExtra.actor.anonymous',
};

export function historyActionKey(action: string): MessageKey {
  return ACTION_KEY[action] ?? 'inboxExtra.action.other';
}

export function historyActorKey(actorType: string): MessageKey {
  return ACTOR_KEY[actorType] ?? 'inboxExtra.actor.other';
}
