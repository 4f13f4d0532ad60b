/** SQL for administrative units. Functions take the database or a transaction first. */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { KernelTables } from '../db/tables';
import type { CommuneKind, ProvinceKind } from './geo.tables';

/** The database or a transaction (Kysely's types are invariant, so the kernel's full set). */
export type GeoDb = Kysely<KernelTables>;

export interface LocatedCommune {
  commune: { code: string; name: string; nameEn: string; fullName: string; kind: CommuneKind };
  province: { code: string; name: string };
}

interface LocateRow {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  kind: CommuneKind;
  provinceCode: string;
  provinceName: string;
}

/**
 * The commune containing a point, as a scalar subquery over the boundaries cut small
 * (admin_commune_piece): one GiST-indexed lookup that tests a piece of a hundred vertices
 * rather than a whole boundary. ST_Intersects (not ST_Contains) so a point exactly on a
 * border still finds a commune; the lowest code wins there, so the answer never flickers.
 * `lon` and `lat` are SQL expressions (parameters or columns).
 */
export function communeAtSql(lon: string, lat: string): string {
  return `(SELECT piece.commune_code FROM admin_commune_piece piece
    WHERE ST_Intersects(piece.piece, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))
    ORDER BY piece.commune_code LIMIT 1)`;
}

// Columns are aliased in camelCase so a bare `pg` client gets the same row shape as Kysely.
const LOCATE_COMMUNE_SQL = `SELECT c.code, c.name, c.name_en AS "nameEn", c.full_name AS "fullName", c.kind,
  p.code AS "provinceCode", p.name AS "provinceName"
FROM admin_commune c JOIN admin_province p ON p.code = c.province_code
WHERE c.code = ${communeAtSql('$1', '$2')}`;

/**
 * The point-in-commune query as a `pg` query config (`{text, values}`), so a benchmark can
 * run exactly the statement the platform runs.
 */
export function locateCommuneSql(lat: number, lon: number): { text: string; values: number[] } {
  return { text: LOCATE_COMMUNE_SQL, values: [lon, lat] };
}

/** The commune-level unit containing the WGS84 point, or null outside every loaded boundary. */
export async function locateCommune(
  db: GeoDb,
  lat: number,
  lon: number,
): Promise<LocatedCommune | null> {
  const { text, values } = locateCommuneSql(lat, lon);
  const result = await db.executeQuery<LocateRow>(CompiledQuery.raw(text, values));
  const row = result.rows[0];
  if (!row) return null;
  return {
    commune: {
      code: row.code,
      name: row.name,
      nameEn: row.nameEn,
      fullName: row.fullName,
      kind: row.kind,
    },
    province: { code: row.provinceCode, name: row.provinceName },
  };
}

export interface ProvinceSummary {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  kind: ProvinceKind;
  communeCount: number;
  /** How many of its units have a boundary loaded (the covered area). */
  boundaryCount: number;
}

export async function listProvinces(db: GeoDb): Promise<ProvinceSummary[]> {
  return db
    .selectFrom('adminProvince as p')
    .leftJoin('adminCommune as c', 'c.provinceCode', 'p.code')
    .select((eb) => [
      'p.code',
      'p.name',
      'p.nameEn',
      'p.fullName',
      'p.kind',
      eb.fn.count<number>('c.code').as('communeCount'),
      eb.fn.count<number>('c.boundary').as('boundaryCount'),
    ])
    .groupBy('p.code')
    .orderBy('p.code')
    .execute();
}

export async function provinceExists(db: GeoDb, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('adminProvince')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export interface CommuneSummary {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  kind: CommuneKind;
  provinceCode: string;
}

export interface CommuneSearch {
  provinceCode?: string;
  /** A pattern from `searchPattern`: NFC, spaces squeezed, LIKE wildcards escaped. */
  pattern?: string | null;
  page: number;
  pageSize: number;
}

/** Communes matching the search, best matches first; `total` counts every match. */
export async function searchCommunes(
  db: GeoDb,
  search: CommuneSearch,
): Promise<{ items: CommuneSummary[]; total: number }> {
  const normalised = search.pattern
    ? sql<string>`lower(immutable_unaccent(${search.pattern}))`
    : null;
  const base = db.selectFrom('adminCommune').where((eb) => {
    const conditions = [];
    if (search.provinceCode) conditions.push(eb('provinceCode', '=', search.provinceCode));
    if (normalised && search.pattern) {
      const matches = [eb('searchText', 'like', sql<string>`'%' || ${normalised} || '%'`)];
      // A typed code ("0668") finds its units as well.
      if (/^\d{1,5}$/.test(search.pattern)) matches.push(eb('code', 'like', `${search.pattern}%`));
      conditions.push(eb.or(matches));
    }
    return eb.and(conditions);
  });

  const [items, count] = await Promise.all([
    base
      .select(['code', 'name', 'nameEn', 'fullName', 'kind', 'provinceCode'])
      // Exact names first, then names starting with the text, then the rest, by code.
      .$if(normalised !== null, (qb) =>
        qb.orderBy(
          sql`CASE WHEN lower(immutable_unaccent(name)) = ${normalised}
                   THEN 0
                   WHEN lower(immutable_unaccent(name)) LIKE ${normalised} || '%' THEN 1
                   ELSE 2 END`,
        ),
      )
      .orderBy('code')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.total };
}

export interface CommuneDetail extends CommuneSummary {
  fullNameEn: string;
  provinceName: string;
  areaKm2: number | null;
  hasBoundary: boolean;
  /** A point guaranteed inside the unit (for a map marker), when its boundary is loaded. */
  center: { lat: number; lon: number } | null;
}

export async function findCommune(db: GeoDb, code: string): Promise<CommuneDetail | null> {
  const row = await db
    .selectFrom('adminCommune as c')
    .innerJoin('adminProvince as p', 'p.code', 'c.provinceCode')
    .select([
      'c.code',
      'c.name',
      'c.nameEn',
      'c.fullName',
      'c.fullNameEn',
      'c.kind',
      'c.provinceCode',
      'p.name as provinceName',
      'c.areaKm2',
      sql<number | null>`ST_Y(ST_PointOnSurface(c.boundary))`.as('centerLat'),
      sql<number | null>`ST_X(ST_PointOnSurface(c.boundary))`.as('centerLon'),
    ])
    .where('c.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const { centerLat, centerLon, ...commune } = row;
  const hasBoundary = centerLat !== null && centerLon !== null;
  return {
    ...commune,
    hasBoundary,
    center: hasBoundary ? { lat: round(centerLat, 6), lon: round(centerLon, 6) } : null,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Codes among `codes` that are not commune-level units. */
export async function unknownCommuneCodes(db: GeoDb, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .selectFrom('adminCommune')
    .select('code')
    .where('code', 'in', [...codes])
    .execute();
  const known = new Set(found.map((r) => r.code));
  return codes.filter((code) => !known.has(code));
}

/**
 * The province's commune boundaries as a GeoJSON FeatureCollection text, built by the
 * database in one statement: simplified to ~0.0005° (≈ 55 m, invisible at the zoom levels a
 * province map uses) and rounded to 5 decimals (≈ 1 m), which cuts the 4.4 MB source to a
 * size a phone loads quickly. Null when the province does not exist; an empty collection
 * when it has no boundaries loaded.
 */
export async function boundariesFeatureCollection(
  db: GeoDb,
  provinceCode: string,
): Promise<string | null> {
  const result = await sql<{ body: string }>`
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', coalesce(
        json_agg(
          json_build_object(
            'type', 'Feature',
            'id', c.code,
            'properties', json_build_object(
              'code', c.code, 'name', c.name, 'nameEn', c.name_en, 'kind', c.kind
            ),
            'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(c.boundary, 0.0005), 5)::json
          ) ORDER BY c.code
        ) FILTER (WHERE c.boundary IS NOT NULL),
        '[]'::json
      )
    )::text AS body
    FROM admin_province p
    LEFT JOIN admin_commune c ON c.province_code = p.code
    WHERE p.code = ${provinceCode}
    GROUP BY p.code
  `.execute(db);
  return result.rows[0]?.body ?? null;
}
