/** Shapes of the inbox's map feed and of the officers a report may be assigned to. */
import { Type, type Static } from 'typebox';
import { StringEnum } from '../../kernel/geo/geo.schemas';
import { InboxQuery, ReportStatus } from './feedback.schemas';
import { LATENESS } from './stats.schemas';

// The map shows every matching report at once: the list's paging and order do not apply.
const { page: _page, pageSize: _pageSize, sort: _sort, ...filterFields } = InboxQuery.properties;

export const InboxMapQuery = Type.Object(filterFields, { additionalProperties: false });
export type InboxMapQuery = Static<typeof InboxMapQuery>;

const InboxMapFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
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
        trackingCode: Type.String(),
        status: ReportStatus,
        categoryName: Type.String(),
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

export const InboxMapFeed = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(InboxMapFeature),
    cap: Type.Integer({ description: 'Most points one answer carries.' }),
    truncated: Type.Boolean({
      description: 'More reports matched than `cap`; the newest are kept.',
    }),
  },
  { additionalProperties: false },
);
export type InboxMapFeed = Static<typeof InboxMapFeed>;

export const AssigneeList = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), fullName: Type.String() },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AssigneeList = Static<typeof AssigneeList>;
