import { sql, type Kysely } from 'kysely';

// The audit log: events written by every part, the hash chain that seals them, the signed
// checkpoints over the chain and the public keys that verify those checkpoints. All four
// tables are append-only; the database itself refuses UPDATE, DELETE and TRUNCATE.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // clock_timestamp(): the moment of the write, not the start of a long transaction.
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type IN ('user', 'api_key', 'system', 'anonymous')`),
    )
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`length(action) BETWEEN 1 AND 200`))
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`CREATE INDEX audit_event_actor ON audit_event (actor_id, id)`.execute(db);
  await sql`CREATE INDEX audit_event_record ON audit_event (record_type, record_id, id)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_event_action ON audit_event (action, id)`.execute(db);
  await sql`CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at)`.execute(db);

  await db.schema
    .createTable('audit_seal')
    .addColumn('seq', 'bigint', (c) => c.primaryKey().check(sql`seq >= 1`))
    .addColumn('event_id', 'bigint', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await sql`CREATE INDEX audit_seal_sealed_at ON audit_seal (sealed_at)`.execute(db);

  await db.schema
    .createTable('audit_signing_key')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('audit_checkpoint')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull().references('audit_signing_key.key_id'))
    .execute();

  await sql`
    CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit records are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
    END
    $$
  `.execute(db);
  for (const table of ['audit_event', 'audit_seal', 'audit_checkpoint', 'audit_signing_key']) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_change`)}
      BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()
    `.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_truncate`)}
      BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()
    `.execute(db);
    // Roles other than the owner (reporting, replicas' readers) may never rewrite history.
    await sql`REVOKE UPDATE, DELETE, TRUNCATE ON ${sql.table(table)} FROM PUBLIC`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoint').execute();
  await db.schema.dropTable('audit_signing_key').execute();
  await db.schema.dropTable('audit_seal').execute();
  await db.schema.dropTable('audit_event').execute();
  await sql`DROP FUNCTION audit_refuse_change()`.execute(db);
}
