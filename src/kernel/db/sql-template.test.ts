import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/harness';
import { sqlTemplate } from './sql-template';

describe('sqlTemplate', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const distance = sqlTemplate(
    (args: { from: number; to: number; label: string }) =>
      sql<{ label: string; span: number; unit: string }>`
        SELECT ${args.label}::text AS label, ${args.to}::int - ${args.from}::int AS span,
               ${'km'}::text AS unit, ${args.label}::text = ${args.label}::text AS same`,
  );

  it('compiles once and puts each call’s values, and the fixed ones, in their places', async () => {
    const first = distance(t.database.db, { from: 3, to: 10, label: 'Hạ Long' });
    const second = distance(t.database.db, { from: 1, to: 2, label: 'Cẩm Phả' });
    expect(second.sql).toBe(first.sql);
    expect(first.parameters).toEqual(['Hạ Long', 10, 3, 'km', 'Hạ Long', 'Hạ Long']);
    const { rows } = await t.database.db.executeQuery(second);
    expect(rows).toEqual([{ label: 'Cẩm Phả', span: 1, unit: 'km', same: true }]);
  });

  it('gives the same statement a query builder compiles to', () => {
    const byBuilder = (code: string) =>
      t.database.db
        .selectFrom('agency' as never)
        .select('id' as never)
        .where('code' as never, '=', code as never);
    const template = sqlTemplate((args: { code: string }) => byBuilder(args.code));
    const compiled = template(t.database.db, { code: '000.00.00.H49' });
    expect(compiled.sql).toBe(byBuilder('x').compile().sql);
    expect(compiled.parameters).toEqual(['000.00.00.H49']);
  });

  it('fails at once for a builder that reads a value instead of binding it', () => {
    const reads = sqlTemplate((args: { lat: number }) => sql`SELECT ${args.lat.toFixed(3)}`);
    expect(() => reads(t.database.db, { lat: 20.95 })).toThrow();
  });
});
