import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../../../src/kernel/forms';
import { formValueSections, hasCommuneField, type ValueWords } from './form-values';

const text = (vi: string, en = vi) => ({ vi, en });

const FORM: FormDefinition = {
  version: 1,
  sections: [
    {
      id: 'child',
      title: text('Người được khai sinh', 'The child'),
      fields: [
        { id: 'child_full_name', type: 'text', label: text('Họ, chữ đệm và tên', 'Full name') },
        { id: 'child_birth_date', type: 'date', label: text('Ngày sinh', 'Date of birth') },
        {
          id: 'child_sex',
          type: 'radio',
          label: text('Giới tính', 'Sex'),
          options: [
            { value: 'nam', label: text('Nam', 'Male') },
            { value: 'nu', label: text('Nữ', 'Female') },
          ],
        },
        { id: 'child_birth_commune', type: 'commune', label: text('Nơi sinh', 'Place of birth') },
      ],
    },
    {
      id: 'father',
      title: text('Người cha', 'The father'),
      fields: [{ id: 'father_full_name', type: 'text', label: text('Họ tên cha', 'Name') }],
    },
    {
      id: 'other',
      title: text('Khác', 'Other'),
      fields: [
        {
          id: 'copies',
          type: 'checkboxes',
          label: text('Bản sao', 'Copies'),
          options: [
            { value: 'a', label: text('Bản A', 'Copy A') },
            { value: 'b', label: text('Bản B', 'Copy B') },
          ],
        },
        { id: 'fee', type: 'money', label: text('Số tiền', 'Amount') },
        { id: 'count', type: 'number', label: text('Số lượng', 'Count') },
        { id: 'declaration', type: 'checkbox', label: text('Cam đoan', 'Declaration') },
      ],
    },
  ],
};

const words = (locale: 'vi' | 'en'): ValueWords => ({
  locale,
  yes: locale === 'vi' ? 'Có' : 'Yes',
  no: locale === 'vi' ? 'Không' : 'No',
  money: (amount) => (locale === 'vi' ? `${amount} đồng` : `${amount} VND`),
  communeName: (code) => (code === '22369' ? 'Phường Hạ Long' : undefined),
});

const VALUES = {
  child_full_name: 'Trần Minh Khôi',
  child_birth_date: '2026-02-20',
  child_sex: 'nam',
  child_birth_commune: '22369',
  father_full_name: '',
  copies: ['b', 'a'],
  fee: 1500000,
  count: 2,
  declaration: true,
  legacy_field: 'kept',
};

describe('the applicant’s values under the form’s labels', () => {
  it('shows each value in the form’s order, a choice by its label, in Vietnamese', () => {
    const { sections, others } = formValueSections(FORM, VALUES, words('vi'));
    expect(sections.map((section) => section.title)).toEqual(['Người được khai sinh', 'Khác']);
    expect(sections[0]!.rows).toEqual([
      { id: 'child_full_name', label: 'Họ, chữ đệm và tên', text: 'Trần Minh Khôi' },
      { id: 'child_birth_date', label: 'Ngày sinh', text: '20/02/2026' },
      { id: 'child_sex', label: 'Giới tính', text: 'Nam' },
      { id: 'child_birth_commune', label: 'Nơi sinh', text: 'Phường Hạ Long (22369)' },
    ]);
    expect(sections[1]!.rows.map((row) => row.text)).toEqual([
      'Bản B, Bản A',
      '1.500.000 đồng',
      '2',
      'Có',
    ]);
    // A field the form no longer names is not hidden.
    expect(others).toEqual([{ id: 'legacy_field', label: 'legacy_field', text: 'kept' }]);
  });

  it('speaks English with the form’s English labels', () => {
    const { sections } = formValueSections(FORM, VALUES, words('en'));
    expect(sections[0]!.rows.map((row) => [row.label, row.text])).toEqual([
      ['Full name', 'Trần Minh Khôi'],
      ['Date of birth', '20 Feb 2026'],
      ['Sex', 'Male'],
      ['Place of birth', 'Phường Hạ Long (22369)'],
    ]);
    expect(sections[1]!.rows[1]!.text).toBe('1,500,000 VND');
  });

  it('keeps a value it cannot name as it is, and a commune as its code', () => {
    const { sections } = formValueSections(
      FORM,
      { child_sex: 'khac', child_birth_commune: '99999', declaration: false },
      words('vi'),
    );
    expect(sections.flatMap((section) => section.rows.map((row) => row.text))).toEqual([
      'khac',
      '99999',
      'Không',
    ]);
  });

  it('shows every value by its code when the form is not at hand', () => {
    const { sections, others } = formValueSections(undefined, { a: 'x', b: [1, 2] }, words('vi'));
    expect(sections).toEqual([]);
    expect(others).toEqual([
      { id: 'a', label: 'a', text: 'x' },
      { id: 'b', label: 'b', text: '1, 2' },
    ]);
  });

  it('knows when a form asks for a commune', () => {
    expect(hasCommuneField(FORM)).toBe(true);
    expect(hasCommuneField({ version: 1, sections: [FORM.sections[1]!] })).toBe(false);
    expect(hasCommuneField(undefined)).toBe(false);
  });
});
