import { sql, type Kysely } from 'kysely';

// One row per periodic job: who may run it now (a lease, so several scheduler processes
// run each job once) and how its last run went.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_lease')
    .addColumn('name', 'text', (c) => c.primaryKey())
    // Interval the scheduler runs the job at, so the status API needs no job catalogue.
    .addColumn('every_seconds', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'timestamptz', (c) => c.notNull())
    .addColumn('last_started_at', 'timestamptz')
    .addColumn('last_finished_at', 'timestamptz')
    .addColumn('last_status', 'text', (c) =>
      c.check(sql`last_status IN ('running', 'ok', 'failed')`),
    )
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_lease').execute();
}
