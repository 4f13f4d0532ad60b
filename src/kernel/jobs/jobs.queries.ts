/**
 * The job lease: a job runs only in the scheduler process that holds its row's lease.
 * Claiming is one INSERT … ON CONFLICT DO UPDATE … WHERE statement, which PostgreSQL
 * evaluates under the row lock, so of several schedulers claiming at once exactly one wins.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { JobLeaseTable } from './jobs.tables';

type Db = Kysely<KernelTables>;

/** Far in the past: a lease that was never held. */
const NEVER = new Date(0);

/** Makes the job known (for the status API) without taking its lease. */
export async function registerJob(db: Db, name: string, everySeconds: number): Promise<void> {
  await db
    .insertInto('jobLease')
    .values({ name, everySeconds, owner: '', leaseUntil: NEVER })
    .onConflict((oc) => oc.column('name').doUpdateSet({ everySeconds }))
    .execute();
}

/**
 * Takes the lease of a job that is due (never run, or last started `everySeconds` ago)
 * and not leased by anyone; returns false when another scheduler has it or it is not due.
 */
export async function claimJob(
  db: Db,
  job: { name: string; everySeconds: number },
  owner: string,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  const dueIfStartedBefore = new Date(now.getTime() - job.everySeconds * 1000);
  const result = await sql<{ name: string }>`
    INSERT INTO job_lease (name, every_seconds, owner, lease_until, last_started_at, last_status)
    VALUES (${job.name}, ${job.everySeconds}, ${owner}, ${leaseUntil}, ${now}, 'running')
    ON CONFLICT (name) DO UPDATE SET
      every_seconds = excluded.every_seconds,
      owner = excluded.owner,
      lease_until = excluded.lease_until,
      last_started_at = excluded.last_started_at,
      last_status = 'running'
    WHERE job_lease.lease_until <= ${now}
      AND (job_lease.last_started_at IS NULL OR job_lease.last_started_at <= ${dueIfStartedBefore})
    RETURNING name
  `.execute(db);
  return result.rows.length === 1;
}

/** Extends a lease still held by `owner`; false when it was lost. */
export async function renewJobLease(
  db: Db,
  name: string,
  owner: string,
  leaseUntil: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('jobLease')
    .set({ leaseUntil })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .where('lastStatus', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the outcome and releases the lease. */
export async function finishJob(
  db: Db,
  name: string,
  owner: string,
  now: Date,
  outcome: { status: 'ok' } | { status: 'failed'; error: string },
): Promise<void> {
  await db
    .updateTable('jobLease')
    .set({
      leaseUntil: now,
      lastFinishedAt: now,
      lastStatus: outcome.status,
      lastError: outcome.status === 'failed' ? outcome.error : null,
    })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .execute();
}

export async function listJobLeases(db: Db): Promise<JobLeaseRow[]> {
  return db.selectFrom('jobLease').selectAll().orderBy('name').execute();
}

export type JobLeaseRow = Selectable<JobLeaseTable>;
