import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { translate } from '../../shared/i18n/translate';
import type { Category } from './feedback-api';
import {
  EMPTY_DRAFT,
  checkDetails,
  checkWhat,
  reportBody,
  serverProblems,
  stepOfField,
} from './draft';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('vi', key, params);

const CATEGORY: Category = {
  code: 'tourism_services',
  name: 'Dịch vụ du lịch',
  nameEn: 'Tourism services',
  description: '',
  descriptionEn: '',
  group: 'Du lịch',
  groupEn: 'Tourism',
  keywords: [],
  allowAnonymous: false,
  deadline: { amount: 5, unit: 'working_days' },
  attributes: [
    {
      code: 'service',
      datatype: 'singlevaluelist',
      required: true,
      label: 'Dịch vụ',
      labelEn: 'Service',
      values: [],
    },
    {
      code: 'amount_charged',
      datatype: 'number',
      required: false,
      label: 'Số tiền',
      labelEn: 'Amount',
    },
  ],
};

describe('the report draft', () => {
  it('asks for required answers and numbers in Vietnamese', () => {
    const problems = checkWhat(
      { ...EMPTY_DRAFT, answers: { amount_charged: 'nhiều' } },
      CATEGORY,
      t,
    );
    expect(problems).toEqual({
      'attributes.service': 'Vui lòng nhập trường này.',
      'attributes.amount_charged': 'Vui lòng nhập một số.',
    });
  });

  it('needs a contact unless signed in, and ignores "anonymous" where it is not allowed', () => {
    const draft = { ...EMPTY_DRAFT, description: 'Chặt chém khách du lịch', anonymous: true };
    expect(checkDetails(draft, CATEGORY, false, t)['reporter.email']).toBe(
      'Vui lòng nhập email hoặc số điện thoại để nhận kết quả.',
    );
    expect(checkDetails(draft, CATEGORY, true, t)).toEqual({});
    const body = reportBody(
      {
        ...draft,
        point: { lat: 20.95, lon: 107.11 },
        answers: { service: 'restaurant', amount_charged: '500000' },
        phone: '0912345678',
      },
      CATEGORY,
      'vi',
    );
    expect(body.anonymous).toBeUndefined();
    expect(body.reporter).toEqual({ phone: '0912345678' });
    expect(body.attributes).toEqual({ service: 'restaurant', amount_charged: 500000 });
  });

  it('puts the server refusal next to the fields it names, multipart prefix removed', () => {
    const refusal = new ApiError('REPORT_ATTRIBUTES_INVALID', 400, 'invalid', [
      { field: 'attributes.service', message: 'required' },
    ]);
    expect(serverProblems(refusal, { locale: 'vi', t })).toEqual({
      'attributes.service': 'Vui lòng nhập trường này.',
    });
    const multipart = new ApiError('VALIDATION_FAILED', 400, 'invalid', [
      { field: 'report.description', message: 'must be at least 10 characters' },
    ]);
    expect(serverProblems(multipart, { locale: 'en', t })).toEqual({
      description: 'must be at least 10 characters',
    });
    expect(stepOfField('attributes.service')).toBe('what');
    expect(stepOfField('reporter.email')).toBe('details');
    const outside = new ApiError('REPORT_OUTSIDE_PROVINCE', 422, 'outside');
    expect(Object.keys(serverProblems(outside, { locale: 'vi', t }))).toEqual(['location']);
  });
});
