import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../../src/kernel/forms';
import { draftValues, fieldsById } from './form-draft';

const definition: FormDefinition = {
  version: 1,
  sections: [
    {
      id: 'business',
      title: { vi: 'Hộ kinh doanh', en: 'Household business' },
      fields: [
        { id: 'capital', type: 'money', label: { vi: 'Vốn', en: 'Capital' } },
        { id: 'area', type: 'number', label: { vi: 'Diện tích', en: 'Area' } },
        { id: 'name', type: 'text', label: { vi: 'Tên', en: 'Name' } },
      ],
    },
  ],
};

describe('reading a draft the way it was typed', () => {
  it('reads grouped thousands in a money field as whole đồng', () => {
    for (const typed of ['1.500.000', '1,500,000', '1 500 000', '1500000']) {
      expect(draftValues(definition, { capital: typed }).capital, typed).toBe('1500000');
    }
  });

  it('leaves what is not a grouped amount for the validator to refuse', () => {
    expect(draftValues(definition, { capital: '1.5' }).capital).toBe('1.5');
    expect(draftValues(definition, { capital: '1.500,000' }).capital).toBe('1.500,000');
    expect(draftValues(definition, { capital: '15.00.000' }).capital).toBe('15.00.000');
  });

  it('reads a decimal comma in a number field, and touches text fields not at all', () => {
    expect(draftValues(definition, { area: '2,5' }).area).toBe('2.5');
    expect(draftValues(definition, { name: ' 1.500.000 ' }).name).toBe(' 1.500.000 ');
  });

  it('keeps only the fields the form has', () => {
    expect(draftValues(definition, { name: 'A', stray: 'x' })).toEqual({ name: 'A' });
    expect([...fieldsById(definition).keys()]).toEqual(['capital', 'area', 'name']);
  });
});
