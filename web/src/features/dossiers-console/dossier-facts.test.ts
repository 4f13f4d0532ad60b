import { describe, expect, it } from 'vitest';
import {
  earlierSteps,
  feesOpen,
  isLate,
  papersOf,
  vietnamInstant,
  vietnamToday,
} from './dossier-facts';
import type { DossierStep, DossierView } from './dossiers-api';

const NOW = new Date('2026-03-10T03:00:00Z'); // 10:00 in Vietnam

describe('lateness', () => {
  it('is past the appointment while running, or finished after it', () => {
    const due = '2026-03-09T10:00:00Z';
    expect(isLate({ status: 'processing', dueAt: due, finishedAt: null }, NOW)).toBe(true);
    expect(
      isLate({ status: 'received', dueAt: '2026-03-11T10:00:00Z', finishedAt: null }, NOW),
    ).toBe(false);
    // Waiting for the applicant's documents, the clock is stopped.
    expect(isLate({ status: 'supplement_requested', dueAt: due, finishedAt: null }, NOW)).toBe(
      false,
    );
    expect(
      isLate({ status: 'resolved', dueAt: due, finishedAt: '2026-03-09T11:00:00Z' }, NOW),
    ).toBe(true);
    expect(
      isLate({ status: 'returned', dueAt: due, finishedAt: '2026-03-09T09:00:00Z' }, NOW),
    ).toBe(false);
    expect(isLate({ status: 'submitted', dueAt: null, finishedAt: null }, NOW)).toBe(false);
  });
});

describe('the papers of a dossier', () => {
  const base = {
    status: 'submitted',
    receivedAt: null,
    dueAt: null,
    supplements: [],
    refusalReason: null,
    apologies: [],
    result: null,
  } as unknown as DossierView;

  it('has none before it is received', () => {
    expect(papersOf(base)).toEqual([]);
  });

  it('has each paper once what it records has happened', () => {
    expect(
      papersOf({
        ...base,
        status: 'resolved',
        receivedAt: '2026-03-01T02:00:00Z',
        dueAt: '2026-03-09T10:00:00Z',
        supplements: [{ requestedAt: '', note: 'x', slots: [], suppliedAt: null }],
        apologies: [{ id: 'a', issuedAt: '', previousDueAt: '', newDueAt: '', reason: 'chậm' }],
        result: { name: 'ket-qua.pdf', signed: true, signedAt: '2026-03-09T09:00:00Z' },
      }),
    ).toEqual(['receipt', 'supplement', 'apology', 'result']);
    expect(papersOf({ ...base, status: 'refused', refusalReason: 'Thiếu giấy tờ' })).toEqual([
      'refusal',
    ]);
  });

  it('says whether fees may still be assessed or taken', () => {
    expect(feesOpen('processing')).toBe(true);
    expect(feesOpen('awaiting_payment')).toBe(true);
    expect(feesOpen('returned')).toBe(false);
    expect(feesOpen('refused')).toBe(false);
  });
});

describe('the steps a dossier may be sent back to', () => {
  const step = (stepNo: number, status: DossierStep['status'], name = `Bước ${stepNo}`) =>
    ({ stepNo, name, status, agencyName: 'UBND phường Hạ Long' }) as DossierStep;

  it('are those after reception and before the active one, once each', () => {
    const steps = [
      step(0, 'done', 'Tiếp nhận'),
      step(1, 'done', 'Thẩm định'),
      step(2, 'returned', 'Phê duyệt'),
      step(1, 'done', 'Thẩm định'),
      step(2, 'done', 'Phê duyệt'),
      step(3, 'active', 'Ký'),
    ];
    expect(earlierSteps(steps).map((s) => [s.stepNo, s.name])).toEqual([
      [1, 'Thẩm định'],
      [2, 'Phê duyệt'],
    ]);
    expect(earlierSteps([step(0, 'done'), step(1, 'active')])).toEqual([]);
    expect(earlierSteps([step(0, 'done')])).toEqual([]);
  });
});

describe('an appointment typed on Vietnam’s clock', () => {
  it('is the instant seven hours earlier in UTC', () => {
    expect(vietnamInstant('2026-03-12', '17:00')).toBe('2026-03-12T10:00:00.000Z');
    expect(vietnamInstant('2026-03-12', '06:30')).toBe('2026-03-11T23:30:00.000Z');
  });

  it('is nothing when the day or the time is missing or impossible', () => {
    expect(vietnamInstant('', '17:00')).toBeNull();
    expect(vietnamInstant('2026-03-12', '')).toBeNull();
    expect(vietnamInstant('2026-02-30', '08:00')).toBeNull();
    expect(vietnamInstant('2026-03-12', '24:00')).toBeNull();
  });

  it('knows today in Vietnam when the UTC date is still yesterday', () => {
    expect(vietnamToday(new Date('2026-03-09T18:30:00Z'))).toBe('2026-03-10');
    expect(vietnamToday(NOW)).toBe('2026-03-10');
  });
});
