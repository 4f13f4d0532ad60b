import type { ColumnType, Generated } from 'kysely';

export interface OutboxEventTable {
  id: Generated<string>;
  seq: Generated<number>;
  type: string;
  aggregateId: string | null;
  payload: ColumnType<unknown, string, never>;
  occurredAt: ColumnType<Date, Date | undefined, never>;
  fannedOutAt: Date | null;
}

export type DeliveryState = 'pending' | 'done' | 'dead';

export interface OutboxDeliveryTable {
  id: Generated<number>;
  eventId: string;
  /** Name of the handler (EventHandler.name). */
  handler: string;
  state: ColumnType<DeliveryState, DeliveryState | undefined, DeliveryState>;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

export interface EventsTables {
  outboxEvent: OutboxEventTable;
  outboxDelivery: OutboxDeliveryTable;
}
