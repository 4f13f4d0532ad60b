import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/support/harness';
import type { FeedbackTables } from '../src/modules/feedback';
import {
  loadFeedbackCategories,
  readFeedbackCategories,
  responsibleAgencyId,
  responsibleAgencySql,
  routingMatrix,
  type FeedbackDb,
} from './feedback-categories';
import { demoCommuneCommitteeId, loadQuangNinhAgencies } from './quang-ninh-agencies';

const VAN_DON = '06994';
const CO_TO = '07192';
const BAI_CHAY = '06673';
const HA_LONG = '06688';
const MONG_DUONG = '06760';
const SO_VHTTDL = '000.00.08.H49';
const SO_NNMT = '000.00.05.H49';

describe('feedback categories file', () => {
  const file = readFeedbackCategories();

  it('has about fifteen categories with unique snake_case codes, in both languages', () => {
    expect(file.categories.length).toBeGreaterThanOrEqual(14);
    const codes = file.categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of file.categories) {
      expect(c.code).toMatch(/^[a-z0-9_]{2,40}$/);
      for (const text of [c.name, c.nameEn, c.group, c.groupEn, c.description, c.descriptionEn]) {
        expect(text.trim().length, c.code).toBeGreaterThan(0);
      }
      expect(c.keywords.length, c.code).toBeGreaterThan(2);
      expect(c.deadline.amount, c.code).toBeGreaterThan(0);
    }
  });

  it('gives urgent matters working hours and the rest working days', () => {
    const byCode = new Map(file.categories.map((c) => [c.code, c]));
    expect(byCode.get('flooding_drainage')!.deadline).toEqual({ amount: 8, unit: 'working_hours' });
    expect(byCode.get('public_security')!.deadline.unit).toBe('working_hours');
    expect(byCode.get('public_security')!.allowAnonymous).toBe(true);
    expect(byCode.get('streetlight')!.deadline).toEqual({ amount: 3, unit: 'working_days' });
    expect(byCode.get('tourism_services')).toMatchObject({
      defaultLevel: 'province',
      defaultAgencyCode: SO_VHTTDL,
    });
    for (const c of file.categories) {
      expect(c.defaultLevel === 'province', c.code).toBe(c.defaultAgencyCode !== null);
    }
  });

  it('asks well-formed questions and offers two or three answer templates', () => {
    for (const c of file.categories) {
      const codes = c.attributes.map((a) => a.code);
      expect(new Set(codes).size, c.code).toBe(codes.length);
      for (const a of c.attributes) {
        expect(a.code).toMatch(/^[a-z0-9_]+$/);
        expect(a.label && a.labelEn, `${c.code}.${a.code}`).toBeTruthy();
        if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
          expect(a.values!.length, `${c.code}.${a.code}`).toBeGreaterThanOrEqual(2);
          for (const v of a.values!) expect(v.key && v.name && v.nameEn).toBeTruthy();
        } else {
          expect(a.values, `${c.code}.${a.code}`).toBeUndefined();
        }
      }
      expect(c.answerTemplates.length, c.code).toBeGreaterThanOrEqual(2);
      expect(c.answerTemplates.length, c.code).toBeLessThanOrEqual(3);
      for (const t of c.answerTemplates) {
        expect(t.title.length).toBeGreaterThan(0);
        const placeholders = [...t.body.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
        expect(placeholders).toContain('agency');
        for (const p of placeholders) expect(['agency', 'commune', 'code', 'date']).toContain(p);
      }
    }
    const streetlight = file.categories.find((c) => c.code === 'streetlight')!;
    expect(streetlight.attributes.find((a) => a.code === 'pole_number')).toMatchObject({
      datatype: 'string',
      required: false,
    });
    expect(streetlight.attributes.find((a) => a.code === 'lights_out')).toMatchObject({
      datatype: 'singlevaluelist',
      required: true,
    });
  });
});

describe('loading the categories and the routing rule', () => {
  let t: TestContext;
  let db: FeedbackDb;
  let agencies: Map<string, string>;
  const file = readFeedbackCategories();

  beforeAll(async () => {
    t = await createTestContext();
    db = t.ctx.db.withTables<FeedbackTables>();
    agencies = await loadQuangNinhAgencies(t.ctx.db);
  });
  afterAll(async () => t.close());

  it('loads twice without duplicates or changes, every default agency resolved', async () => {
    expect(await loadFeedbackCategories(t.ctx.db)).toEqual({
      categories: file.categories.length,
      routingCells: file.routing.length,
    });
    const first = await db.selectFrom('feedbackCategory').selectAll().orderBy('code').execute();
    expect(await loadFeedbackCategories(t.ctx.db)).toEqual({
      categories: file.categories.length,
      routingCells: file.routing.length,
    });
    const second = await db.selectFrom('feedbackCategory').selectAll().orderBy('code').execute();
    expect(second).toEqual(first);
    expect(second).toHaveLength(file.categories.length);
    const cells = await sql<{ n: number }>`SELECT count(*) AS n FROM feedback_routing`.execute(db);
    expect(cells.rows[0]!.n).toBe(file.routing.length);

    const resolved = await sql<{ code: string; defaultLevel: string; agencyCode: string | null }>`
      SELECT c.code, c.default_level, a.code AS agency_code
      FROM feedback_category c LEFT JOIN agency a ON a.id = c.default_agency_id
      ORDER BY c.code
    `.execute(db);
    const expected = new Map(file.categories.map((c) => [c.code, c.defaultAgencyCode]));
    for (const row of resolved.rows) {
      expect(row.agencyCode, row.code).toBe(expected.get(row.code));
      if (row.defaultLevel === 'province') expect(row.agencyCode, row.code).not.toBeNull();
    }
    const tourism = second.find((c) => c.code === 'tourism_services')!;
    expect(tourism.defaultAgencyId).toBe(agencies.get(SO_VHTTDL));
    expect(tourism.attributes.map((a) => a.code)).toContain('amount_charged');
    expect(tourism.allowAnonymous).toBe(false);
  });

  it('sends beach and bay reports in the special zones to their own committee', async () => {
    const vanDon = await demoCommuneCommitteeId(t.ctx.db, VAN_DON);
    const coTo = await demoCommuneCommitteeId(t.ctx.db, CO_TO);
    expect(vanDon).toBeDefined();
    expect(await responsibleAgencyId(db, 'beach_bay', VAN_DON)).toBe(vanDon);
    expect(await responsibleAgencyId(db, 'beach_bay', CO_TO)).toBe(coTo);
    // Elsewhere on the coast: the category's provincial body.
    expect(await responsibleAgencyId(db, 'beach_bay', BAI_CHAY)).toBe(agencies.get(SO_NNMT));
  });

  it("sends commune-level categories to the commune's committee, provincial ones to the body", async () => {
    const haLong = await demoCommuneCommitteeId(t.ctx.db, HA_LONG);
    expect(await responsibleAgencyId(db, 'streetlight', HA_LONG)).toBe(haLong);
    expect(await responsibleAgencyId(db, 'flooding_drainage', VAN_DON)).toBe(
      await demoCommuneCommitteeId(t.ctx.db, VAN_DON),
    );
    expect(await responsibleAgencyId(db, 'tourism_services', CO_TO)).toBe(agencies.get(SO_VHTTDL));
    // A commune-level category with a matrix cell: pollution from the coal mines.
    expect(await responsibleAgencyId(db, 'environment_pollution', MONG_DUONG)).toBe(
      agencies.get(SO_NNMT),
    );
    expect(await responsibleAgencyId(db, 'environment_pollution', HA_LONG)).toBe(haLong);
    expect(await responsibleAgencyId(db, 'no_such_category', HA_LONG)).toBeNull();
  });

  it('lets a cell an administrator sets win over the default, in the set-based form too', async () => {
    const construction = agencies.get('000.00.04.H49')!;
    await db
      .insertInto('feedbackRouting')
      .values({ categoryCode: 'road_pavement', communeCode: HA_LONG, agencyId: construction })
      .execute();
    expect(await responsibleAgencyId(db, 'road_pavement', HA_LONG)).toBe(construction);

    const matrix = await routingMatrix(db, '22');
    expect(matrix.size).toBe(file.categories.length * 54);
    expect(matrix.get(`road_pavement|${HA_LONG}`)).toBe(construction);
    expect(matrix.get(`beach_bay|${CO_TO}`)).toBe(await demoCommuneCommitteeId(t.ctx.db, CO_TO));

    // The same expression over columns, as a module query would use it.
    const reports = await sql<{ agencyId: string | null }>`
      SELECT ${responsibleAgencySql(sql.ref<string>('x.category'), sql.ref<string>('x.commune'))} AS agency_id
      FROM (VALUES ('road_pavement', ${HA_LONG}), ('road_pavement', ${BAI_CHAY})) AS x(category, commune)
    `.execute(db);
    expect(reports.rows.map((r) => r.agencyId)).toEqual([
      construction,
      await demoCommuneCommitteeId(t.ctx.db, BAI_CHAY),
    ]);
  });
});
