/**
 * The counts behind the service-quality index (index-formulas.ts), per receiving agency, for
 * one period: the period's intake (dossiers submitted in it) by procedure, with how many of
 * them came online, carry documents, reused ones, owe fees and paid them online, and show
 * their current status on their public timeline; the dossiers resolved in the period with
 * their appointment, result and rating; the dossiers still open at the period's end (or
 * now) and past their appointment.
 *
 * Every "how many dossiers have such a row" is asked as a semi-join (WHERE EXISTS), never as
 * a per-row subquery, so that the planner chooses: index probes for a commune's month, one
 * pass over the documents, fees, payments or history for the province's year. The counts
 * are asked in five statements run side by side on the pool's connections (the embedded
 * database runs them one after the other), each with JIT compilation off (it costs seconds
 * on these statements and saves nothing) and room to hash in memory. On a year of 500,000
 * dossiers the province's counts take under two seconds on PostgreSQL
 * (bench/dossiers-index.bench.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { DossiersDb } from '../dossiers-db';
import { zeroCounts, type IndexCounts } from './index-formulas';

/** A dossier is open, waiting for the agency, in these statuses. */
export const OPEN_STATUSES = [
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
] as const;
/** Statuses a dossier ends in. */
export const FINAL_STATUSES = ['resolved', 'returned', 'refused', 'withdrawn', 'stopped'] as const;
/** Online gateways; `desk` is money taken by an officer. */
export const ONLINE_PAYMENT_PROVIDERS = ['vnpay', 'sandbox'] as const;
/** Room for the hash tables of a province's year; released when the statement ends. */
const WORK_MEM = '64MB';

export interface CountWindow {
  from: Date;
  to: Date;
  /** When "still open and late" is judged: the period's end, or now if sooner. */
  cutoff: Date;
  /** The receiving agencies to count; null for every agency. */
  agencyIds: readonly string[] | null;
}

export interface AgencyCounts extends IndexCounts {
  agencyId: string;
}

const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`));

/** `AND <column> IN (…)` for a scope of agencies, nothing for the whole province. */
export function agencyFilter(column: RawBuilder<unknown>, agencyIds: readonly string[] | null) {
  if (agencyIds === null) return sql``;
  if (agencyIds.length === 0) return sql`AND false`;
  return sql`AND ${column} IN (${list(agencyIds)})`;
}

/**
 * The first appointment of each dossier that has an apology. An apology letter gives the
 * applicant a new appointment, but a dossier that needed one was late all the same.
 */
const FIRST_DUE = sql`(SELECT dossier_id, min(previous_due_at) AS first_due
                       FROM dossier_apology GROUP BY dossier_id)`;

/** One statement with the session settings of a reporting query. */
async function run<R>(db: DossiersDb, statement: RawBuilder<R>): Promise<R[]> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    await sql`SET LOCAL work_mem = ${sql.lit(WORK_MEM)}`.execute(trx);
    return (await statement.execute(trx)).rows;
  });
}

type Measure =
  'intake' | 'online' | 'desk_digitised' | 'reused' | 'with_fees' | 'paid_online' | 'shown';

interface MeasureRow {
  measure: Measure;
  agencyId: string;
  procedureId: string;
  n: string;
}

interface ResolvedRow {
  agencyId: string;
  resolved: string;
  resolvedOnTime: string;
  resolvedWithResultFile: string;
  resolvedSigned: string;
  resolvedRated: string;
  resolvedDissatisfiedOrLate: string;
}

export async function indexCounts(db: DossiersDb, window: CountWindow): Promise<AgencyCounts[]> {
  const { from, to, cutoff, agencyIds } = window;
  const inScope = agencyFilter(sql`d.receiving_agency_id`, agencyIds);
  const intake = sql`d.submitted_at >= ${from} AND d.submitted_at < ${to} ${inScope}`;
  /** How many of the period's dossiers, by agency and procedure, satisfy `condition`. */
  const measure = (name: Measure, condition: RawBuilder<unknown> = sql`true`) => sql`
    SELECT ${name}::text AS measure, d.receiving_agency_id AS agency_id, d.procedure_id,
      count(*) AS n
    FROM dossier d WHERE ${intake} AND ${condition}
    GROUP BY d.receiving_agency_id, d.procedure_id`;
  const owesFees = sql`EXISTS (SELECT 1 FROM dossier_fee f
    WHERE f.dossier_id = d.id AND f.amount > 0 AND f.status <> 'waived')`;
  // A dossier's current status is on its timeline when a history line carries it. Finished
  // dossiers (most of a period's) are matched against the lines of final statuses only, a
  // third of the history; the few open ones against the rest.
  const shownAmong = (statuses: RawBuilder<unknown>) =>
    measure(
      'shown',
      sql`d.status ${statuses} AND EXISTS (SELECT 1 FROM dossier_history h
        WHERE h.dossier_id = d.id AND h.status = d.status AND h.status ${statuses})`,
    );
  const finalStatuses = list(FINAL_STATUSES);

  const [offers, documents, payments, shown, resolved, openLate] = await Promise.all([
    procedureOffers(db),
    run(
      db,
      sql<MeasureRow>`
        SELECT v.measure, g.agency_id, g.procedure_id, v.n FROM (
          SELECT d.receiving_agency_id AS agency_id, d.procedure_id, count(*) AS intake,
            count(*) FILTER (WHERE d.channel = 'TRUC_TUYEN') AS online
          FROM dossier d WHERE ${intake}
          GROUP BY d.receiving_agency_id, d.procedure_id
        ) g CROSS JOIN LATERAL (VALUES ('intake', g.intake), ('online', g.online)) AS v(measure, n)
        UNION ALL ${measure(
          // Online dossiers are digital from the start; a desk or postal one once a
          // document of it is on file, scanned at the desk or reused.
          'desk_digitised',
          sql`d.channel <> 'TRUC_TUYEN' AND EXISTS (SELECT 1 FROM dossier_document dd
            WHERE dd.dossier_id = d.id AND dd.origin <> 'upload')`,
        )}
        UNION ALL ${measure(
          'reused',
          sql`EXISTS (SELECT 1 FROM dossier_document dd
                      WHERE dd.dossier_id = d.id AND dd.origin = 'reuse')`,
        )}`,
    ),
    run(
      db,
      sql<MeasureRow>`
        ${measure('with_fees', owesFees)}
        UNION ALL ${measure(
          // A paid online payment is a payment of fees owed.
          'paid_online',
          sql`EXISTS (SELECT 1 FROM dossier_payment p
            WHERE p.dossier_id = d.id AND p.status = 'paid'
              AND p.provider IN (${list(ONLINE_PAYMENT_PROVIDERS)}))`,
        )}`,
    ),
    run(
      db,
      sql<MeasureRow>`
        ${shownAmong(sql`IN (${finalStatuses})`)}
        UNION ALL ${shownAmong(sql`NOT IN (${finalStatuses})`)}`,
    ),
    run(
      db,
      sql<ResolvedRow>`
        SELECT d.receiving_agency_id AS agency_id,
          count(*) AS resolved,
          count(*) FILTER (WHERE coalesce(a.first_due, d.due_at) IS NULL
                              OR d.finished_at <= coalesce(a.first_due, d.due_at))
            AS resolved_on_time,
          count(*) FILTER (WHERE d.result_file_id IS NOT NULL) AS resolved_with_result_file,
          count(*) FILTER (WHERE d.result_signed) AS resolved_signed,
          count(*) FILTER (WHERE s.rating IS NOT NULL) AS resolved_rated,
          count(*) FILTER (WHERE s.rating <= 2
                              OR d.finished_at > coalesce(a.first_due, d.due_at))
            AS resolved_dissatisfied_or_late
        FROM dossier d
        LEFT JOIN ${FIRST_DUE} a ON a.dossier_id = d.id
        LEFT JOIN dossier_survey s ON s.dossier_id = d.id
        WHERE d.finished_at >= ${from} AND d.finished_at < ${to}
          AND d.status IN ('resolved', 'returned') ${inScope}
        GROUP BY d.receiving_agency_id`,
    ),
    run(
      db,
      sql<{ agencyId: string; n: string }>`
        SELECT o.agency_id, count(*) AS n FROM (
          -- Still open: waiting for the agency (not for the applicant's documents).
          SELECT d.id, d.receiving_agency_id AS agency_id, d.due_at FROM dossier d
          WHERE d.finished_at IS NULL AND d.status IN (${list(OPEN_STATUSES)})
            AND d.paused_at IS NULL AND d.received_at < ${cutoff} ${inScope}
          UNION ALL
          -- Finished since the cutoff: open at the time.
          SELECT d.id, d.receiving_agency_id, d.due_at FROM dossier d
          WHERE d.finished_at >= ${cutoff} AND d.received_at < ${cutoff} ${inScope}
        ) o
        LEFT JOIN ${FIRST_DUE} a ON a.dossier_id = o.id
        WHERE coalesce(a.first_due, o.due_at) < ${cutoff}
        GROUP BY o.agency_id`,
    ),
  ]);
  return assemble(offers, [...documents, ...payments, ...shown], resolved, openLate);
}

interface Offer {
  online: boolean;
  fullyOnline: boolean;
}

/** Whether each procedure is offered online (a TRUC_TUYEN channel), and throughout. */
async function procedureOffers(db: DossiersDb): Promise<Map<string, Offer>> {
  const rows = await sql<{ id: string; online: boolean; fullyOnline: boolean }>`
    SELECT p.id,
      (p.tthc -> 'CachThucThucHien') @> '[{"Kenh":"TRUC_TUYEN"}]'::jsonb AS online,
      p.online_level = 'TOAN_TRINH'
        AND (p.tthc -> 'CachThucThucHien') @> '[{"Kenh":"TRUC_TUYEN"}]'::jsonb AS fully_online
    FROM procedure p`.execute(db);
  return new Map(rows.rows.map((row) => [row.id, row]));
}

/**
 * The rows of the statements as each agency's counts. The procedure-level counts come from
 * the per-procedure ones: a procedure counts once for each agency it had dossiers at.
 */
function assemble(
  offers: ReadonlyMap<string, Offer>,
  measures: readonly MeasureRow[],
  resolved: readonly ResolvedRow[],
  openLate: ReadonlyArray<{ agencyId: string; n: string }>,
): AgencyCounts[] {
  const byAgency = new Map<string, AgencyCounts>();
  const agency = (agencyId: string) => {
    let counts = byAgency.get(agencyId);
    if (!counts) byAgency.set(agencyId, (counts = { agencyId, ...zeroCounts() }));
    return counts;
  };
  const byProcedure = new Map<string, Record<Measure, number>>();
  for (const row of measures) {
    const key = `${row.agencyId}|${row.procedureId}`;
    let counts = byProcedure.get(key);
    if (!counts) {
      byProcedure.set(
        key,
        (counts = {
          intake: 0,
          online: 0,
          desk_digitised: 0,
          reused: 0,
          with_fees: 0,
          paid_online: 0,
          shown: 0,
        }),
      );
    }
    counts[row.measure] += Number(row.n);
  }
  for (const [key, m] of byProcedure) {
    if (m.intake === 0) continue;
    const [agencyId, procedureId] = key.split('|') as [string, string];
    const offer = offers.get(procedureId) ?? { online: false, fullyOnline: false };
    const c = agency(agencyId);
    c.intake += m.intake;
    c.intakeShown += m.shown;
    c.intakeDigitised += m.online + m.desk_digitised;
    c.intakeReused += m.reused;
    c.intakeWithFees += m.with_fees;
    // Paid online means fees were owed; the minimum keeps the share ≤ 1 on inconsistent rows.
    c.intakeWithFeesPaidOnline += Math.min(m.paid_online, m.with_fees);
    c.procedures += 1;
    if (offer.fullyOnline) c.proceduresFullyOnline += 1;
    if (offer.online) {
      c.intakeOfOnlineProcedures += m.intake;
      c.intakeOnline += m.online;
      c.proceduresOnline += 1;
      if (m.online > 0) c.proceduresWithOnlineDossiers += 1;
    }
    if (m.with_fees > 0) {
      c.proceduresWithFees += 1;
      if (offer.online) c.proceduresWithFeesOnline += 1;
      if (Math.min(m.paid_online, m.with_fees) > 0) c.proceduresWithFeesPaidOnline += 1;
    }
  }
  for (const row of resolved) {
    const c = agency(row.agencyId);
    c.resolved = Number(row.resolved);
    c.resolvedOnTime = Number(row.resolvedOnTime);
    c.resolvedWithResultFile = Number(row.resolvedWithResultFile);
    c.resolvedSigned = Number(row.resolvedSigned);
    c.resolvedRated = Number(row.resolvedRated);
    c.resolvedDissatisfiedOrLate = Number(row.resolvedDissatisfiedOrLate);
  }
  for (const row of openLate) agency(row.agencyId).openLate = Number(row.n);
  return [...byAgency.values()];
}
