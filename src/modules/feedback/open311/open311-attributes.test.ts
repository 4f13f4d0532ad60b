import { parse as parseQuerystring } from 'node:querystring';
import { describe, expect, it } from 'vitest';
import type { CategoryAttribute } from '../feedback.tables';
import {
  collectAttributeFields,
  validateAttributes,
  type AttributeValidation,
  type AttributeViolation,
} from './open311-attributes';
import { open311Errors, toOpen311ErrorResponse } from './open311-errors';

const definitions: CategoryAttribute[] = [
  {
    code: 'so_cot',
    datatype: 'string',
    required: true,
    label: 'Số hiệu cột đèn',
    labelEn: 'Lamp post number',
    hint: 'Ghi trên thân cột, ví dụ HG-12',
    hintEn: 'Painted on the post, e.g. HG-12',
  },
  {
    code: 'do_sau_cm',
    datatype: 'number',
    required: false,
    label: 'Độ sâu ổ gà (cm)',
    labelEn: 'Pothole depth (cm)',
  },
  {
    code: 'phat_hien_luc',
    datatype: 'datetime',
    required: false,
    label: 'Phát hiện lúc',
    labelEn: 'Noticed at',
  },
  {
    code: 'mo_ta_them',
    datatype: 'text',
    required: false,
    label: 'Mô tả thêm',
    labelEn: 'More details',
  },
  {
    code: 'muc_do',
    datatype: 'singlevaluelist',
    required: true,
    label: 'Mức độ nguy hiểm',
    labelEn: 'Danger level',
    values: [
      { key: 'thap', name: 'Thấp', nameEn: 'Low' },
      { key: 'cao', name: 'Cao', nameEn: 'High' },
    ],
  },
  {
    code: 'anh_huong',
    datatype: 'multivaluelist',
    required: false,
    label: 'Ảnh hưởng tới',
    labelEn: 'Affects',
    values: [
      { key: 'xe_may', name: 'Xe máy', nameEn: 'Motorbikes' },
      { key: 'o_to', name: 'Ô tô', nameEn: 'Cars' },
      { key: 'nguoi_di_bo', name: 'Người đi bộ', nameEn: 'Pedestrians' },
    ],
  },
];

/** A form body as a client sends it (application/x-www-form-urlencoded). */
const form = (body: string) => new URLSearchParams(body);

function violationsOf(result: AttributeValidation): AttributeViolation[] {
  if (result.ok) throw new Error(`expected violations, got ${JSON.stringify(result.values)}`);
  return result.violations;
}

function valuesOf(result: AttributeValidation) {
  if (!result.ok) throw new Error(`expected values, got ${JSON.stringify(result.violations)}`);
  return result.values;
}

const REQUIRED = 'attribute[so_cot]=HG-12&attribute[muc_do]=cao';

describe('collectAttributeFields', () => {
  it('gathers attribute[code] and attribute[code][] and skips the other fields', () => {
    const fields = form(
      'service_code=den_duong&attribute[a]=1&attribute[b][]=x&attribute[b][]=y&attribute[b]=z' +
        '&attribute=bad&attribute[]=bad&attribute[c][d]=bad&lat=20.95',
    );
    expect(Object.fromEntries(collectAttributeFields(fields))).toEqual({
      a: ['1'],
      b: ['x', 'y', 'z'],
    });
  });

  it('reads the object a query-string parser makes of repeated keys', () => {
    const fields = parseQuerystring('attribute[b][]=x&attribute[b][]=y&attribute[a]=1');
    expect(Object.fromEntries(collectAttributeFields(fields))).toEqual({
      a: ['1'],
      b: ['x', 'y'],
    });
  });
});

describe('validateAttributes', () => {
  it('normalises a full set of answers, one per datatype', () => {
    const result = validateAttributes(
      definitions,
      form(
        'attribute[so_cot]=+HG-12+&attribute[do_sau_cm]=12.5' +
          '&attribute[phat_hien_luc]=2026-11-21T00:30:00Z' +
          '&attribute[mo_ta_them]=N%C6%B0%E1%BB%9Bc+%C4%91%E1%BB%8Dng%0D%0Ak%C3%ADn+%C4%91%C6%B0%E1%BB%9Dng' +
          '&attribute[muc_do]=cao' +
          '&attribute[anh_huong][]=o_to&attribute[anh_huong][]=xe_may&attribute[anh_huong][]=o_to',
      ),
    );
    expect(result).toEqual({
      ok: true,
      ignored: [],
      values: {
        so_cot: 'HG-12',
        do_sau_cm: 12.5,
        phat_hien_luc: '2026-11-21T07:30:00+07:00',
        mo_ta_them: 'Nước đọng\nkín đường',
        muc_do: 'cao',
        // Each key once, in the definition's order.
        anh_huong: ['xe_may', 'o_to'],
      },
    });
  });

  it('leaves out optional attributes that are absent or empty', () => {
    const values = valuesOf(
      validateAttributes(
        definitions,
        form(`${REQUIRED}&attribute[do_sau_cm]=&attribute[anh_huong][]=`),
      ),
    );
    expect(values).toEqual({ so_cot: 'HG-12', muc_do: 'cao' });
  });

  it('ignores, and lists, codes the category does not define', () => {
    const result = validateAttributes(
      definitions,
      form(`${REQUIRED}&attribute[fixmystreet_id]=123&attribute[title]=Den+hong`),
    );
    expect(result.ok).toBe(true);
    expect(result.ignored).toEqual(['fixmystreet_id', 'title']);
    expect(valuesOf(result)).not.toHaveProperty('fixmystreet_id');
  });

  it('accepts a category without attributes and a POST without any', () => {
    expect(validateAttributes([], form('service_code=khac'))).toEqual({
      ok: true,
      values: {},
      ignored: [],
    });
  });

  it('reports a required attribute that is missing or blank', () => {
    const violations = violationsOf(
      validateAttributes(definitions, form('attribute[so_cot]=%20%20')),
    );
    expect(violations).toEqual([
      {
        code: 'so_cot',
        problem: 'required',
        label: 'Số hiệu cột đèn',
        labelEn: 'Lamp post number',
      },
      { code: 'muc_do', problem: 'required', label: 'Mức độ nguy hiểm', labelEn: 'Danger level' },
    ]);
  });

  it('reports several values for a single-valued attribute', () => {
    const violations = violationsOf(
      validateAttributes(
        definitions,
        form(
          'attribute[so_cot]=A&attribute[so_cot]=B&attribute[muc_do][]=cao&attribute[muc_do][]=thap',
        ),
      ),
    );
    expect(violations.map(({ code, problem }) => [code, problem])).toEqual([
      ['so_cot', 'multiple_values'],
      ['muc_do', 'multiple_values'],
    ]);
  });

  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+7', 7],
    [' 7 ', 7],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-0', 0],
  ])('reads the number %j as %j', (sent, expected) => {
    const values = valuesOf(
      validateAttributes(
        definitions,
        form(`${REQUIRED}&attribute[do_sau_cm]=${encodeURIComponent(sent)}`),
      ),
    );
    expect(values.do_sau_cm).toBe(expected);
  });

  it.each(['12,5', '1.000.000', 'mười', '0x1A', 'Infinity', 'NaN', '1e400', '12cm', '--1', '.'])(
    'refuses the number %j',
    (sent) => {
      const violations = violationsOf(
        validateAttributes(
          definitions,
          form(`${REQUIRED}&attribute[do_sau_cm]=${encodeURIComponent(sent)}`),
        ),
      );
      expect(violations).toEqual([
        {
          code: 'do_sau_cm',
          problem: 'not_a_number',
          label: 'Độ sâu ổ gà (cm)',
          labelEn: 'Pothole depth (cm)',
          value: sent,
        },
      ]);
    },
  );

  it.each([
    ['2026-11-21', '2026-11-21'],
    ['2026-11', '2026-11'],
    ['2026-11-21T10:00:00+07:00', '2026-11-21T10:00:00+07:00'],
    ['2026-11-20T17:00Z', '2026-11-21T00:00:00+07:00'],
  ])("keeps a date and rewrites a time on Vietnam's clock: %j → %j", (sent, expected) => {
    const values = valuesOf(
      validateAttributes(
        definitions,
        form(`${REQUIRED}&attribute[phat_hien_luc]=${encodeURIComponent(sent)}`),
      ),
    );
    expect(values.phat_hien_luc).toBe(expected);
  });

  it.each(['2026-11-21T10:00:00', 'hôm qua', '21/11/2026', '2026-02-30'])(
    'refuses the datetime %j',
    (sent) => {
      const violations = violationsOf(
        validateAttributes(
          definitions,
          form(`${REQUIRED}&attribute[phat_hien_luc]=${encodeURIComponent(sent)}`),
        ),
      );
      expect(violations.map(({ code, problem, value }) => [code, problem, value])).toEqual([
        ['phat_hien_luc', 'not_a_datetime', sent],
      ]);
    },
  );

  it('refuses a choice that is not in the list, naming the keys that are', () => {
    const single = violationsOf(
      validateAttributes(definitions, form('attribute[so_cot]=HG-12&attribute[muc_do]=Cao')),
    );
    expect(single).toEqual([
      {
        code: 'muc_do',
        problem: 'not_allowed',
        label: 'Mức độ nguy hiểm',
        labelEn: 'Danger level',
        value: 'Cao',
        allowed: ['thap', 'cao'],
      },
    ]);
    const multiple = violationsOf(
      validateAttributes(
        definitions,
        form(`${REQUIRED}&attribute[anh_huong][]=xe_may&attribute[anh_huong][]=tau_thuy`),
      ),
    );
    expect(multiple.map(({ problem, value, allowed }) => [problem, value, allowed])).toEqual([
      ['not_allowed', 'tau_thuy', ['xe_may', 'o_to', 'nguoi_di_bo']],
    ]);
  });

  it('puts a string on one line and limits it to 500 characters', () => {
    const values = valuesOf(
      validateAttributes(definitions, form('attribute[so_cot]=HG%0D%0A12&attribute[muc_do]=cao')),
    );
    expect(values.so_cot).toBe('HG 12');
    // Counted in characters: 500 "ệ" fit, and so do 500 emoji (1,000 UTF-16 units).
    const fits = 'ệ'.repeat(500);
    expect(
      valuesOf(
        validateAttributes(definitions, [
          ['attribute[so_cot]', fits],
          ['attribute[muc_do]', 'cao'],
        ]),
      ).so_cot,
    ).toBe(fits);
    const emoji = '😀'.repeat(500);
    expect(
      valuesOf(
        validateAttributes(definitions, [
          ['attribute[so_cot]', emoji],
          ['attribute[muc_do]', 'cao'],
        ]),
      ).so_cot,
    ).toBe(emoji);
    const violations = violationsOf(
      validateAttributes(definitions, [
        ['attribute[so_cot]', `${fits}x`],
        ['attribute[muc_do]', 'cao'],
      ]),
    );
    expect(violations.map(({ problem, maxLength }) => [problem, maxLength])).toEqual([
      ['too_long', 500],
    ]);
  });

  it('limits a text to 4,000 characters', () => {
    const ok = validateAttributes(definitions, [
      ...form(REQUIRED),
      ['attribute[mo_ta_them]', 'a'.repeat(4000)],
    ]);
    expect(ok.ok).toBe(true);
    const violations = violationsOf(
      validateAttributes(definitions, [
        ...form(REQUIRED),
        ['attribute[mo_ta_them]', 'a'.repeat(4001)],
      ]),
    );
    expect(violations.map(({ code, problem, maxLength }) => [code, problem, maxLength])).toEqual([
      ['mo_ta_them', 'too_long', 4000],
    ]);
  });

  it('reports every violation at once, each as one error of a 400 answer', () => {
    const result = validateAttributes(
      definitions,
      form('attribute[do_sau_cm]=s%C3%A2u&attribute[muc_do]=rat_cao&attribute[phat_hien_luc]=x'),
    );
    const violations = violationsOf(result);
    expect(violations.map(({ code, problem }) => `${code}:${problem}`)).toEqual([
      'so_cot:required',
      'do_sau_cm:not_a_number',
      'phat_hien_luc:not_a_datetime',
      'muc_do:not_allowed',
    ]);

    const vi = toOpen311ErrorResponse(open311Errors.OPEN311_ATTRIBUTES_INVALID(violations));
    expect(vi.status).toBe(400);
    expect(vi.errors).toEqual([
      { code: 400, description: 'Thiếu thông tin bắt buộc "Số hiệu cột đèn" (attribute[so_cot]).' },
      {
        code: 400,
        description:
          '"Độ sâu ổ gà (cm)" (attribute[do_sau_cm]) phải là một số, ví dụ 12 hoặc 3.5 (nhận được "sâu").',
      },
      {
        code: 400,
        description:
          '"Phát hiện lúc" (attribute[phat_hien_luc]) phải là ngày giờ ISO 8601, ví dụ 2026-11-21T14:05:00+07:00 (nhận được "x").',
      },
      {
        code: 400,
        description:
          '"Mức độ nguy hiểm" (attribute[muc_do]) không có lựa chọn "rat_cao"; các lựa chọn: thap, cao.',
      },
    ]);

    const en = toOpen311ErrorResponse(open311Errors.OPEN311_ATTRIBUTES_INVALID(violations), 'en');
    expect(en.errors.map((error) => error.description)).toEqual([
      '"Lamp post number" (attribute[so_cot]) is required.',
      '"Pothole depth (cm)" (attribute[do_sau_cm]) must be a number, e.g. 12 or 3.5 (received "sâu").',
      '"Noticed at" (attribute[phat_hien_luc]) must be an ISO 8601 datetime, e.g. 2026-11-21T14:05:00+07:00 (received "x").',
      '"Danger level" (attribute[muc_do]) has no choice "rat_cao"; the choices are: thap, cao.',
    ]);
  });
});
