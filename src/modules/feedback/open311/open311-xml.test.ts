import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type {
  Discovery,
  Open311Error,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
} from './open311.types';
import {
  discoveryXml,
  errorsXml,
  escapeXmlText,
  postServiceRequestResponseXml,
  postServiceRequestUpdateResponseXml,
  serviceDefinitionXml,
  serviceRequestsXml,
  serviceRequestUpdatesXml,
  servicesXml,
  stripInvalidXmlChars,
  tokenResponseXml,
  updateTokenResponseXml,
} from './open311-xml';

/** The elements that repeat, so the parser always gives lists for them. */
const LISTS = new Set([
  'services.service',
  'services.service.groups.group',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
  'service_requests.request',
  'service_requests.request.notes.note',
  'service_request_updates.request_update',
  'errors.error',
  'discovery.endpoints.endpoint',
  'discovery.endpoints.endpoint.formats.format',
]);

const parser = new XMLParser({
  ignoreDeclaration: true,
  // Compare text exactly as written: no trimming, no "001" → 1.
  trimValues: false,
  parseTagValue: false,
  // Character references (&#xD;) are part of XML; the parser decodes them only with this on.
  htmlEntities: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

function parse(xml: string): Record<string, any> {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as Record<string, any>;
}

/** The element names of the document, in order, opening tags only. */
function elementNames(xml: string): string[] {
  return [...xml.matchAll(/<([a-z_]+)\/?>/g)].map((match) => match[1]!);
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

const lightService: Service = {
  service_code: 'den_duong',
  service_name: 'Đèn đường hỏng',
  description: 'Đèn không sáng, chập chờn hoặc sáng cả ban ngày',
  metadata: true,
  type: 'realtime',
  keywords: 'đèn, chiếu sáng, cột điện',
  group: 'Hạ tầng đô thị',
  groups: ['Hạ tầng đô thị', 'Điện'],
};

const bareService: Service = {
  service_code: '001',
  service_name: 'Rác thải',
  description: null,
  metadata: false,
  type: 'batch',
  keywords: null,
  group: null,
};

const request: ServiceRequest = {
  service_request_id: 'PA-261121-7KX9Q',
  status: 'closed',
  status_notes: 'Đã thay bóng đèn.',
  service_name: 'Đèn đường hỏng',
  service_code: 'den_duong',
  description: 'Đèn trước số 12 đường Trần Hưng Đạo, phường Hồng Gai không sáng.',
  agency_responsible: 'UBND phường Hồng Gai',
  service_notice: null,
  requested_datetime: '2026-11-21T14:05:00+07:00',
  updated_datetime: '2026-11-22T09:00:00+07:00',
  expected_datetime: '2026-11-24T17:00:00+07:00',
  address: '12 Trần Hưng Đạo, Hồng Gai, Quảng Ninh',
  address_id: null,
  zipcode: null,
  lat: 20.9516,
  long: 107.0809,
  media_url: 'https://tinhso.example.vn/media/a.jpg?size=large&v=2',
  notes: [
    { datetime: '2026-11-21T14:05:00+07:00', description: 'Đã gửi phản ánh', type: 'submitted' },
    { datetime: '2026-11-22T09:00:00+07:00', description: 'Đã thay bóng đèn.', type: 'answered' },
  ],
};

describe('Open311 XML', () => {
  it('writes GET services as <services><service>, every field back as sent', () => {
    const xml = servicesXml([lightService, bareService]);
    expect(xml.startsWith(DECLARATION)).toBe(true);
    expect(parse(xml)).toEqual({
      services: {
        service: [
          {
            service_code: 'den_duong',
            service_name: 'Đèn đường hỏng',
            description: 'Đèn không sáng, chập chờn hoặc sáng cả ban ngày',
            metadata: 'true',
            type: 'realtime',
            keywords: 'đèn, chiếu sáng, cột điện',
            group: 'Hạ tầng đô thị',
            groups: { group: ['Hạ tầng đô thị', 'Điện'] },
          },
          {
            service_code: '001',
            service_name: 'Rác thải',
            description: '',
            metadata: 'false',
            type: 'batch',
            keywords: '',
            group: '',
          },
        ],
      },
    });
    // Null fields are empty elements; the absent extension is left out.
    expect(xml).toContain('<description/>');
    expect(elementNames(xml).filter((name) => name === 'groups')).toHaveLength(1);
  });

  it('writes an empty list as an empty root', () => {
    expect(servicesXml([])).toBe(`${DECLARATION}<services></services>\n`);
    expect(parse(serviceRequestsXml([]))).toEqual({ service_requests: '' });
  });

  it('writes a service definition with its attributes and values', () => {
    const definition: ServiceDefinition = {
      service_code: 'den_duong',
      attributes: [
        {
          variable: true,
          code: 'so_cot',
          datatype: 'string',
          required: true,
          datatype_description: null,
          order: 1,
          description: 'Số hiệu cột đèn (ghi trên thân cột)',
        },
        {
          variable: true,
          code: 'tinh_trang',
          datatype: 'multivaluelist',
          required: false,
          datatype_description: 'Có thể chọn nhiều giá trị',
          order: 2,
          description: 'Tình trạng đèn',
          automated: 'hidden_field',
          values: [
            { key: 'tat', name: 'Không sáng' },
            { key: 'chap_chon', name: 'Chập chờn', disable_message: 'Gọi 1900 1234 & báo "khẩn"' },
          ],
        },
      ],
    };
    const xml = serviceDefinitionXml(definition);
    expect(parse(xml)).toEqual({
      service_definition: {
        service_code: 'den_duong',
        attributes: {
          attribute: [
            {
              variable: 'true',
              code: 'so_cot',
              datatype: 'string',
              required: 'true',
              datatype_description: '',
              order: '1',
              description: 'Số hiệu cột đèn (ghi trên thân cột)',
            },
            {
              variable: 'true',
              code: 'tinh_trang',
              datatype: 'multivaluelist',
              required: 'false',
              datatype_description: 'Có thể chọn nhiều giá trị',
              order: '2',
              description: 'Tình trạng đèn',
              automated: 'hidden_field',
              values: {
                value: [
                  { key: 'tat', name: 'Không sáng' },
                  {
                    key: 'chap_chon',
                    name: 'Chập chờn',
                    disable_message: 'Gọi 1900 1234 & báo "khẩn"',
                  },
                ],
              },
            },
          ],
        },
      },
    });
    expect(elementNames(xml).slice(0, 12)).toEqual([
      'service_definition',
      'service_code',
      'attributes',
      'attribute',
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'attribute',
    ]);
  });

  it('writes a definition without attributes as an empty <attributes>', () => {
    expect(parse(serviceDefinitionXml({ service_code: 'khac', attributes: [] }))).toEqual({
      service_definition: { service_code: 'khac', attributes: '' },
    });
  });

  it('writes service requests as <service_requests><request>, in the order of the spec', () => {
    const xml = serviceRequestsXml([request, { ...request, notes: undefined, status: 'open' }]);
    const parsed = parse(xml);
    expect(parsed.service_requests.request).toHaveLength(2);
    expect(parsed.service_requests.request[0]).toEqual({
      service_request_id: 'PA-261121-7KX9Q',
      status: 'closed',
      status_notes: 'Đã thay bóng đèn.',
      service_name: 'Đèn đường hỏng',
      service_code: 'den_duong',
      description: 'Đèn trước số 12 đường Trần Hưng Đạo, phường Hồng Gai không sáng.',
      agency_responsible: 'UBND phường Hồng Gai',
      service_notice: '',
      requested_datetime: '2026-11-21T14:05:00+07:00',
      updated_datetime: '2026-11-22T09:00:00+07:00',
      expected_datetime: '2026-11-24T17:00:00+07:00',
      address: '12 Trần Hưng Đạo, Hồng Gai, Quảng Ninh',
      address_id: '',
      zipcode: '',
      lat: '20.9516',
      long: '107.0809',
      media_url: 'https://tinhso.example.vn/media/a.jpg?size=large&v=2',
      notes: {
        note: [
          {
            datetime: '2026-11-21T14:05:00+07:00',
            description: 'Đã gửi phản ánh',
            type: 'submitted',
          },
          {
            datetime: '2026-11-22T09:00:00+07:00',
            description: 'Đã thay bóng đèn.',
            type: 'answered',
          },
        ],
      },
    });
    expect(parsed.service_requests.request[1].status).toBe('open');
    expect(parsed.service_requests.request[1]).not.toHaveProperty('notes');
    const second = xml.slice(xml.lastIndexOf('<request>'));
    expect(elementNames(second)).toEqual([
      'request',
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
  });

  it('writes only the elements of the spec, whatever else the object carries', () => {
    const leaky = {
      ...request,
      reporterPhone: '0912345678',
      secret_hash: 'abc',
    } as ServiceRequest;
    const xml = serviceRequestsXml([leaky]);
    expect(xml).not.toContain('0912345678');
    expect(xml).not.toContain('secret_hash');
  });

  it('spells numbers without exponents', () => {
    const xml = serviceRequestsXml([
      { ...request, notes: undefined, lat: 1e-7, long: -1.5e-7 },
      { ...request, notes: undefined, lat: 1e21, long: -0 },
    ]);
    const [tiny, huge] = parse(xml).service_requests.request;
    expect([tiny.lat, tiny.long]).toEqual(['0.0000001', '-0.00000015']);
    expect([huge.lat, huge.long]).toEqual(['1000000000000000000000', '0']);
    expect(Number(tiny.lat)).toBe(1e-7);
    expect(() => serviceRequestsXml([{ ...request, lat: Number.NaN }])).toThrow(TypeError);
  });

  it('writes POST requests answers, tokens and their null fields', () => {
    expect(
      parse(
        postServiceRequestResponseXml([
          { service_request_id: 'PA-261121-7KX9Q', service_notice: null, account_id: null },
        ]),
      ),
    ).toEqual({
      service_requests: {
        request: [{ service_request_id: 'PA-261121-7KX9Q', service_notice: '', account_id: '' }],
      },
    });
    const batch = postServiceRequestResponseXml([{ token: 'tk_9f8e7d' }]);
    expect(parse(batch)).toEqual({ service_requests: { request: [{ token: 'tk_9f8e7d' }] } });
    expect(batch).not.toContain('service_request_id');
    expect(
      parse(tokenResponseXml([{ service_request_id: 'PA-261121-7KX9Q', token: 'tk_9f8e7d' }])),
    ).toEqual({
      service_requests: {
        request: [{ service_request_id: 'PA-261121-7KX9Q', token: 'tk_9f8e7d' }],
      },
    });
  });

  it('writes service request updates as <service_request_updates><request_update>', () => {
    const updates: ServiceRequestUpdate[] = [
      {
        update_id: '4711',
        service_request_id: 'PA-261121-7KX9Q',
        status: 'FIXED',
        updated_datetime: '2026-11-22T09:00:00+07:00',
        description: 'Đã thay bóng đèn.',
        media_url: 'https://tinhso.example.vn/media/b.jpg',
      },
      {
        update_id: '4712',
        service_request_id: 'PA-261121-7KX9Q',
        status: 'REOPEN',
        updated_datetime: '2026-11-23T08:00:00+07:00',
        description: '',
      },
    ];
    const xml = serviceRequestUpdatesXml(updates);
    expect(parse(xml)).toEqual({
      service_request_updates: {
        request_update: [
          {
            update_id: '4711',
            service_request_id: 'PA-261121-7KX9Q',
            status: 'FIXED',
            updated_datetime: '2026-11-22T09:00:00+07:00',
            description: 'Đã thay bóng đèn.',
            media_url: 'https://tinhso.example.vn/media/b.jpg',
          },
          {
            update_id: '4712',
            service_request_id: 'PA-261121-7KX9Q',
            status: 'REOPEN',
            updated_datetime: '2026-11-23T08:00:00+07:00',
            description: '',
          },
        ],
      },
    });
    expect(parse(postServiceRequestUpdateResponseXml([{ update_id: '4713' }]))).toEqual({
      service_request_updates: { request_update: [{ update_id: '4713' }] },
    });
    expect(parse(updateTokenResponseXml([{ update_id: '4713', token: 'ut_1' }]))).toEqual({
      service_request_updates: { request_update: [{ update_id: '4713', token: 'ut_1' }] },
    });
  });

  it('writes errors as <errors><error><code><description>', () => {
    const errors: Open311Error[] = [
      { code: 400, description: 'Thiếu thông tin bắt buộc "Số hiệu cột" (attribute[so_cot]).' },
      { code: 400, description: 'lat và long phải gửi cùng nhau.' },
    ];
    expect(parse(errorsXml(errors))).toEqual({
      errors: {
        error: [
          { code: '400', description: errors[0]!.description },
          { code: '400', description: errors[1]!.description },
        ],
      },
    });
  });

  it('writes the discovery document', () => {
    const discovery: Discovery = {
      changeset: '2026-11-21T14:05:00+07:00',
      contact: 'Trung tâm IOC Quảng Ninh — ioc@quangninh.example.vn, 0203 1234 567',
      key_service: 'Đăng ký khóa API tại https://tinhso.example.vn/console/api-keys',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'https://tinhso.example.vn/open311/v2',
          changeset: '2026-11-21T14:05:00+07:00',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
    expect(parse(discoveryXml(discovery))).toEqual({
      discovery: {
        changeset: '2026-11-21T14:05:00+07:00',
        contact: discovery.contact,
        key_service: discovery.key_service,
        endpoints: {
          endpoint: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: 'https://tinhso.example.vn/open311/v2',
              changeset: '2026-11-21T14:05:00+07:00',
              type: 'production',
              formats: { format: ['text/xml', 'application/json'] },
            },
          ],
        },
      },
    });
  });
});

describe('Open311 XML text', () => {
  const hostile = [
    '</description><status>closed</status><description>',
    '<![CDATA[ x ]]> & &amp; &lt; <!-- c --> <?pi?>',
    `"quoted" and 'single' > <`,
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  ];

  it.each(hostile)('escapes %j so it reads back exactly and adds no element', (text) => {
    const xml = serviceRequestsXml([{ ...request, notes: undefined, description: text }]);
    const parsed = parse(xml);
    expect(parsed.service_requests.request[0].description).toBe(text);
    expect(parsed.service_requests.request[0].status).toBe('closed');
    expect(elementNames(xml).filter((name) => name === 'status')).toHaveLength(1);
    expect(xml).not.toContain('<!');
  });

  it('escapes the five markup characters', () => {
    expect(escapeXmlText(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
  });

  it('drops what XML 1.0 cannot carry, and keeps Vietnamese, emoji, tabs and line breaks', () => {
    const text =
      'Quảng\u0000 Ninh\u0001\u0008\u000B\u000C\u001F — Hạ Long\tVịnh\nđẹp\r\nquá \uD83D\uDE00' +
      ' lẻ\uD800 loi\uDC00 \uFFFE\uFFFF xong';
    const expected = 'Quảng Ninh — Hạ Long\tVịnh\nđẹp\r\nquá \uD83D\uDE00 lẻ loi  xong';
    expect(stripInvalidXmlChars(text)).toBe(expected);

    const xml = servicesXml([{ ...bareService, description: text }]);
    // No forbidden character survives in the document itself…
    const forbidden = [...xml].filter((char) => {
      const code = char.codePointAt(0)!;
      return (code < 0x20 && ![0x9, 0xa, 0xd].includes(code)) || code === 0xfffe || code === 0xffff;
    });
    expect(forbidden).toEqual([]);
    // …and no lone surrogate, which UTF-8 could not encode (it would come back as U+FFFD).
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    // The carriage return is a character reference, so the parser's end-of-line handling keeps it.
    expect(xml).toContain('đẹp&#xD;\nquá');
    expect(parse(xml).services.service[0].description).toBe(expected);
  });

  it('writes Vietnamese as UTF-8 characters, not references', () => {
    const xml = servicesXml([lightService]);
    expect(xml).toContain('<service_name>Đèn đường hỏng</service_name>');
    expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
    expect(xml).not.toMatch(/&#x?[0-9a-f]+;/i);
  });
});
