import type { ColumnType, Generated } from 'kysely';

export type AgencyKind =
  | 'province_committee'
  | 'department'
  | 'district_committee'
  | 'commune_committee'
  | 'public_service_center'
  | 'other';

export interface AgencyTable {
  id: Generated<string>;
  /** National agency code (mã định danh), e.g. `000.00.22.H49`. */
  code: string;
  name: string;
  nameEn: string | null;
  kind: AgencyKind;
  parentId: string | null;
  /**
   * Materialised path of ids from the root, `/<root id>/…/<own id>/`: "is in the subtree of"
   * is a prefix test that an index answers.
   */
  path: string;
  active: Generated<boolean>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface AgencyCommuneTable {
  agencyId: string;
  /** 5-digit commune-level unit code, e.g. `06652`. */
  communeCode: string;
}

export interface AgenciesTables {
  agency: AgencyTable;
  agencyCommune: AgencyCommuneTable;
}
