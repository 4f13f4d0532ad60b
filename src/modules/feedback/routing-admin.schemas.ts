/** Request and response shapes of the routing matrix and category settings administration. */
import { Type, type Static, type TSchema } from 'typebox';
import {
  CommuneCode,
  CommuneKind,
  ProblemResponse,
  StringEnum,
} from '../../kernel/geo/geo.schemas';
import { CategoryCode } from './feedback.schemas';

export { ProblemResponse };

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });

const DeadlineUnit = StringEnum(['working_hours', 'working_days'] as const, {
  description:
    'working_hours = giờ làm việc, working_days = ngày làm việc (lịch làm việc của tỉnh)',
});
const DefaultLevel = StringEnum(['commune', 'province'] as const, {
  description: 'commune = UBND xã, phường nơi có vị trí; province = một cơ quan cấp tỉnh',
});
const AgencyKind = StringEnum([
  'province_committee',
  'department',
  'district_committee',
  'commune_committee',
  'public_service_center',
  'other',
] as const);

export const CellParams = Type.Object(
  { categoryCode: CategoryCode, communeCode: CommuneCode },
  { additionalProperties: false },
);
export const CategoryParams = Type.Object({ code: CategoryCode }, { additionalProperties: false });

export const SetCellBody = Type.Object({ agencyId: Uuid }, { additionalProperties: false });

export const CellChange = Type.Object(
  {
    categoryCode: CategoryCode,
    communeCode: CommuneCode,
    agencyId: Nullable(Uuid),
  },
  {
    additionalProperties: false,
    description: 'agencyId null: bỏ ô, quay về mặc định của lĩnh vực — clear back to the default',
  },
);
export const CellsBody = Type.Object(
  { cells: Type.Array(CellChange, { minItems: 1, maxItems: 2000 }) },
  { additionalProperties: false },
);
export type CellsBody = Static<typeof CellsBody>;

export const MatrixCell = Type.Object({
  categoryCode: Type.String(),
  communeCode: Type.String(),
  /** Where a new report of this category in this commune goes now. */
  agencyId: Nullable(Type.String()),
  /** Where it would go without an explicit cell. */
  defaultAgencyId: Nullable(Type.String()),
  source: StringEnum(['matrix', 'default'] as const, {
    description: 'matrix = ô được đặt riêng; default = theo mặc định của lĩnh vực',
  }),
  updatedAt: Nullable(Instant),
  updatedBy: Nullable(Type.Object({ id: Type.String(), fullName: Type.String() })),
});

export const MatrixCategory = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  group: Type.String(),
  groupEn: Type.String(),
  active: Type.Boolean(),
  defaultLevel: DefaultLevel,
  defaultAgencyId: Nullable(Type.String()),
});

export const MatrixCommune = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  kind: CommuneKind,
});

export const MatrixAgency = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: AgencyKind,
  communeCodes: Type.Array(Type.String(), {
    description: 'Các xã, phường cơ quan phục vụ; rỗng: phục vụ cả tỉnh',
  }),
});

export const RoutingMatrix = Type.Object({
  categories: Type.Array(MatrixCategory),
  communes: Type.Array(MatrixCommune),
  agencies: Type.Array(MatrixAgency, {
    description: 'Cơ quan có thể nhận phản ánh — agencies that can take reports',
  }),
  cells: Type.Array(MatrixCell),
});

export const CellsReply = Type.Object({
  changed: Type.Integer({ description: 'Số ô thực sự thay đổi — cells that changed' }),
  cells: Type.Array(MatrixCell),
});

const AnswerTemplate = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
const Deadline = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: 365 }), unit: DeadlineUnit },
  { additionalProperties: false },
);

export const CategorySettings = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  group: Type.String(),
  groupEn: Type.String(),
  active: Type.Boolean(),
  deadline: Type.Object({ amount: Type.Integer(), unit: DeadlineUnit }),
  answerTemplates: Type.Array(Type.Object({ title: Type.String(), body: Type.String() })),
  updatedAt: Instant,
});
export const CategorySettingsList = Type.Object({ items: Type.Array(CategorySettings) });

export const CategorySettingsBody = Type.Object(
  {
    deadline: Type.Optional(Deadline),
    active: Type.Optional(Type.Boolean()),
    answerTemplates: Type.Optional(Type.Array(AnswerTemplate, { maxItems: 20 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CategorySettingsBody = Static<typeof CategorySettingsBody>;
