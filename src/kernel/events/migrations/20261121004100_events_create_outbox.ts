import { sql, type Kysely } from 'kysely';

// The transactional outbox: events inserted in the publisher's transaction, and one
// delivery row per (event, handler) so each handler's progress is tracked on its own.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Publication order, for fan-out in the order events were written.
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`length(type) BETWEEN 1 AND 200`))
    .addColumn('aggregate_id', 'text')
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Set once the worker has created the delivery rows of every handler of the type.
    .addColumn('fanned_out_at', 'timestamptz')
    .execute();
  await sql`CREATE INDEX outbox_event_to_fan_out ON outbox_event (seq) WHERE fanned_out_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX outbox_event_occurred_at ON outbox_event (occurred_at)`.execute(db);

  await db.schema
    .createTable('outbox_delivery')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('event_id', 'uuid', (c) =>
      c.notNull().references('outbox_event.id').onDelete('cascade'),
    )
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state IN ('pending', 'done', 'dead')`),
    )
    // Attempts started so far; also the fencing token of the current claim.
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // When the delivery is next due; while claimed, the end of the claimant's lease.
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('outbox_delivery_event_handler', ['event_id', 'handler'])
    .execute();
  await sql`CREATE INDEX outbox_delivery_due ON outbox_delivery (next_attempt_at) WHERE state = 'pending'`.execute(
    db,
  );
  await sql`CREATE INDEX outbox_delivery_dead ON outbox_delivery (id) WHERE state = 'dead'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_delivery').execute();
  await db.schema.dropTable('outbox_event').execute();
}
