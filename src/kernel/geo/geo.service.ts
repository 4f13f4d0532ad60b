/** Rules of the geo API: what is "not found", paging, search normalisation. */
import { geoErrors } from './geo.errors';
import {
  findCommune,
  listProvinces,
  locateCommune,
  provinceExists,
  searchCommunes,
  type CommuneDetail,
  type CommuneSummary,
  type GeoDb,
  type LocatedCommune,
  type ProvinceSummary,
} from './geo.queries';
import { searchPattern } from './search-text';

/** The commune containing the point; GEO_OUTSIDE_COVERAGE when no loaded boundary does. */
export async function locate(db: GeoDb, lat: number, lon: number): Promise<LocatedCommune> {
  const found = await locateCommune(db, lat, lon);
  if (!found) throw geoErrors.GEO_OUTSIDE_COVERAGE({ lat, lon });
  return found;
}

export async function provinces(db: GeoDb): Promise<ProvinceSummary[]> {
  return listProvinces(db);
}

export interface CommunePageRequest {
  province?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function communePage(
  db: GeoDb,
  request: CommunePageRequest,
): Promise<{ items: CommuneSummary[]; page: number; pageSize: number; total: number }> {
  // An unknown province is a mistake worth naming, not an empty page.
  if (request.province && !(await provinceExists(db, request.province))) {
    throw geoErrors.GEO_PROVINCE_NOT_FOUND({ province: request.province });
  }
  const { items, total } = await searchCommunes(db, {
    provinceCode: request.province,
    pattern: request.q === undefined ? null : searchPattern(request.q),
    page: request.page,
    pageSize: request.pageSize,
  });
  return { items, page: request.page, pageSize: request.pageSize, total };
}

export async function commune(db: GeoDb, code: string): Promise<CommuneDetail> {
  const found = await findCommune(db, code);
  if (!found) throw geoErrors.GEO_COMMUNE_NOT_FOUND({ code });
  return found;
}
