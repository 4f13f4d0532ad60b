import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/support/harness';
import { loadWorkingCalendar } from '../src/kernel/calendar';
import type { FeedbackTables } from '../src/modules/feedback';
import { normaliseTrackingCode } from '../src/modules/feedback';
import { loadFeedbackCategories, type FeedbackDb } from './feedback-categories';
import { loadFeedbackDemoReports } from './feedback-demo-reports';
import { loadQuangNinhAgencies } from './quang-ninh-agencies';

const NOW = new Date('2026-10-15T04:00:00Z');
const COUNT = 1200;
const SEED = 11;

describe('Quảng Ninh demo reports', () => {
  let t: TestContext;
  let db: FeedbackDb;

  const load = (seed = SEED) =>
    loadFeedbackDemoReports(t.ctx.db, {
      now: NOW,
      count: COUNT,
      seed,
      calendar: t.ctx.config,
    });
  const codes = async () =>
    (
      await db.selectFrom('feedbackReport').select('trackingCode').orderBy('trackingCode').execute()
    ).map((r) => r.trackingCode);

  beforeAll(async () => {
    t = await createTestContext();
    db = t.ctx.db.withTables<FeedbackTables>();
    await loadQuangNinhAgencies(t.ctx.db);
    await loadFeedbackCategories(t.ctx.db);
    const result = await load();
    expect(result).toMatchObject({ reports: COUNT, skipped: false });
  });
  afterAll(async () => t.close());

  it('loads the count asked for, each with its reporter, over the year up to now', async () => {
    const rows = await sql<{ reports: number; reporters: number; first: Date; last: Date }>`
      SELECT (SELECT count(*) FROM feedback_report) AS reports,
             (SELECT count(*) FROM feedback_reporter) AS reporters,
             (SELECT min(submitted_at) FROM feedback_report) AS first,
             (SELECT max(submitted_at) FROM feedback_report) AS last
    `.execute(db);
    const { reports, reporters, first, last } = rows.rows[0]!;
    expect(reports).toBe(COUNT);
    expect(reporters).toBe(COUNT);
    expect(last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(NOW.getTime() - first.getTime()).toBeGreaterThan(330 * 86_400_000);
    expect(NOW.getTime() - first.getTime()).toBeLessThanOrEqual(366 * 86_400_000);
  });

  it('puts every point inside the boundary of its commune', async () => {
    const rows = await sql<{ outside: number; mismatched: number }>`
      SELECT count(*) FILTER (WHERE NOT ST_Covers(c.boundary, r.location::geometry)) AS outside,
             count(*) FILTER (WHERE abs(ST_X(r.location::geometry) - r.lon) > 1e-9
                               OR abs(ST_Y(r.location::geometry) - r.lat) > 1e-9) AS mismatched
      FROM feedback_report r JOIN admin_commune c ON c.code = r.commune_code
    `.execute(db);
    expect(rows.rows[0]).toEqual({ outside: 0, mismatched: 0 });
  });

  it('keeps statuses and timestamps consistent', async () => {
    const rows = await sql<Record<string, number>>`
      SELECT
        count(*) FILTER (WHERE (closed_at IS NOT NULL)
          <> (status IN ('resolved','rejected','duplicate'))) AS closed_mismatch,
        count(*) FILTER (WHERE answered_at > closed_at) AS answered_after_closed,
        count(*) FILTER (WHERE deadline_at <= submitted_at) AS deadline_not_after,
        count(*) FILTER (WHERE received_at < submitted_at) AS received_before,
        count(*) FILTER (WHERE (received_at IS NULL) <> (status = 'new')) AS received_mismatch,
        count(*) FILTER (WHERE status = 'resolved' AND answered_at IS NULL) AS resolved_unanswered,
        count(*) FILTER (WHERE (duplicate_of_id IS NOT NULL) <> (status = 'duplicate')) AS dup_mismatch,
        count(*) FILTER (WHERE (rating IS NULL) <> (rated_at IS NULL)) AS rating_mismatch,
        count(*) FILTER (WHERE rating IS NOT NULL AND status <> 'resolved' AND reopen_count = 0) AS rated_unresolved,
        count(*) FILTER (WHERE (escalated_at IS NULL) <> (escalation_level = 0)) AS escalation_mismatch,
        count(*) FILTER (WHERE updated_at > ${NOW} OR updated_at < submitted_at) AS updated_out
      FROM feedback_report
    `.execute(db);
    for (const [check, n] of Object.entries(rows.rows[0]!)) expect(n, check).toBe(0);
  });

  it('tells a believable year: mostly resolved, ~85% in time, some late, rated, escalated', async () => {
    const rows = await sql<{ status: string; n: number }>`
      SELECT status, count(*) AS n FROM feedback_report GROUP BY status
    `.execute(db);
    const by = Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
    expect(by.resolved! / COUNT).toBeGreaterThan(0.75);
    expect(by.rejected! / COUNT).toBeGreaterThan(0.02);
    expect(by.duplicate! / COUNT).toBeGreaterThan(0.01);
    expect((by.new ?? 0) + (by.received ?? 0) + (by.in_progress ?? 0)).toBeGreaterThan(0);

    const stats = await sql<Record<string, number>>`
      SELECT
        avg((answered_at <= deadline_at)::int) FILTER (WHERE answered_at IS NOT NULL) AS in_time,
        avg((rating IS NOT NULL)::int) FILTER (WHERE status = 'resolved') AS rated,
        avg((rating = 'satisfied')::int) FILTER (WHERE rating IS NOT NULL) AS satisfied,
        count(*) FILTER (WHERE escalation_level > 0) AS escalated,
        count(*) FILTER (WHERE status IN ('new','received','in_progress') AND deadline_at < ${NOW}) AS overdue,
        avg(anonymous::int) AS anonymous
      FROM feedback_report
    `.execute(db);
    const s = stats.rows[0]!;
    expect(Number(s.inTime)).toBeGreaterThan(0.78);
    expect(Number(s.inTime)).toBeLessThan(0.93);
    expect(Number(s.rated)).toBeGreaterThan(0.5);
    expect(Number(s.rated)).toBeLessThan(0.7);
    expect(Number(s.satisfied)).toBeGreaterThan(0.7);
    expect(Number(s.satisfied)).toBeLessThan(0.9);
    expect(s.escalated).toBeGreaterThan(0);
    expect(s.overdue).toBeGreaterThan(0);
    expect(Number(s.anonymous)).toBeGreaterThan(0.08);
    expect(Number(s.anonymous)).toBeLessThan(0.25);

    // Escalations go to the provincial People's Committee, only for late or unanswered reports.
    const escalations = await sql<{ target: string; early: number }>`
      SELECT DISTINCT a.code AS target,
        count(*) FILTER (WHERE r.answered_at IS NOT NULL AND r.answered_at <= r.deadline_at
                           AND r.reopen_count = 0) OVER () AS early
      FROM feedback_report r JOIN agency a ON a.id = r.escalated_agency_id
    `.execute(db);
    expect(escalations.rows).toEqual([{ target: '000.00.00.H49', early: 0 }]);
  });

  it('follows the seasons and the population', async () => {
    const rows = await sql<Record<string, number>>`
      SELECT
        count(*) FILTER (WHERE category_code = 'flooding_drainage' AND m BETWEEN 7 AND 9) AS flood_rainy,
        count(*) FILTER (WHERE category_code = 'flooding_drainage' AND m BETWEEN 1 AND 3) AS flood_dry,
        count(*) FILTER (WHERE category_code IN ('tourism_services','beach_bay') AND m BETWEEN 6 AND 8) AS tourism_summer,
        count(*) FILTER (WHERE category_code IN ('tourism_services','beach_bay') AND m IN (11, 12, 1)) AS tourism_winter,
        count(*) FILTER (WHERE commune_code IN ('06685','06688','06673','06793','06811','06712')) AS big_wards,
        count(*) FILTER (WHERE commune_code IN ('07192','06856','06841')) AS islands_and_hills,
        count(*) FILTER (WHERE category_code = 'beach_bay'
          AND commune_code IN ('06838','06841','06856','06978','06979')) AS beach_in_mountains,
        count(*) FILTER (WHERE d IN (0, 6)) AS weekend,
        count(*) FILTER (WHERE d = 1) AS monday
      FROM (SELECT category_code, commune_code,
              extract(month FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS m,
              extract(dow FROM submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS d
            FROM feedback_report) r
    `.execute(db);
    const s = rows.rows[0]!;
    expect(s.floodRainy).toBeGreaterThan(3 * s.floodDry!);
    expect(s.tourismSummer).toBeGreaterThan(2 * s.tourismWinter!);
    expect(s.bigWards).toBeGreaterThan(5 * s.islandsAndHills!);
    expect(s.beachInMountains).toBe(0);
    expect(s.weekend! / 2).toBeLessThan(s.monday!);
  });

  it('computes deadlines on the working calendar, from submission', async () => {
    const calendar = await loadWorkingCalendar(t.ctx.db, t.ctx.config);
    const rows = await db
      .selectFrom('feedbackReport as r')
      .innerJoin('feedbackCategory as c', 'c.code', 'r.categoryCode')
      .select(['r.submittedAt', 'r.deadlineAt', 'c.deadlineAmount', 'c.deadlineUnit'])
      .where('r.reopenCount', '=', 0)
      .orderBy('r.trackingCode')
      .limit(300)
      .execute();
    expect(rows.length).toBe(300);
    for (const r of rows) {
      const expected =
        r.deadlineUnit === 'working_hours'
          ? calendar.addWorkingHours(r.submittedAt, r.deadlineAmount)
          : calendar.addWorkingDays(r.submittedAt, r.deadlineAmount);
      expect(r.deadlineAt.toISOString()).toBe(expected.toISOString());
    }
  });

  it('answers the questions of the category, and routes by the routing rule', async () => {
    const categories = await db
      .selectFrom('feedbackCategory')
      .select(['code', 'attributes'])
      .execute();
    const questions = new Map(categories.map((c) => [c.code, c.attributes]));
    // Read as text: the database's camelCase plugin would rename the answers' snake_case keys.
    const reports = (
      await sql<{
        trackingCode: string;
        categoryCode: string;
        attributes: string;
        description: string;
        address: string;
        submittedAt: Date;
      }>`
        SELECT tracking_code, category_code, attributes::text AS attributes, description, address,
          submitted_at
        FROM feedback_report
      `.execute(db)
    ).rows.map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as Record<string, unknown> }));
    for (const r of reports) {
      const asked = questions.get(r.categoryCode)!;
      for (const key of Object.keys(r.attributes)) {
        expect(
          asked.map((a) => a.code),
          r.trackingCode,
        ).toContain(key);
      }
      for (const a of asked) {
        const answer = r.attributes[a.code];
        if (a.required) expect(answer, `${r.trackingCode} ${a.code}`).toBeDefined();
        if (answer !== undefined && a.datatype === 'singlevaluelist') {
          expect(a.values!.map((v) => v.key)).toContain(answer);
        }
        if (answer !== undefined && a.datatype === 'number') expect(typeof answer).toBe('number');
      }
      expect(r.description.length).toBeGreaterThan(40);
      expect(r.address).toMatch(/(phường|xã|đặc khu) /);
      expect(normaliseTrackingCode(r.trackingCode)).toBe(r.trackingCode);
      const day = new Date(r.submittedAt.getTime() + 7 * 3_600_000).toISOString().slice(2, 10);
      expect(r.trackingCode.slice(3, 9)).toBe(day.replaceAll('-', ''));
    }

    // Reports never transferred sit where the routing rule sends them.
    const misrouted = await sql<{ n: number }>`
      SELECT count(*) AS n FROM feedback_report r
      WHERE NOT EXISTS (SELECT 1 FROM feedback_history h WHERE h.report_id = r.id AND h.action = 'transferred')
        AND r.agency_id IS DISTINCT FROM coalesce(
          (SELECT agency_id FROM feedback_routing fr WHERE fr.category_code = r.category_code AND fr.commune_code = r.commune_code),
          (SELECT CASE WHEN c.default_level = 'commune' THEN
             (SELECT ac.agency_id FROM agency_commune ac JOIN agency a ON a.id = ac.agency_id
              WHERE ac.commune_code = r.commune_code AND a.kind = 'commune_committee') END
           FROM feedback_category c WHERE c.code = r.category_code),
          (SELECT default_agency_id FROM feedback_category c WHERE c.code = r.category_code))
    `.execute(db);
    expect(misrouted.rows[0]!.n).toBe(0);
    const specialZone = await sql<{ name: string }>`
      SELECT DISTINCT a.name FROM feedback_report r JOIN agency a ON a.id = r.agency_id
      WHERE r.category_code = 'beach_bay' AND r.commune_code = '07192'
    `.execute(db);
    expect(specialZone.rows).toEqual([{ name: 'UBND đặc khu Cô Tô' }]);
  });

  it('records every transition in the history, submission first, ending in the status', async () => {
    const rows = await sql<Record<string, number>>`
      WITH h AS (
        SELECT h.*, row_number() OVER (PARTITION BY report_id ORDER BY id) AS n,
               lag(at) OVER (PARTITION BY report_id ORDER BY id) AS previous_at,
               last_value(to_status) OVER (PARTITION BY report_id ORDER BY (to_status IS NOT NULL), id
                 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_status
        FROM feedback_history h
      )
      SELECT
        count(DISTINCT r.id) FILTER (WHERE h.report_id IS NULL) AS without_history,
        count(*) FILTER (WHERE h.n = 1 AND (h.action <> 'submitted' OR h.to_status <> 'new'
          OR h.at <> r.submitted_at)) AS bad_first,
        count(*) FILTER (WHERE h.at < h.previous_at) AS out_of_order,
        count(*) FILTER (WHERE h.at > ${NOW}) AS in_future,
        count(*) FILTER (WHERE h.n = 1 AND h.last_status <> r.status) AS wrong_last_status,
        count(*) FILTER (WHERE h.to_status IS NOT NULL AND h.visibility <> 'public') AS hidden_status,
        count(*) FILTER (WHERE h.action = 'assigned' AND h.visibility <> 'internal') AS public_note,
        count(*) FILTER (WHERE h.action IN ('answered','resolved','rejected')
          AND (h.message = '' OR h.message LIKE '%{{%')) AS bad_answer,
        count(*) FILTER (WHERE h.action NOT IN ('submitted','received','assigned','started',
          'answered','resolved','rejected','duplicate','transferred','escalated','rated',
          'reopened')) AS unknown_action
      FROM feedback_report r LEFT JOIN h ON h.report_id = r.id
    `.execute(db);
    for (const [check, n] of Object.entries(rows.rows[0]!)) expect(n, check).toBe(0);

    const answer = await sql<{ message: string; name: string }>`
      SELECT h.message, a.name FROM feedback_history h
      JOIN feedback_report r ON r.id = h.report_id JOIN agency a ON a.id = r.agency_id
      WHERE h.action = 'resolved' AND r.category_code = 'streetlight' AND r.reopen_count = 0
        AND h.details ? 'template'
      ORDER BY h.id LIMIT 1
    `.execute(db);
    expect(answer.rows[0]!.message.startsWith(answer.rows[0]!.name)).toBe(true);
  });

  it('makes duplicates of earlier reports of the same kind and place', async () => {
    const rows = await sql<Record<string, number>>`
      SELECT count(*) AS duplicates,
        count(*) FILTER (WHERE o.submitted_at >= d.submitted_at OR o.category_code <> d.category_code
          OR o.commune_code <> d.commune_code OR o.status IN ('rejected','duplicate')
          OR NOT ST_Equals(o.location::geometry, d.location::geometry)) AS bad
      FROM feedback_report d JOIN feedback_report o ON o.id = d.duplicate_of_id
    `.execute(db);
    expect(rows.rows[0]!.duplicates).toBeGreaterThan(0);
    expect(rows.rows[0]!.bad).toBe(0);
  });

  it('keeps reporters fake: example domains only, nothing for the anonymous, hashed secrets', async () => {
    const reporters = await sql<{
      email: string | null;
      name: string | null;
      secretHash: string;
      anonymous: boolean;
    }>`
      SELECT p.email, p.name, p.secret_hash, r.anonymous
      FROM feedback_reporter p JOIN feedback_report r ON r.id = p.report_id
    `.execute(db);
    const emails = reporters.rows.filter((r) => r.email !== null);
    expect(emails.length).toBeGreaterThan(COUNT / 3);
    for (const r of emails) {
      expect(r.email).toMatch(/^[a-z0-9.]+@([a-z0-9-]+\.)*(example|example\.(com|net|org))$/);
    }
    for (const r of reporters.rows) {
      expect(r.secretHash).toMatch(/^[0-9a-f]{64}$/);
      if (r.anonymous) expect([r.name, r.email]).toEqual([null, null]);
      else expect(r.name).not.toBeNull();
    }
    expect(new Set(reporters.rows.map((r) => r.secretHash)).size).toBe(COUNT);
  });

  it('is deterministic: the same seed gives the same codes, another seed others', async () => {
    const before = await codes();
    expect(await load()).toEqual({ reports: 0, historyRows: 0, skipped: true });
    expect(await codes()).toEqual(before);

    await sql`DELETE FROM feedback_report`.execute(db);
    expect((await load()).reports).toBe(COUNT);
    expect(await codes()).toEqual(before);

    await sql`DELETE FROM feedback_report`.execute(db);
    await load(SEED + 1);
    const other = await codes();
    expect(other).toHaveLength(COUNT);
    expect(other.filter((code) => before.includes(code)).length).toBeLessThan(COUNT / 100);
  });
});
