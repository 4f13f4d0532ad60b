import type { Generated } from 'kysely';

/** city = thành phố trực thuộc trung ương, province = tỉnh. */
export type ProvinceKind = 'city' | 'province';
/** ward = phường, commune = xã, special_zone = đặc khu. */
export type CommuneKind = 'ward' | 'commune' | 'special_zone';

export interface AdminProvinceTable {
  /** 2-digit national code, e.g. `22` for Quảng Ninh. */
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  codeName: string;
  kind: ProvinceKind;
  /** PostGIS geometry(MultiPolygon,4326); read it through SQL functions only. */
  boundary: string | null;
  areaKm2: number | null;
}

export interface AdminCommuneTable {
  /** 5-digit national code, e.g. `06688` for phường Hạ Long. */
  code: string;
  provinceCode: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  codeName: string;
  kind: CommuneKind;
  /** Generated: lower-case text without diacritics, for search. */
  searchText: Generated<string>;
  boundary: string | null;
  areaKm2: number | null;
}

/** A commune's boundary cut small (kept by a trigger); for point lookup only. */
export interface AdminCommunePieceTable {
  communeCode: string;
  /** PostGIS geometry(Geometry,4326). */
  piece: string;
}

export interface GeoTables {
  adminProvince: AdminProvinceTable;
  adminCommune: AdminCommuneTable;
  adminCommunePiece: AdminCommunePieceTable;
}
