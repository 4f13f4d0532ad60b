import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/harness';
import { StatementCounter } from './prepared-statements';

describe('the statement counter', () => {
  it('names a text on its fifth run, and the same name ever after', () => {
    const counter = new StatementCounter(5);
    const text = 'SELECT $1::int AS n';
    const names = Array.from({ length: 7 }, () => counter.nameFor(text));
    expect(names.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(names[4]).toMatch(/^tinhso_[0-9a-f]{20}$/);
    expect(names[5]).toBe(names[4]);
    expect(names[6]).toBe(names[4]);
    expect(counter.nameFor('SELECT $1::text AS other')).toBeUndefined();
  });

  it('gives different texts different names', () => {
    const counter = new StatementCounter(1);
    expect(counter.nameFor('SELECT $1::int')).not.toBe(counter.nameFor('SELECT $1::bigint'));
  });

  it('never names anything at threshold 0', () => {
    const counter = new StatementCounter(0);
    const names = Array.from({ length: 20 }, () => counter.nameFor('SELECT $1::int'));
    expect(names.every((name) => name === undefined)).toBe(true);
  });
});

describe('statements run again and again', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  it('give the same answers, and on PostgreSQL become prepared statements', async () => {
    const { db } = t.database;
    const answers = await db.connection().execute(async (connection) => {
      const sums: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const row = await sql<{ sum: number }>`SELECT ${i}::int + 40 AS sum`.execute(connection);
        sums.push(row.rows[0]!.sum);
      }
      const prepared =
        t.database.kind === 'postgres'
          ? (
              await sql<{ name: string; statement: string }>`
                SELECT name, statement FROM pg_prepared_statements`.execute(connection)
            ).rows
          : [];
      return { sums, prepared };
    });
    expect(answers.sums).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    // Only PostgreSQL prepares; the embedded database runs every statement as it comes.
    if (t.database.kind === 'postgres') {
      expect(answers.prepared).toEqual([
        { name: expect.stringMatching(/^tinhso_/), statement: 'SELECT $1::int + 40 AS sum' },
      ]);
    }
  });
});
