/** TypeBox shapes of the ops API: what the operations center and the web app may read. */
import { Type, type Static } from 'typebox';

export const PublicConfig = Type.Object(
  {
    mapTileUrl: Type.Union([Type.String(), Type.Null()], {
      description: 'Raster tile URL template ({z}/{x}/{y}); null when the map works offline only.',
    }),
    provinceName: Type.String({ examples: ['Tỉnh Quảng Ninh'] }),
    provinceCode: Type.String({ pattern: '^\\d{2}$', examples: ['22'] }),
    defaultLocale: Type.Union([Type.Literal('vi'), Type.Literal('en')]),
  },
  { additionalProperties: false },
);
export type PublicConfig = Static<typeof PublicConfig>;

const Count = Type.Integer({ minimum: 0 });

export const OpsSummary = Type.Object(
  {
    users: Type.Object(
      { citizens: Count, staff: Count },
      { additionalProperties: false, description: 'Active accounts by type.' },
    ),
    agencies: Type.Integer({ minimum: 0, description: 'Active agencies.' }),
    auditEventsToday: Type.Integer({
      minimum: 0,
      description: 'Audit events since local midnight (the platform time zone).',
    }),
    auditEventsByHour: Type.Array(Count, {
      minItems: 24,
      maxItems: 24,
      description: 'Audit events today per local hour, index 0 = 00:00–00:59.',
    }),
    generatedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type OpsSummary = Static<typeof OpsSummary>;
