import { describe, expect, it } from 'vitest';
import { answeredSections, valueText, type ValueWords } from './submitted-values';
import { BIRTH_VALUES, birthRegistration } from './test-procedure.test-support';

const form = birthRegistration().form;
const words = (locale: 'vi' | 'en'): ValueWords => ({
  locale,
  yes: locale === 'vi' ? 'Có' : 'Yes',
  no: locale === 'vi' ? 'Không' : 'No',
  communeName: (code) => (code === '06688' ? 'Phường Hạ Long' : undefined),
});

describe('a filled form read back', () => {
  it('uses the form’s labels and words each value by its type', () => {
    const sections = answeredSections(form, BIRTH_VALUES, words('vi'));
    const child = sections.find((section) => section.id === 'child')!;
    const line = (id: string) => child.lines.find((each) => each.fieldId === id);
    expect(child.title).toBe('Thông tin của trẻ');
    expect(line('child_full_name')).toMatchObject({
      label: 'Họ, chữ đệm và tên của trẻ',
      text: 'Trần Minh Khôi',
    });
    expect(line('child_birth_date')?.text).toBe('20/02/2026');
    expect(line('child_sex')?.text).toBe('Nam');
    expect(line('child_birth_commune')?.text).toBe('Phường Hạ Long');
    const declaration = sections
      .flatMap((section) => section.lines)
      .find((each) => each.fieldId === 'declaration');
    expect(declaration?.text).toBe('Có');
  });

  it('lists only sections that apply and fields that were answered', () => {
    const values = {
      ...BIRTH_VALUES,
      father_full_name: 'Trần Văn Hùng',
      birth_certificate_copies: '',
    };
    const sections = answeredSections(form, values, words('vi'));
    expect(sections.map((section) => section.id)).not.toContain('father');
    const all = sections.flatMap((section) => section.lines.map((each) => each.fieldId));
    expect(all).not.toContain('father_full_name');
    expect(all).not.toContain('birth_certificate_copies');
  });

  it('keeps a value the form no longer has, under its key', () => {
    const sections = answeredSections(
      form,
      { ...BIRTH_VALUES, old_field: 'giá trị cũ' },
      words('vi'),
    );
    expect(sections.at(-1)).toEqual({
      id: '',
      title: '',
      lines: [{ fieldId: 'old_field', label: 'old_field', text: 'giá trị cũ' }],
    });
    expect(answeredSections(undefined, { a: 1 }, words('en'))[0]?.lines).toEqual([
      { fieldId: 'a', label: 'a', text: '1' },
    ]);
  });

  it('reads money, numbers and a code of an unknown commune', () => {
    const money = { id: 'fee', type: 'money', label: { vi: 'Phí', en: 'Fee' } } as const;
    expect(valueText(money, 1500000, words('vi'))).toBe('1.500.000 đ');
    expect(valueText(money, 1500000, words('en'))).toBe('1,500,000 VND');
    const commune = { id: 'c', type: 'commune', label: { vi: 'Xã', en: 'Commune' } } as const;
    expect(valueText(commune, '99999', words('vi'))).toBe('99999');
    expect(valueText(undefined, false, words('en'))).toBe('No');
  });
});
