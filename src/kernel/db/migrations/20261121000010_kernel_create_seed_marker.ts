import { sql, type Kysely } from 'kysely';

// Remembers which one-time seeds (the demo data) were loaded, so a restart never reloads them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seed_marker')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('seed_marker').execute();
}
