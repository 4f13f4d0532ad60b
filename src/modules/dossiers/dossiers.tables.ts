import type { ColumnType, Generated } from 'kysely';
import type { FormDefinition } from '../../kernel/forms';
import type {
  ApplicantType,
  OnlineServiceLevel,
  ProcedureLevel,
  ProcedureTinhso,
  ProcedureTthc,
} from './catalog/procedure-record';

type Json<T> = ColumnType<T, string, string>;

export interface ProcedureTable {
  id: Generated<string>;
  code: string;
  name: string;
  nameEn: string;
  fieldCode: string;
  fieldName: string;
  levels: ProcedureLevel[];
  onlineLevel: OnlineServiceLevel;
  applicantTypes: ApplicantType[];
  receivingAgencyId: string | null;
  tthc: Json<ProcedureTthc>;
  form: Json<FormDefinition>;
  process: Json<ProcedureTinhso['process']>;
  revision: Generated<number>;
  active: Generated<boolean>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  searchText: ColumnType<string, never, never>;
}

// A type, not an interface: Kysely's table maps need an index signature.
export type DossiersTables = {
  procedure: ProcedureTable;
};
