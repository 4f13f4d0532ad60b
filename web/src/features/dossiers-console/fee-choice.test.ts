import { describe, expect, it } from 'vitest';
import { assessedChoice, choiceLines, choiceTotal } from './fee-choice';
import type { DossierFees } from './dossiers-api';

const SCHEDULE: DossierFees['schedule'] = [
  { index: 0, kind: 'LE_PHI', description: 'Lệ phí đăng ký khai sinh', amount: 0 },
  { index: 1, kind: 'PHI', description: 'Phí cấp bản sao trích lục', amount: 8000 },
];

describe('the desk’s choice of fees', () => {
  it('starts from the saved lines not yet paid', () => {
    const fees = {
      lines: [
        { scheduleIndex: 1, quantity: 3, status: 'due' },
        { scheduleIndex: 0, quantity: 1, status: 'waived' },
      ],
    } as unknown as DossierFees;
    expect(assessedChoice(fees)).toEqual({
      0: { chosen: true, quantity: '1' },
      1: { chosen: true, quantity: '3' },
    });
    expect(
      assessedChoice({ lines: [{ scheduleIndex: 1, quantity: 2, status: 'paid' }] } as never),
    ).toEqual({});
  });

  it('sends the chosen entries in the schedule’s order with whole quantities', () => {
    const choice = {
      1: { chosen: true, quantity: ' 2 ' },
      0: { chosen: true, quantity: '1' },
      5: { chosen: false, quantity: 'x' },
    };
    expect(choiceLines(choice)).toEqual({
      lines: [
        { index: 0, quantity: 1 },
        { index: 1, quantity: 2 },
      ],
      invalid: [],
    });
    expect(choiceTotal(choice, SCHEDULE)).toBe(16000);
  });

  it('names the entries whose quantity is not 1 to 1000', () => {
    const choice = {
      0: { chosen: true, quantity: '0' },
      1: { chosen: true, quantity: '1.5' },
      2: { chosen: true, quantity: '1001' },
      3: { chosen: true, quantity: '' },
      4: { chosen: true, quantity: '1000' },
    };
    expect(choiceLines(choice)).toEqual({
      lines: [{ index: 4, quantity: 1000 }],
      invalid: [0, 1, 2, 3],
    });
  });

  it('comes to nothing when nothing is chosen (the dossier owes nothing)', () => {
    expect(choiceLines({})).toEqual({ lines: [], invalid: [] });
    expect(choiceTotal({}, SCHEDULE)).toBe(0);
  });
});
