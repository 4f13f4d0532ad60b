import { describe, expect, it } from 'vitest';
import type { FormError, FormField } from '../../../../../src/kernel/forms';
import { translate, type Locale } from '../../../shared/i18n/translate';
import { formErrorText } from './form-error-text';

const label = { vi: 'Trường', en: 'Field' };
const field = (type: FormField['type'], more: Partial<FormField> = {}): FormField => ({
  id: 'f',
  type,
  label,
  ...more,
});
const say = (error: Omit<FormError, 'field'>, of: FormField | undefined, locale: Locale = 'vi') =>
  formErrorText({ field: 'f', ...error }, of, locale, (key, params) =>
    translate(locale, key, params),
  );

describe('form error messages', () => {
  it('ask for what is missing the way the field is filled in', () => {
    expect(say({ code: 'required' }, field('text'))).toBe('Vui lòng nhập thông tin này.');
    expect(say({ code: 'required' }, field('radio'))).toBe('Vui lòng chọn một mục.');
    expect(say({ code: 'required' }, field('checkboxes'))).toBe('Vui lòng chọn ít nhất một mục.');
    expect(say({ code: 'required' }, field('checkbox'))).toBe(
      'Vui lòng đánh dấu vào ô này để tiếp tục.',
    );
    expect(say({ code: 'required' }, field('commune'))).toBe('Vui lòng chọn xã, phường, đặc khu.');
    expect(say({ code: 'required' }, field('text'), 'en')).toBe('Enter this information.');
  });

  it('say what a value of the type looks like', () => {
    expect(say({ code: 'type' }, field('citizen_id'))).toBe(
      'Số định danh cá nhân gồm 12 chữ số, ví dụ 022190001234.',
    );
    expect(say({ code: 'type' }, field('phone'), 'en')).toBe(
      'Enter a Vietnamese phone number: 0 or +84 followed by 9 or 10 digits, e.g. 0912345678.',
    );
    expect(say({ code: 'type' }, field('date'))).toBe('Nhập một ngày có thật.');
  });

  it('write bounds as dates, amounts of đồng or numbers', () => {
    expect(
      say({ code: 'max', params: { max: '2026-03-02' } }, field('date', { max: 'today' })),
    ).toBe('Ngày này chưa đến: không được sau hôm nay.');
    expect(
      say({ code: 'min', params: { min: '2025-07-01' } }, field('date', { min: '2025-07-01' })),
    ).toBe('Ngày phải từ 01/07/2025 trở về sau.');
    expect(
      say({ code: 'min', params: { min: 1_000_000 } }, field('money', { min: 1_000_000 })),
    ).toBe('Giá trị phải từ 1.000.000 đ trở lên.');
    expect(say({ code: 'max', params: { max: 10 } }, field('number', { max: 10 }), 'en')).toBe(
      'The value must be at most 10.',
    );
  });

  it('count characters with the numbers the validator gives', () => {
    expect(say({ code: 'max_length', params: { max: 100, length: 123 } }, field('text'))).toBe(
      'Nhập tối đa 100 ký tự (hiện có 123).',
    );
    expect(say({ code: 'min_length', params: { min: 2, length: 1 } }, field('text'), 'en')).toBe(
      'Enter at least 2 characters (now 1).',
    );
  });

  it("use the pattern's own message from the definition", () => {
    const time = field('text', {
      pattern: {
        regex: '([01][0-9]|2[0-3]):[0-5][0-9]',
        message: { vi: 'Nhập theo dạng giờ:phút.', en: 'Enter as hours:minutes.' },
      },
    });
    expect(say({ code: 'pattern' }, time)).toBe('Nhập theo dạng giờ:phút.');
    expect(say({ code: 'pattern' }, time, 'en')).toBe('Enter as hours:minutes.');
  });

  it('name a key the form does not have', () => {
    expect(say({ code: 'unknown_field' }, undefined)).toBe('Tờ khai không có trường này.');
    expect(say({ code: 'option' }, field('select'), 'en')).toBe('Choose one of the options.');
  });
});
