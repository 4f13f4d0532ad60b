import { describe, expect, it } from 'vitest';
import { open311SchemaProblems } from './open311-schemas';
import { toService, toServiceDefinition, type CategoryForOpen311 } from './open311-services';

const streetLight: CategoryForOpen311 = {
  code: 'den_duong',
  name: 'Đèn đường hỏng',
  nameEn: 'Broken street light',
  description: 'Đèn không sáng, chập chờn hoặc sáng cả ban ngày',
  descriptionEn: 'Lamp out, flickering or lit by day',
  groupName: 'Hạ tầng đô thị',
  groupNameEn: 'Urban infrastructure',
  keywords: ['đèn', ' chiếu sáng ', '', 'cột điện'],
  attributes: [
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
      code: 'so_bong',
      datatype: 'number',
      required: false,
      label: 'Số bóng hỏng',
      labelEn: '',
    },
    {
      code: 'tu_luc',
      datatype: 'datetime',
      required: false,
      label: 'Hỏng từ lúc',
      labelEn: 'Out since',
    },
    { code: 'ghi_chu', datatype: 'text', required: false, label: 'Ghi chú', labelEn: 'Notes' },
    {
      code: 'loai_den',
      datatype: 'singlevaluelist',
      required: true,
      label: 'Loại đèn',
      labelEn: 'Lamp type',
      values: [
        { key: 'led', name: 'Đèn LED', nameEn: 'LED' },
        { key: 'cao_ap', name: 'Đèn cao áp', nameEn: '' },
      ],
    },
    {
      code: 'tinh_trang',
      datatype: 'multivaluelist',
      required: false,
      label: 'Tình trạng',
      labelEn: 'Condition',
      values: [
        { key: 'tat', name: 'Không sáng', nameEn: 'Out' },
        { key: 'chap_chon', name: 'Chập chờn', nameEn: 'Flickering' },
      ],
    },
  ],
};

const plain: CategoryForOpen311 = {
  code: 'khac',
  name: 'Phản ánh khác',
  nameEn: '',
  description: '',
  descriptionEn: '',
  groupName: 'Khác',
  groupNameEn: 'Other',
  keywords: [],
  attributes: [],
};

describe('toService', () => {
  it('shows a category as a service, in Vietnamese by default', () => {
    const service = toService(streetLight);
    expect(service).toEqual({
      service_code: 'den_duong',
      service_name: 'Đèn đường hỏng',
      description: 'Đèn không sáng, chập chờn hoặc sáng cả ban ngày',
      metadata: true,
      type: 'realtime',
      keywords: 'đèn, chiếu sáng, cột điện',
      group: 'Hạ tầng đô thị',
    });
    expect(open311SchemaProblems('service', service)).toEqual([]);
  });

  it('reads the English columns for en, and Vietnamese where they are empty', () => {
    expect(toService(streetLight, 'en')).toMatchObject({
      service_name: 'Broken street light',
      description: 'Lamp out, flickering or lit by day',
      group: 'Urban infrastructure',
    });
    expect(toService(plain, 'en')).toMatchObject({ service_name: 'Phản ánh khác', group: 'Other' });
  });

  it('has no metadata, description or keywords when the category has none', () => {
    const service = toService(plain, 'vi', { type: 'batch' });
    expect(service).toEqual({
      service_code: 'khac',
      service_name: 'Phản ánh khác',
      description: null,
      metadata: false,
      type: 'batch',
      keywords: null,
      group: 'Khác',
    });
    expect(open311SchemaProblems('service', service)).toEqual([]);
  });

  it('builds a service list the services schema accepts, in both languages', () => {
    for (const locale of ['vi', 'en'] as const) {
      const list = [streetLight, plain].map((category) => toService(category, locale));
      expect(open311SchemaProblems('services', list)).toEqual([]);
    }
  });

  it('is checked by a schema that does refuse a malformed service', () => {
    const broken = { ...toService(plain), metadata: 'yes', type: 'instant' };
    expect(open311SchemaProblems('service', broken)).toEqual([
      '/metadata must be boolean',
      '/type must be equal to one of the allowed values',
    ]);
    const { service_name: _dropped, ...nameless } = toService(plain);
    expect(open311SchemaProblems('services', [nameless])).toEqual([
      "/0 must have required property 'service_name'",
    ]);
  });
});

describe('toServiceDefinition', () => {
  it('lists the questions in order, with the hint or a datatype help', () => {
    const definition = toServiceDefinition(streetLight);
    expect(definition).toEqual({
      service_code: 'den_duong',
      attributes: [
        {
          variable: true,
          code: 'so_cot',
          datatype: 'string',
          required: true,
          datatype_description: 'Ghi trên thân cột, ví dụ HG-12',
          order: 1,
          description: 'Số hiệu cột đèn',
        },
        {
          variable: true,
          code: 'so_bong',
          datatype: 'number',
          required: false,
          datatype_description: 'Một số, ví dụ 12 hoặc 3.5',
          order: 2,
          description: 'Số bóng hỏng',
        },
        {
          variable: true,
          code: 'tu_luc',
          datatype: 'datetime',
          required: false,
          datatype_description:
            'Ngày (2026-11-21) hoặc ngày giờ ISO 8601 (2026-11-21T14:05:00+07:00)',
          order: 3,
          description: 'Hỏng từ lúc',
        },
        {
          variable: true,
          code: 'ghi_chu',
          datatype: 'text',
          required: false,
          datatype_description: null,
          order: 4,
          description: 'Ghi chú',
        },
        {
          variable: true,
          code: 'loai_den',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: null,
          order: 5,
          description: 'Loại đèn',
          values: [
            { key: 'led', name: 'Đèn LED' },
            { key: 'cao_ap', name: 'Đèn cao áp' },
          ],
        },
        {
          variable: true,
          code: 'tinh_trang',
          datatype: 'multivaluelist',
          required: false,
          datatype_description: 'Có thể chọn nhiều giá trị',
          order: 6,
          description: 'Tình trạng',
          values: [
            { key: 'tat', name: 'Không sáng' },
            { key: 'chap_chon', name: 'Chập chờn' },
          ],
        },
      ],
    });
    expect(open311SchemaProblems('serviceDefinition', definition)).toEqual([]);
  });

  it('speaks English for en, falling back to Vietnamese text that has no translation', () => {
    const definition = toServiceDefinition(streetLight, 'en');
    expect(definition.attributes.map((attribute) => attribute.description)).toEqual([
      'Lamp post number',
      'Số bóng hỏng',
      'Out since',
      'Notes',
      'Lamp type',
      'Condition',
    ]);
    expect(definition.attributes[0]?.datatype_description).toBe('Painted on the post, e.g. HG-12');
    expect(definition.attributes[1]?.datatype_description).toBe('A number, e.g. 12 or 3.5');
    expect(definition.attributes[4]?.values).toEqual([
      { key: 'led', name: 'LED' },
      { key: 'cao_ap', name: 'Đèn cao áp' },
    ]);
    expect(open311SchemaProblems('serviceDefinition', definition)).toEqual([]);
  });

  it('defines a category without questions as an empty attribute list', () => {
    const definition = toServiceDefinition(plain);
    expect(definition).toEqual({ service_code: 'khac', attributes: [] });
    expect(open311SchemaProblems('serviceDefinition', definition)).toEqual([]);
  });

  it('is checked by a schema that does refuse a malformed attribute', () => {
    const definition = toServiceDefinition(streetLight);
    const broken = {
      ...definition,
      attributes: [{ ...definition.attributes[0], datatype: 'date', order: 1.5 }],
    };
    expect(open311SchemaProblems('serviceDefinition', broken)).toEqual([
      '/attributes/0/datatype must be equal to one of the allowed values',
      '/attributes/0/order must be integer',
      '/attributes/0/order must be null',
      '/attributes/0/order must match a schema in anyOf',
    ]);
  });
});
