import { describe, expect, it } from 'vitest';
import { conditionHolds, fieldApplies, fieldRequired, isGiven } from './conditions';
import type { FormField, FormSection } from './form-definition';

describe('conditionHolds', () => {
  it('compares strictly: the text "1" is not the number 1, "true" is not true', () => {
    expect(conditionHolds({ field: 'members', equals: 1 }, { members: 1 })).toBe(true);
    expect(conditionHolds({ field: 'members', equals: 1 }, { members: '1' })).toBe(false);
    expect(conditionHolds({ field: 'poor', equals: true }, { poor: true })).toBe(true);
    expect(conditionHolds({ field: 'poor', equals: true }, { poor: 'true' })).toBe(false);
    expect(conditionHolds({ field: 'poor', equals: false }, { poor: false })).toBe(true);
    expect(conditionHolds({ field: 'poor', equals: false }, {})).toBe(false);
  });

  it('reads `in` as one of the listed values', () => {
    const grandparentOrRelative = { field: 'relation', in: ['grandparent', 'relative'] };
    expect(conditionHolds(grandparentOrRelative, { relation: 'relative' })).toBe(true);
    expect(conditionHolds(grandparentOrRelative, { relation: 'parent' })).toBe(false);
    expect(conditionHolds(grandparentOrRelative, {})).toBe(false);
  });

  it('on a list of ticked options, holds when one of them matches', () => {
    const values = { damage: ['house', 'crops'] };
    expect(conditionHolds({ field: 'damage', equals: 'crops' }, values)).toBe(true);
    expect(conditionHolds({ field: 'damage', equals: 'other' }, values)).toBe(false);
    expect(conditionHolds({ field: 'damage', in: ['other', 'house'] }, values)).toBe(true);
  });

  it('calls a value filled unless missing, null, blank or an empty list', () => {
    for (const empty of [undefined, null, '', '   ', []]) {
      expect(conditionHolds({ field: 'x', filled: true }, { x: empty })).toBe(false);
      expect(conditionHolds({ field: 'x', filled: false }, { x: empty })).toBe(true);
      expect(isGiven(empty)).toBe(false);
    }
    for (const given of [0, false, 'a', ['a']]) {
      expect(conditionHolds({ field: 'x', filled: true }, { x: given })).toBe(true);
    }
  });

  it('combines with all, any and not', () => {
    const notParent = {
      all: [{ field: 'relation', filled: true }, { not: { field: 'relation', equals: 'parent' } }],
    };
    expect(conditionHolds(notParent, {})).toBe(false);
    expect(conditionHolds(notParent, { relation: 'parent' })).toBe(false);
    expect(conditionHolds(notParent, { relation: 'grandparent' })).toBe(true);
    const either = {
      any: [
        { field: 'a', equals: 1 },
        { field: 'b', equals: 2 },
      ],
    };
    expect(conditionHolds(either, { b: 2 })).toBe(true);
    expect(conditionHolds(either, { a: 2, b: 1 })).toBe(false);
  });

  it('finds no value on Object.prototype', () => {
    expect(conditionHolds({ field: 'constructor', filled: true }, {})).toBe(false);
    expect(conditionHolds({ field: 'toString', filled: false }, {})).toBe(true);
  });
});

describe('fieldApplies and fieldRequired', () => {
  const label = { vi: 'Nhãn', en: 'Label' };
  const reason: FormField = {
    id: 'reason',
    type: 'text',
    label,
    showIf: { field: 'late', equals: true },
    required: { field: 'days_late', filled: true },
  };
  const section: FormSection = {
    id: 'late_registration',
    title: label,
    showIf: { field: 'kind', equals: 'birth' },
    fields: [reason],
  };

  it('needs both the section and the field to apply', () => {
    expect(fieldApplies(section, reason, { kind: 'birth', late: true })).toBe(true);
    expect(fieldApplies(section, reason, { kind: 'death', late: true })).toBe(false);
    expect(fieldApplies(section, reason, { kind: 'birth', late: false })).toBe(false);
  });

  it('reads required as always, never or when its condition holds', () => {
    expect(fieldRequired(reason, { days_late: 3 })).toBe(true);
    expect(fieldRequired(reason, {})).toBe(false);
    expect(fieldRequired({ ...reason, required: true }, {})).toBe(true);
    expect(fieldRequired({ ...reason, required: undefined }, { days_late: 3 })).toBe(false);
  });
});
