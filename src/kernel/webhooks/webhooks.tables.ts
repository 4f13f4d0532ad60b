/** Kysely types of the webhook tables (migrations/20261121005500_webhooks_create_tables.ts). */
import type { ColumnType, Generated } from 'kysely';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookSubscriptionTable {
  id: string;
  /** Owner: administrators see and change the subscriptions of their agency subtree. */
  agencyId: string;
  name: string;
  url: string;
  eventTypes: string[];
  /** The signing secret, encrypted with fieldCipher (bound to the row id); never in clear. */
  secretEncrypted: string;
  /** The secret before the last rotation, still signing until previousSecretExpiresAt. */
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
  active: boolean;
  createdBy: string | null;
  createdAt: ColumnType<Date, Date, never>;
  updatedAt: Date;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  lastError: string | null;
}

/** One event sent (or being sent) to one subscription. */
export interface WebhookDeliveryTable {
  id: Generated<string>;
  subscriptionId: string;
  /** Id of the event, as sent in Tinhso-Event-Id: the receiver's de-duplication key. */
  eventId: string;
  eventType: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined>;
  attempts: ColumnType<number, number | undefined>;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: ColumnType<Date, Date, never>;
}

export interface WebhooksTables {
  webhookSubscription: WebhookSubscriptionTable;
  webhookDelivery: WebhookDeliveryTable;
}
