import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { invalidateWorkingCalendar, loadWorkingCalendar } from './calendar-loader';
import { insertCalendarException } from './calendar.queries';

describe('loadWorkingCalendar', () => {
  let test: TestContext;
  beforeAll(async () => {
    test = await createTestContext();
  });
  afterAll(async () => test.close());

  it('builds the calendar from the settings and keeps it in memory', async () => {
    const { db, config } = test.ctx;
    const calendar = await loadWorkingCalendar(db, config);
    expect(calendar.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(calendar.workingDayMs).toBe(8 * 3_600_000);
    expect(calendar.years).toEqual({ from: 2021, to: 2100 });
    expect(await loadWorkingCalendar(db, config)).toBe(calendar);
  });

  it('reads the exceptions again once the cached calendar is invalidated', async () => {
    const { db, config } = test.ctx;
    const before = await loadWorkingCalendar(db, config);
    await insertCalendarException(db, {
      date: '2026-03-14',
      kind: 'working_day',
      name: 'Làm bù',
      nameEn: 'Make-up working day',
      createdBy: null,
    });
    // Until told, the process keeps answering from memory, without the database.
    expect((await loadWorkingCalendar(db, config)).isWorkingDay('2026-03-14')).toBe(false);
    invalidateWorkingCalendar(db);
    const after = await loadWorkingCalendar(db, config);
    expect(after).not.toBe(before);
    expect(after.isWorkingDay('2026-03-14')).toBe(true);
  });

  it('keeps one calendar per setting of working hours', async () => {
    const { db, config } = test.ctx;
    const short = await loadWorkingCalendar(db, { ...config, workingHours: '08:00-12:00' });
    expect(short.workingDayMs).toBe(4 * 3_600_000);
    expect((await loadWorkingCalendar(db, config)).workingDayMs).toBe(8 * 3_600_000);
  });
});
