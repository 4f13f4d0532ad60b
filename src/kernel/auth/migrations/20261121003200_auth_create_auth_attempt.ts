import { sql, type Kysely } from 'kysely';

// Sign-in and second-factor attempts, kept for a short sliding window so that every API
// process sees the same counts per client address and per identifier.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_attempt')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('password', 'mfa')`))
    .addColumn('ip', 'text', (c) => c.notNull())
    // SHA-256 of the normalised identifier typed, known account or not.
    .addColumn('account_key', 'text')
    .addColumn('succeeded', 'boolean', (c) => c.notNull())
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX auth_attempt_ip ON auth_attempt (ip, attempted_at)`.execute(db);
  await sql`CREATE INDEX auth_attempt_account_key ON auth_attempt (account_key, attempted_at)
    WHERE account_key IS NOT NULL`.execute(db);
  await sql`CREATE INDEX auth_attempt_attempted_at ON auth_attempt (attempted_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_attempt').execute();
}
