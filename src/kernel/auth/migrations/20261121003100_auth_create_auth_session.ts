import type { Kysely } from 'kysely';

// Server-side sessions. The id is the SHA-256 of the token held in the cookie: a copy of
// this table does not let anyone impersonate a user.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('idle_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('mfa_passed_at', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('auth_session_user_id')
    .on('auth_session')
    .column('user_id')
    .execute();
  await db.schema
    .createIndex('auth_session_absolute_expires_at')
    .on('auth_session')
    .column('absolute_expires_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_session').execute();
}
