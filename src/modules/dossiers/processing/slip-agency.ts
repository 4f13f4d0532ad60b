/**
 * How an agency heads the papers it prints (slips, letters, results): its name, the body
 * above it where the national style names one (a department under the provincial People's
 * Committee), and the place name of the date line ("Hạ Long, ngày …").
 */
import type { DossiersDb, DossiersTrx } from '../dossiers-db';
import type { SlipAgency } from '../slips';

const PLACE_PREFIXES =
  /^(ủy ban nhân dân|uỷ ban nhân dân|trung tâm phục vụ hành chính công|sở [^ ]+( [^ ]+)?)\s+/iu;
const UNIT_PREFIXES = /^(tỉnh|thành phố|phường|xã|đặc khu|thị trấn)\s+/iu;

/** "Ủy ban nhân dân phường Hạ Long" → "Hạ Long". */
export function placeNameOf(name: string): string {
  const place = name.replace(PLACE_PREFIXES, '').replace(UNIT_PREFIXES, '').trim();
  return place || name;
}

export async function slipAgencyOf(
  db: DossiersDb | DossiersTrx,
  agencyId: string,
  provincePlace = 'Quảng Ninh',
): Promise<SlipAgency> {
  const agency = await db
    .selectFrom('agency')
    .leftJoin('agency as parent', 'parent.id', 'agency.parentId')
    .select(['agency.name', 'agency.kind', 'parent.name as parentName'])
    .where('agency.id', '=', agencyId)
    .executeTakeFirstOrThrow();
  const underProvince = agency.kind !== 'commune_committee' && agency.kind !== 'province_committee';
  return {
    name: agency.name,
    ...(underProvince && agency.parentName ? { parentName: agency.parentName } : {}),
    placeName: underProvince ? provincePlace : placeNameOf(agency.name),
  };
}
