/**
 * Request and response shapes of the report statistics: the public agency scorecard, the
 * map feed (GeoJSON) and the operations-center KPIs. None of them carries personal data.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { CommuneCode, StringEnum } from '../../kernel/geo/geo.schemas';
import { CategoryCode, ReportStatus } from './feedback.schemas';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(
  Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'A share from 0 to 1; null when nothing to measure.',
  }),
);
const Instant = Type.String({ format: 'date-time' });

export const ScorecardQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Reports filed from (default: 90 days before `to`).',
      }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', description: 'Reports filed before (default: now).' }),
    ),
  },
  { additionalProperties: false },
);
export type ScorecardQuery = Static<typeof ScorecardQuery>;

const scoreFields = {
  received: Type.Integer({
    minimum: 0,
    description: 'Reports filed in the window (duplicates left out).',
  }),
  answered: Type.Integer({
    minimum: 0,
    description: 'Of those, resolved or rejected with an answer.',
  }),
  answeredOnTime: Type.Integer({ minimum: 0, description: 'Answered no later than the deadline.' }),
  onTimeRate: Rate,
  averageAnswerWorkingHours: Nullable(
    Type.Number({
      minimum: 0,
      description: 'Mean working time from filing to answer, in working hours.',
    }),
  ),
  satisfactionRate: Rate,
  rated: Count,
  openNow: Type.Integer({ minimum: 0, description: 'Open now, whenever filed.' }),
  overdueNow: Type.Integer({ minimum: 0, description: 'Open now and past the deadline.' }),
};

export const AgencyScore = Type.Object(
  {
    agency: Type.Object({
      id: Type.String({ format: 'uuid' }),
      code: Type.String(),
      name: Type.String(),
      nameEn: Nullable(Type.String()),
    }),
    ...scoreFields,
  },
  { additionalProperties: false },
);
export type AgencyScore = Static<typeof AgencyScore>;

export const Scorecard = Type.Object(
  {
    from: Instant,
    to: Instant,
    agencies: Type.Array(AgencyScore, {
      description: 'Best on-time rate first, then most reports answered, then by name.',
    }),
    totals: Type.Object(scoreFields, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type Scorecard = Static<typeof Scorecard>;

export const LATENESS = ['on_time', 'due_soon', 'overdue'] as const;
export type Lateness = (typeof LATENESS)[number];

export const MapQuery = Type.Object(
  {
    status: StringEnum(['open', 'all'] as const, { default: 'open' }),
    categoryCode: Type.Optional(CategoryCode),
    communeCode: Type.Optional(CommuneCode),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type MapQuery = Static<typeof MapQuery>;

const MapFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    id: Type.String({ description: 'The tracking code.' }),
    geometry: Type.Object(
      {
        type: Type.Literal('Point'),
        coordinates: Type.Array(Type.Number(), {
          minItems: 2,
          maxItems: 2,
          description: '[longitude, latitude] (RFC 7946).',
        }),
      },
      { additionalProperties: false },
    ),
    properties: Type.Object(
      {
        category: Type.String({ description: 'Category code.' }),
        status: ReportStatus,
        lateness: StringEnum(LATENESS, {
          description:
            'overdue: open past the deadline, or answered after it; due_soon: open with less than a fifth of its time left; on_time: otherwise.',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const MapFeed = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(MapFeature),
    cap: Type.Integer({ description: 'Most points one answer carries.' }),
    truncated: Type.Boolean({
      description: 'More reports matched than `cap`; the newest are kept.',
    }),
  },
  { additionalProperties: false },
);
export type MapFeed = Static<typeof MapFeed>;

export const FeedbackOpsKpis = Type.Object(
  {
    reportsToday: Type.Integer({
      minimum: 0,
      description: 'Filed since local midnight (Vietnam day).',
    }),
    open: Count,
    overdue: Count,
    onTimeRate30d: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
      description:
        'Of the reports answered in the last 30 days, the share answered by the deadline.',
    }),
    satisfaction30d: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
      description: 'Of the ratings given in the last 30 days, the share "satisfied".',
    }),
    topCategories: Type.Array(
      Type.Object(
        { code: Type.String(), name: Type.String(), nameEn: Type.String(), reports: Count },
        { additionalProperties: false },
      ),
      { description: 'Most reported categories in the last 30 days (at most 10).' },
    ),
    communes: Type.Array(
      Type.Object(
        { code: Type.String(), name: Type.String(), open: Count, reports30d: Count },
        { additionalProperties: false },
      ),
      { description: 'Communes with open reports or reports in the last 30 days, by code.' },
    ),
    generatedAt: Instant,
  },
  { additionalProperties: false },
);
export type FeedbackOpsKpis = Static<typeof FeedbackOpsKpis>;
