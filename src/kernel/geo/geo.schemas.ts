/** Request and response shapes of the geo API (validation, OpenAPI, response filtering). */
import { Type, type TSchema, type TUnsafe } from 'typebox';

/** A string enum as `{type: 'string', enum}`: documented, and serialised without anyOf. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** The error envelope every failure is answered with (see errors/error-handler.ts). */
export const ProblemResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable error code, e.g. GEO_OUTSIDE_COVERAGE' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
    requestId: Type.String(),
  },
  { description: 'Lỗi — error envelope' },
);

export const ProvinceCode = Type.String({
  pattern: '^[0-9]{2}$',
  description: 'Mã tỉnh, thành phố (2 chữ số), ví dụ 22 — Quảng Ninh',
  examples: ['22'],
});

export const CommuneCode = Type.String({
  pattern: '^[0-9]{5}$',
  description: 'Mã xã, phường, đặc khu (5 chữ số), ví dụ 06688 — phường Hạ Long',
  examples: ['06688'],
});

export const ProvinceKind = StringEnum(['city', 'province'] as const, {
  description: 'city = thành phố trực thuộc trung ương, province = tỉnh',
});

export const CommuneKind = StringEnum(['ward', 'commune', 'special_zone'] as const, {
  description: 'ward = phường, commune = xã, special_zone = đặc khu',
});

export const LocateQuery = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Vĩ độ WGS84 (latitude)' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Kinh độ WGS84 (longitude)' }),
  },
  { additionalProperties: false },
);

export const Located = Type.Object({
  commune: Type.Object({
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    fullName: Type.String(),
    kind: CommuneKind,
  }),
  province: Type.Object({ code: Type.String(), name: Type.String() }),
});

export const Province = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  kind: ProvinceKind,
  communeCount: Type.Integer({ description: 'Số đơn vị hành chính cấp xã' }),
  boundaryCount: Type.Integer({
    description: 'Số đơn vị cấp xã có ranh giới trên bản đồ (vùng phục vụ)',
  }),
});

export const ProvinceList = Type.Object({ items: Type.Array(Province) });

export const CommuneListQuery = Type.Object(
  {
    province: Type.Optional(ProvinceCode),
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Tên hoặc mã, không phân biệt dấu và hoa thường ("ha long" = "Hạ Long")',
      }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const CommuneSummary = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  kind: CommuneKind,
  provinceCode: Type.String(),
});

export const CommunePage = Type.Object({
  items: Type.Array(CommuneSummary),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const CommuneParams = Type.Object({ code: CommuneCode }, { additionalProperties: false });

export const CommuneDetail = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  fullNameEn: Type.String(),
  kind: CommuneKind,
  province: Type.Object({ code: Type.String(), name: Type.String() }),
  areaKm2: Nullable(Type.Number({ description: 'Diện tích (km²)' })),
  hasBoundary: Type.Boolean(),
  center: Nullable(
    Type.Object(
      { lat: Type.Number(), lon: Type.Number() },
      { description: 'Một điểm chắc chắn nằm trong ranh giới, để đặt nhãn hoặc điểm đánh dấu' },
    ),
  ),
});

export const BoundariesQuery = Type.Object(
  { province: ProvinceCode },
  { additionalProperties: false },
);

/** Documentation of the GeoJSON the boundaries route sends as prepared text. */
export const BoundaryCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature'),
        id: Type.String(),
        properties: Type.Object({
          code: Type.String(),
          name: Type.String(),
          nameEn: Type.String(),
          kind: CommuneKind,
        }),
        geometry: Type.Object({
          type: StringEnum(['Polygon', 'MultiPolygon'] as const),
          coordinates: Type.Array(Type.Unknown()),
        }),
      }),
    ),
  },
  { description: 'GeoJSON (RFC 7946), tọa độ WGS84 làm tròn 5 chữ số thập phân' },
);
