/** Request and response shapes of the agency API (validation, OpenAPI, response filtering). */
import { Type, type TSchema } from 'typebox';
import { CommuneCode, ProblemResponse, StringEnum } from '../geo/geo.schemas';
import { AGENCY_CODE_PATTERN } from './agency-code';

export { ProblemResponse };

const AGENCY_KINDS = [
  'province_committee',
  'department',
  'district_committee',
  'commune_committee',
  'public_service_center',
  'other',
] as const;

export const AgencyKind = StringEnum(AGENCY_KINDS, {
  description:
    'province_committee = UBND tỉnh, department = sở, ban, ngành, district_committee = UBND cấp huyện, commune_committee = UBND cấp xã, public_service_center = trung tâm phục vụ hành chính công, other = cơ quan khác',
});

const AgencyId = Type.String({ format: 'uuid' });

export const AgencyCode = Type.String({
  pattern: AGENCY_CODE_PATTERN,
  description: 'Mã định danh điện tử của cơ quan (national agency code), ví dụ 000.00.22.H49',
  examples: ['000.00.22.H49'],
});

const AgencyName = Type.String({ minLength: 2, maxLength: 300 });
const AgencyNameEn = Type.Union([Type.String({ minLength: 2, maxLength: 300 }), Type.Null()]);
const CommuneCodes = Type.Array(CommuneCode, {
  maxItems: 500,
  uniqueItems: true,
  description: 'Các xã, phường, đặc khu cơ quan phục vụ — communes served',
});

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const AgencyListQuery = Type.Object(
  {
    view: StringEnum(['flat', 'tree'] as const, {
      default: 'flat',
      description:
        'flat: theo tên; tree: theo cây (mỗi cơ quan ngay sau cấp trên, kèm các cấp trên của kết quả tìm)',
    }),
    q: Type.Optional(
      Type.String({ maxLength: 100, description: 'Tên hoặc mã, không phân biệt dấu' }),
    ),
    kind: Type.Optional(AgencyKind),
    parentId: Type.Optional(
      Type.String({ format: 'uuid', description: 'Chỉ các đơn vị trực thuộc' }),
    ),
    within: Type.Optional(
      Type.String({ format: 'uuid', description: 'Chỉ cơ quan này và các đơn vị cấp dưới' }),
    ),
    communeCode: Type.Optional(CommuneCode),
    includeInactive: Type.Boolean({ default: false }),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: AgencyKind,
  parentId: Nullable(Type.String({ format: 'uuid' })),
  active: Type.Boolean(),
  depth: Type.Integer({ description: 'Cấp trong cây: 0 là gốc' }),
};

export const AgencySummary = Type.Object(summaryFields);

export const AgencyPage = Type.Object({
  items: Type.Array(AgencySummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

const AgencyRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const AgencyDetail = Type.Object({
  ...summaryFields,
  ancestors: Type.Array(AgencyRef, { description: 'Các cấp trên, từ gốc xuống' }),
  communes: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), fullName: Type.String() }),
  ),
  childCount: Type.Integer(),
  createdAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
});

export const AgencyParams = Type.Object({ id: AgencyId }, { additionalProperties: false });

export const NewAgencyBody = Type.Object(
  {
    code: AgencyCode,
    name: AgencyName,
    nameEn: Type.Optional(AgencyNameEn),
    kind: AgencyKind,
    parentId: AgencyId,
    communeCodes: Type.Optional(CommuneCodes),
  },
  { additionalProperties: false },
);

export const AgencyPatchBody = Type.Object(
  {
    code: Type.Optional(AgencyCode),
    name: Type.Optional(AgencyName),
    nameEn: Type.Optional(AgencyNameEn),
    parentId: Type.Optional(AgencyId),
    communeCodes: Type.Optional(CommuneCodes),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
