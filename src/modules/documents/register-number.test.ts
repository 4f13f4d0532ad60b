import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { createTestAgencies } from '../../kernel/auth/testing';
import { documentsDb, type DocumentsDb } from './documents-db';
import { codeNotation, numberAndNotation } from './notation';
import { formatDocumentNumber, registerYear, takeRegisterNumber } from './register-number';

describe('register numbers', () => {
  let test: TestContext;
  let db: DocumentsDb;
  let registerId: string;

  beforeAll(async () => {
    test = await createTestContext();
    db = documentsDb(test.ctx);
    const agencies = await createTestAgencies(test.ctx, 'N');
    const register = await db
      .insertInto('documentRegister')
      .values({
        agencyId: agencies.communeA,
        direction: 'outgoing',
        code: 'VBDI',
        name: 'Sổ văn bản đi',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    registerId = register.id;
  }, 120_000);
  afterAll(() => test?.close());

  it('gives concurrent registrations every number once, none skipped', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction().execute((trx) => takeRegisterNumber(trx, registerId, 2026)),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('gives back the number of a registration that failed', async () => {
    const failing = db.transaction().execute(async (trx) => {
      const number = await takeRegisterNumber(trx, registerId, 2026);
      expect(number).toBe(41);
      throw new Error('the registration could not be saved');
    });
    await expect(failing).rejects.toThrow('could not be saved');
    const next = await db.transaction().execute((trx) => takeRegisterNumber(trx, registerId, 2026));
    expect(next).toBe(41);
  });

  it('restarts at 01 on 1 January in Vietnam, while the old year keeps its count', async () => {
    const lastMinuteOf2026 = new Date('2026-12-31T16:59:59Z'); // 23:59:59 in Hà Nội
    const firstMinuteOf2027 = new Date('2026-12-31T17:00:00Z'); // 00:00:00 on 1 January
    expect(registerYear(lastMinuteOf2026, 'Asia/Ho_Chi_Minh')).toBe(2026);
    expect(registerYear(firstMinuteOf2027, 'Asia/Ho_Chi_Minh')).toBe(2027);
    const year2027 = registerYear(firstMinuteOf2027, 'Asia/Ho_Chi_Minh');
    expect(await takeRegisterNumber(db, registerId, year2027)).toBe(1);
    expect(await takeRegisterNumber(db, registerId, year2027)).toBe(2);
    expect(await takeRegisterNumber(db, registerId, 2026)).toBe(42);
  });

  it('counts each register on its own', async () => {
    const other = await db
      .insertInto('documentRegister')
      .values({
        agencyId: (
          await db.selectFrom('documentRegister').select('agencyId').executeTakeFirstOrThrow()
        ).agencyId,
        direction: 'incoming',
        code: 'VBDEN',
        name: 'Sổ văn bản đến',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await takeRegisterNumber(db, other.id, 2026)).toBe(1);
  });
});

describe('number and notation', () => {
  it('writes numbers below 10 with a leading zero', () => {
    expect([1, 9, 10, 123].map(formatDocumentNumber)).toEqual(['01', '09', '10', '123']);
    expect(() => formatDocumentNumber(0)).toThrow();
  });

  it('writes a typed document as number/type-issuer and a công văn as number/issuer-unit', () => {
    expect(
      numberAndNotation({ number: 15, typeAbbreviation: 'QĐ', issuerAbbreviation: 'UBND' }),
    ).toBe('15/QĐ-UBND');
    expect(
      numberAndNotation({
        number: 7,
        typeAbbreviation: null,
        issuerAbbreviation: 'UBND',
        unitAbbreviation: 'VP',
      }),
    ).toBe('07/UBND-VP');
    // A typed document's notation does not carry the drafting unit.
    expect(
      codeNotation({ typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', unitAbbreviation: 'VP' }),
    ).toBe('KH-UBND');
  });
});
