import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/harness';
import { shiftPlaceholders } from './placeholders';
import { StatementBatch } from './statement-batch';

describe('shiftPlaceholders', () => {
  it('renumbers placeholders and leaves quoted text alone', () => {
    expect(shiftPlaceholders(`SELECT $1, '$1', "a$2", $10`, 3)).toBe(`SELECT $4, '$1', "a$2", $13`);
    expect(shiftPlaceholders(`SELECT 'it''s $1', $2`, 1)).toBe(`SELECT 'it''s $1', $3`);
  });
});

describe('a statement batch', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`CREATE TABLE batch_place (code text PRIMARY KEY, label text NOT NULL)`.execute(
      t.database.db,
    );
    await sql`CREATE TABLE batch_note (id serial PRIMARY KEY, place text NOT NULL, body text)`.execute(
      t.database.db,
    );
    await sql`INSERT INTO batch_place VALUES ('hl', 'Hạ Long'), ('cp', 'Cẩm Phả')`.execute(
      t.database.db,
    );
  });
  afterAll(async () => t?.drop());
  beforeEach(async () => {
    await sql`DELETE FROM batch_note`.execute(t.database.db);
  });

  const notes = async () =>
    (
      await sql<{ place: string; body: string }>`
        SELECT place, body FROM batch_note ORDER BY id`.execute(t.database.db)
    ).rows;

  /** Two notes whose place comes from a named clause, and its label as the result. */
  const placedBatch = (code: string) =>
    new StatementBatch(t.database.db)
      .with('placed', sql`SELECT code, label FROM batch_place WHERE code = ${code}`)
      .add(sql`INSERT INTO batch_note (place, body) VALUES ((SELECT code FROM placed), ${'một'})`)
      .add(sql`INSERT INTO batch_note (place, body) VALUES ((SELECT code FROM placed), ${'hai'})`)
      .returning(sql`SELECT label FROM placed`);

  it('writes with values from a named clause and returns rows computed from it', async () => {
    const rows = await placedBatch('cp').execute<{ label: string }>();
    expect(rows).toEqual([{ label: 'Cẩm Phả' }]);
    // The statements of a batch run in an order of the database's choosing.
    expect(await notes()).toEqual(
      expect.arrayContaining([
        { place: 'cp', body: 'một' },
        { place: 'cp', body: 'hai' },
      ]),
    );
    expect(await notes()).toHaveLength(2);
  });

  it('writes nothing when a statement fails on a value the clause did not find', async () => {
    await expect(placedBatch('nowhere').execute()).rejects.toMatchObject({ code: '23502' });
    expect(await notes()).toEqual([]);
  });

  it('returns the result rows, or none when the result is empty', async () => {
    const found = await new StatementBatch(t.database.db)
      .add(sql`INSERT INTO batch_note (place, body) VALUES ('hl', 'ba')`)
      .returning(sql`SELECT code FROM batch_place WHERE code = 'hl'`)
      .execute<{ code: string }>();
    expect(found).toEqual([{ code: 'hl' }]);
    const none = await new StatementBatch(t.database.db)
      .add(sql`INSERT INTO batch_note (place, body) VALUES ('hl', 'bốn')`)
      .returning(sql`SELECT code FROM batch_place WHERE false`)
      .execute();
    expect(none).toEqual([]);
    expect((await notes()).map((note) => note.body)).toEqual(['ba', 'bốn']);
  });

  it('returns nothing without a result query', async () => {
    const rows = await new StatementBatch(t.database.db)
      .add(sql`INSERT INTO batch_note (place, body) VALUES ('hl', 'năm')`)
      .execute();
    expect(rows).toEqual([]);
    expect(await notes()).toHaveLength(1);
  });

  it('refuses a clause name that could clash with its statements', () => {
    const batch = new StatementBatch(t.database.db);
    expect(() => batch.with('s1', sql`SELECT 1`)).toThrow(/name/);
    expect(() => batch.with('Placed; DROP', sql`SELECT 1`)).toThrow(/name/);
  });
});
