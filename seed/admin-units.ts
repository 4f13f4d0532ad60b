/**
 * Loads the administrative units (34 provinces and cities, 3,321 commune-level units) and
 * the boundaries shipped in seed/data/admin-units into `admin_province` and `admin_commune`.
 *
 * Reference data: it runs on every `seed`, so a re-run must cost next to nothing. It compares
 * row counts with the files and returns at once when they match; otherwise it upserts
 * everything in one transaction (batched inserts, boundaries parsed by PostGIS with
 * ST_GeomFromGeoJSON), so a crash half-way leaves the previous state intact.
 * Boundaries are data-driven: every `*.geojson` in the folder is read, and each feature is
 * matched by its `id` — 2 digits for a province, 5 digits for a commune-level unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from '../src/kernel/db/database';
import type { CommuneKind, ProvinceKind } from '../src/kernel/geo/geo.tables';

export const ADMIN_UNITS_DIR = fileURLToPath(new URL('./data/admin-units/', import.meta.url));

interface SourceUnit {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
  CodeName: string;
  /** 1 thành phố trực thuộc trung ương, 2 tỉnh, 3 phường, 4 xã, 5 đặc khu. */
  AdministrativeUnitId: number;
}

interface SourceProvince extends SourceUnit {
  Wards: SourceUnit[];
}

interface SourceFeature {
  id?: string | number;
  properties?: { code?: string; areaKm2?: number } | null;
  geometry: unknown;
}

interface Boundary {
  code: string;
  geometry: string;
  areaKm2: number | null;
}

const PROVINCE_KINDS: Record<number, ProvinceKind> = { 1: 'city', 2: 'province' };
const COMMUNE_KINDS: Record<number, CommuneKind> = { 3: 'ward', 4: 'commune', 5: 'special_zone' };
/** Rows per INSERT: 9 parameters each, far below PostgreSQL's 65,535. */
const BATCH = 500;

export interface AdminUnitsResult {
  provinces: number;
  communes: number;
  provinceBoundaries: number;
  communeBoundaries: number;
  /** False when the database already held exactly this data. */
  loaded: boolean;
}

export async function loadAdminUnits(
  db: Db,
  dir: string = ADMIN_UNITS_DIR,
): Promise<AdminUnitsResult> {
  const provinces = JSON.parse(
    fs.readFileSync(path.join(dir, 'vn-units-full.json'), 'utf8'),
  ) as SourceProvince[];
  const boundaries = readBoundaries(dir);
  const provinceBoundaries = boundaries.filter((b) => b.code.length === 2);
  const communeBoundaries = boundaries.filter((b) => b.code.length === 5);
  const expected = {
    provinces: provinces.length,
    communes: provinces.reduce((sum, p) => sum + p.Wards.length, 0),
    provinceBoundaries: provinceBoundaries.length,
    communeBoundaries: communeBoundaries.length,
  };

  const current = await countRows(db);
  if (
    current.provinces === expected.provinces &&
    current.communes === expected.communes &&
    current.provinceBoundaries === expected.provinceBoundaries &&
    current.communeBoundaries === expected.communeBoundaries
  ) {
    return { ...expected, loaded: false };
  }

  await db.transaction().execute(async (trx) => {
    await upsertProvinces(trx, provinces);
    await upsertCommunes(trx, provinces);
    await setBoundaries(trx, 'admin_province', provinceBoundaries);
    await setBoundaries(trx, 'admin_commune', communeBoundaries);
  });
  return { ...expected, loaded: true };
}

async function countRows(db: Db): Promise<Omit<AdminUnitsResult, 'loaded'>> {
  const result = await sql<Omit<AdminUnitsResult, 'loaded'>>`
    SELECT
      (SELECT count(*) FROM admin_province) AS provinces,
      (SELECT count(*) FROM admin_commune) AS communes,
      (SELECT count(boundary) FROM admin_province) AS province_boundaries,
      (SELECT count(boundary) FROM admin_commune) AS commune_boundaries
  `.execute(db);
  return result.rows[0]!;
}

async function upsertProvinces(db: Db, provinces: SourceProvince[]): Promise<void> {
  await db
    .insertInto('adminProvince')
    .values(
      provinces.map((p) => ({
        code: p.Code,
        name: p.Name,
        nameEn: p.NameEn,
        fullName: p.FullName,
        fullNameEn: p.FullNameEn,
        codeName: p.CodeName,
        kind: kindOf(PROVINCE_KINDS, p),
      })),
    )
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        nameEn: eb.ref('excluded.nameEn'),
        fullName: eb.ref('excluded.fullName'),
        fullNameEn: eb.ref('excluded.fullNameEn'),
        codeName: eb.ref('excluded.codeName'),
        kind: eb.ref('excluded.kind'),
      })),
    )
    .execute();
}

async function upsertCommunes(db: Db, provinces: SourceProvince[]): Promise<void> {
  const rows = provinces.flatMap((p) =>
    p.Wards.map((w) => ({
      code: w.Code,
      provinceCode: p.Code,
      name: w.Name,
      nameEn: w.NameEn,
      fullName: w.FullName,
      fullNameEn: w.FullNameEn,
      codeName: w.CodeName,
      kind: kindOf(COMMUNE_KINDS, w),
    })),
  );
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto('adminCommune')
      .values(rows.slice(start, start + BATCH))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          provinceCode: eb.ref('excluded.provinceCode'),
          name: eb.ref('excluded.name'),
          nameEn: eb.ref('excluded.nameEn'),
          fullName: eb.ref('excluded.fullName'),
          fullNameEn: eb.ref('excluded.fullNameEn'),
          codeName: eb.ref('excluded.codeName'),
          kind: eb.ref('excluded.kind'),
        })),
      )
      .execute();
  }
}

/**
 * One UPDATE per table. Polygons are made valid if needed (a self-touching ring would make
 * ST_Intersects answer wrongly) and always stored as MultiPolygon.
 */
async function setBoundaries(
  db: Db,
  table: 'admin_province' | 'admin_commune',
  boundaries: Boundary[],
): Promise<void> {
  if (boundaries.length === 0) return;
  const values = sql.join(
    boundaries.map(
      (b) => sql`(${b.code}::text, ${b.geometry}::text, ${b.areaKm2}::double precision)`,
    ),
  );
  const result = await sql`
    WITH source AS (
      SELECT v.code, ST_SetSRID(ST_GeomFromGeoJSON(v.geometry), 4326) AS shape, v.area_km2
      FROM (VALUES ${values}) AS v(code, geometry, area_km2)
    )
    UPDATE ${sql.table(table)} AS t
    SET boundary = ST_Multi(
          CASE WHEN ST_IsValid(s.shape) THEN s.shape
               ELSE ST_CollectionExtract(ST_MakeValid(s.shape), 3) END
        ),
        area_km2 = s.area_km2
    FROM source s
    WHERE t.code = s.code
  `.execute(db);
  const updated = Number(result.numAffectedRows ?? 0);
  if (updated !== boundaries.length) {
    throw new Error(
      `${table}: ${boundaries.length - updated} boundary feature(s) have no matching unit code`,
    );
  }
}

function readBoundaries(dir: string): Boundary[] {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort();
  const seen = new Set<string>();
  const boundaries: Boundary[] = [];
  for (const file of files) {
    const collection = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      features?: SourceFeature[];
    };
    for (const feature of collection.features ?? []) {
      const code = String(feature.properties?.code ?? feature.id ?? '');
      if (!/^(\d{2}|\d{5})$/.test(code)) {
        throw new Error(`${file}: a feature has no 2- or 5-digit unit code (got "${code}")`);
      }
      if (seen.has(code)) throw new Error(`${file}: unit ${code} has more than one boundary`);
      seen.add(code);
      boundaries.push({
        code,
        geometry: JSON.stringify(feature.geometry),
        areaKm2: feature.properties?.areaKm2 ?? null,
      });
    }
  }
  return boundaries;
}

function kindOf<K extends string>(kinds: Record<number, K>, unit: SourceUnit): K {
  const kind = kinds[unit.AdministrativeUnitId];
  if (!kind) {
    throw new Error(
      `unit ${unit.Code} has unknown AdministrativeUnitId ${unit.AdministrativeUnitId}`,
    );
  }
  return kind;
}
