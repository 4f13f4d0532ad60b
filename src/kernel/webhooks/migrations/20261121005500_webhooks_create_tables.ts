import { sql, type Kysely } from 'kysely';

// Webhook subscriptions of agencies and the record of every event sent to each. The signing
// secret is stored encrypted (AES-GCM, bound to the row id), never in clear and never hashed:
// the platform needs it to sign. Subscriptions are never deleted, only deactivated, so the
// delivery history keeps its owner.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_subscription')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) BETWEEN 1 AND 200`))
    .addColumn('url', 'text', (c) => c.notNull().check(sql`length(url) BETWEEN 1 AND 2000`))
    .addColumn('event_types', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(event_types) BETWEEN 1 AND 50`),
    )
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('previous_secret_encrypted', 'text')
    .addColumn('previous_secret_expires_at', 'timestamptz')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_success_at', 'timestamptz')
    .addColumn('last_failure_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_subscription_agency_id')
    .on('webhook_subscription')
    .column('agency_id')
    .execute();
  // Fan-out looks up the active subscriptions wanting an event type.
  await sql`CREATE INDEX webhook_subscription_event_types ON webhook_subscription USING gin (event_types) WHERE active`.execute(
    db,
  );

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('subscription_id', 'uuid', (c) => c.notNull().references('webhook_subscription.id'))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status IN ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // Fan-out may run twice for one event (at-least-once); the second finds the rows made.
    .addUniqueConstraint('webhook_delivery_event_subscription', ['event_id', 'subscription_id'])
    .execute();
  await sql`CREATE INDEX webhook_delivery_subscription_recent ON webhook_delivery (subscription_id, created_at DESC, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('webhook_subscription').execute();
}
