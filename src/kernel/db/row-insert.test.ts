import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Generated } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/harness';
import { rowInsert, snakeCase } from './row-insert';

type Tables = {
  rowProbe: {
    id: Generated<number>;
    placeCode: string;
    note: string | null;
    createdAt: Date;
    open311Token: string | null;
  };
};

describe('rowInsert', () => {
  let t: TestDatabase;
  const db = () => t.database.db.withTables<Tables>();
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`CREATE TABLE row_probe (id serial PRIMARY KEY, place_code text NOT NULL UNIQUE,
      note text, created_at timestamptz NOT NULL, open311_token text)`.execute(t.database.db);
  });
  afterAll(async () => t?.drop());

  it('names columns as the camel-case plugin does', () => {
    expect(snakeCase('rowProbe')).toBe('row_probe');
    expect(snakeCase('open311Token')).toBe('open311_token');
    expect(snakeCase('id')).toBe('id');
  });

  it('writes the same statement Kysely would, leaving out undefined columns', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const direct = rowInsert(db(), 'rowProbe', {
      placeCode: 'hl',
      note: undefined,
      createdAt: at,
      open311Token: null,
    });
    const built = db()
      .insertInto('rowProbe')
      .values({ placeCode: 'hl', note: undefined, createdAt: at, open311Token: null })
      .compile();
    expect(direct.sql).toBe(built.sql);
    expect(direct.parameters).toEqual(built.parameters);
  });

  it('places SQL values with their own parameters renumbered, and a suffix after', async () => {
    const query = rowInsert(
      db(),
      'rowProbe',
      {
        placeCode: sql<string>`lower(${'CP'})`,
        note: 'Cẩm Phả',
        createdAt: sql<Date>`${'2026-03-02T02:00:00Z'}::timestamptz`,
      },
      'ON CONFLICT (place_code) DO NOTHING',
    );
    expect(query.sql).toBe(
      'insert into "row_probe" ("place_code", "note", "created_at") values (lower($1), $2, $3::timestamptz) ON CONFLICT (place_code) DO NOTHING',
    );
    expect(query.parameters).toEqual(['CP', 'Cẩm Phả', '2026-03-02T02:00:00Z']);
    await t.database.db.executeQuery(query);
    await t.database.db.executeQuery(query);
    const rows = await db()
      .selectFrom('rowProbe')
      .select(['placeCode', 'note', 'createdAt'])
      .execute();
    expect(rows).toEqual([
      { placeCode: 'cp', note: 'Cẩm Phả', createdAt: new Date('2026-03-02T02:00:00Z') },
    ]);
  });
});
