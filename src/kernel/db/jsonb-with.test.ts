import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/harness';
import { jsonbWith } from './jsonb-with';

describe('jsonbWith', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.drop());

  const valueOf = async (json: CompiledQuery) => {
    const query = CompiledQuery.raw(`SELECT ${json.sql} AS value`, [...json.parameters]);
    return (await t.database.db.executeQuery<{ value: unknown }>(query)).rows[0]!.value;
  };

  it('adds keys computed by SQL, with their own parameters, to the given object', async () => {
    const json = jsonbWith(
      { trackingCode: 'PA-260302-ABCDE', message: null },
      {
        agencyId: CompiledQuery.raw(`(SELECT 'ubnd-ha-long'::text)`),
        communeCode: CompiledQuery.raw('(SELECT $1::text || $2::text)', ['066', '88']),
      },
    );
    expect(await valueOf(json)).toEqual({
      trackingCode: 'PA-260302-ABCDE',
      message: null,
      agencyId: 'ubnd-ha-long',
      communeCode: '06688',
    });
  });

  it('is the object alone when nothing is computed', async () => {
    expect(await valueOf(jsonbWith({ tên: 'Hạ Long' }, {}))).toEqual({ tên: 'Hạ Long' });
  });
});
