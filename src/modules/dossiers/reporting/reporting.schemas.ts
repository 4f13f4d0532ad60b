/**
 * Request and response shapes of the service-quality index (Decision 766/QĐ-TTg) and the
 * dossiers' operations figures. Nothing personal: dossiers appear by code only.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { ProblemResponse, StringEnum } from '../../../kernel/geo/geo.schemas';
import { OPEN_STATUSES } from './index-counts.queries';

export { ProblemResponse };

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
/** Dates are serialised as ISO 8601 instants. */
const Instant = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const InstantAfter = Type.Unsafe<Date>({
  type: 'string',
  format: 'date-time',
  description: 'The first instant after the period.',
});
const Share = Nullable(
  Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'A share from 0 to 1; null when nothing to count.',
  }),
);
const Points = Type.Number({ minimum: 0, maximum: 100 });
const LocalText = Type.Object({ vi: Type.String(), en: Type.String() });
const AgencyCode = Type.String({
  pattern: '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}$',
  description: 'Mã định danh cơ quan, e.g. 000.00.37.H49',
});
const Agency = Type.Object({ code: Type.String(), name: Type.String() });

export const ReportQuery = Type.Object(
  {
    period: Type.Optional(
      Type.String({
        maxLength: 16,
        description:
          'Kỳ báo cáo — a month (2026-10), a quarter (2026-Q3) or a year (2026) in Vietnam time; default: the current month.',
      }),
    ),
    agency: Type.Optional(AgencyCode),
  },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

const Period = Type.Object({
  key: Type.String({ description: '2026-10, 2026-Q3 or 2026' }),
  kind: StringEnum(['month', 'quarter', 'year'] as const),
  from: Instant,
  to: InstantAfter,
});

const Scope = Type.Object({
  kind: StringEnum(['province', 'agency', 'reach'] as const, {
    description:
      "province = every agency; agency = the subtree of the agency asked for; reach = the subtrees of the caller's grants",
  }),
  agency: Nullable(Agency),
  agencies: Type.Integer({ minimum: 0, description: 'Agencies with dossiers counted.' }),
});

const Indicator = Type.Object({
  code: Type.String(),
  group: Type.String(),
  name: LocalText,
  formula: Type.Object(
    { vi: Type.String(), en: Type.String() },
    { description: 'How the indicator is computed, for the hover text.' },
  ),
  status: StringEnum(['measured', 'no_data', 'not_measured'] as const, {
    description:
      'measured; no_data = nothing to count in the period (left out of the maximum); not_measured = the platform holds no data for it (left out of the maximum)',
  }),
  numerator: Nullable(Count),
  denominator: Nullable(Count),
  value: Share,
  target: Type.Number({ minimum: 0, maximum: 1, description: 'Full points from this share.' }),
  points: Nullable(Points),
  max: Points,
});

const Group = Type.Object({
  code: Type.String(),
  name: LocalText,
  points: Points,
  max: Points,
  measuredMax: Type.Number({ minimum: 0, description: 'The maximum of the indicators scored.' }),
  indicators: Type.Array(Indicator),
});

const scoreFields = {
  points: Points,
  measuredMax: Type.Number({ minimum: 0 }),
  score: Nullable(
    Type.Number({
      minimum: 0,
      maximum: 100,
      description: 'points × 100 / measuredMax: the score out of 100; null when nothing scored.',
    }),
  ),
};

export const DossierIndex = Type.Object({
  period: Period,
  scope: Scope,
  computedAt: Type.Unsafe<Date>({
    type: 'string',
    format: 'date-time',
    description: 'When the figures were counted.',
  }),
  ...scoreFields,
  max: Points,
  groups: Type.Array(Group),
  agencies: Type.Array(Type.Object({ agency: Agency, ...scoreFields, onTimeRate: Share }), {
    description: 'Each receiving agency of the scope, best score first.',
  }),
});

export const DossierOpsFigures = Type.Object({
  period: Period,
  scope: Scope,
  computedAt: Instant,
  now: Instant,
  onTime: Type.Array(
    Type.Object({
      agency: Agency,
      resolved: Count,
      resolvedOnTime: Count,
      openLate: Count,
      rate: Share,
    }),
    {
      description: 'Tỷ lệ đúng hạn — the on-time rate of each agency for the period, lowest first.',
    },
  ),
  dueToday: Type.Object({
    date: Type.String({ description: "Today's date in Vietnam." }),
    total: Count,
    items: Type.Array(
      Type.Object({
        code: Type.String(),
        procedureCode: Type.String(),
        agency: Agency,
        dueAt: Instant,
        status: StringEnum(OPEN_STATUSES),
      }),
      { description: 'Open dossiers due today, soonest first (at most 100).' },
    ),
  }),
  lateOpen: Type.Object({
    total: Count,
    byAgency: Type.Array(Type.Object({ agency: Agency, count: Count }), {
      description: 'Open dossiers past their appointment now, by agency, most first.',
    }),
  }),
  trend: Type.Array(
    Type.Object({
      period: Type.String({ description: 'A month, 2026-10' }),
      ...scoreFields,
      onTimeRate: Share,
    }),
    { description: 'The index and the on-time rate month by month, the last 12 months.' },
  ),
});
