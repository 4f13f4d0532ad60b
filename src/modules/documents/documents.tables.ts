import type { ColumnType, Generated } from 'kysely';

export type RegisterDirection = 'outgoing' | 'incoming';

/** How an agency signs its documents' notations and datelines. */
export interface DocumentIssuerTable {
  agencyId: string;
  /** `UBND` in `15/QĐ-UBND`. */
  abbreviation: string;
  /** `Hạ Long` in `Hạ Long, ngày 21 tháng 11 năm 2026`. */
  placeName: string;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** A register (sổ văn bản) of outgoing or incoming documents of one agency. */
export interface DocumentRegisterTable {
  id: Generated<string>;
  agencyId: string;
  direction: RegisterDirection;
  /** Short code unique within the agency, e.g. `VBDI`, `VBDEN`, `QD`. */
  code: string;
  name: string;
  createdAt: ColumnType<Date, Date | undefined, never>;
  retiredAt: Date | null;
}

export interface DocumentRegisterCounterTable {
  registerId: string;
  year: number;
  lastNumber: number;
}

// A type, not an interface: Kysely's withTables needs the implicit index signature.
export type DocumentsTables = {
  documentIssuer: DocumentIssuerTable;
  documentRegister: DocumentRegisterTable;
  documentRegisterCounter: DocumentRegisterCounterTable;
};
