/**
 * Birth registration (1.001193) as GET /api/procedures/:code answers it, built from the
 * demo catalog's own record: received by each commune, three cases of documents, a form
 * with a section shown only when the father is known.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureView } from '../procedures/procedures-api';

const RECORD = path.resolve(import.meta.dirname, '../../../../seed/data/procedures/1.001193.json');

export function birthRegistration(): ProcedureView {
  const record = JSON.parse(fs.readFileSync(RECORD, 'utf8')) as {
    tthc: ProcedureView['tthc'];
    tinhso: { nameEn: string; form: ProcedureView['form']; process: ProcedureView['process'] };
  };
  return {
    code: record.tthc.MaTTHC,
    name: record.tthc.TenTTHC,
    nameEn: record.tinhso.nameEn,
    revision: 1,
    updatedAt: '2026-03-01T00:00:00.000Z',
    receivingAgency: null,
    tthc: record.tthc,
    form: record.tinhso.form,
    process: record.tinhso.process,
    agencies: [],
  };
}

/** The birth registration's form answered fully, the father unknown. */
export const BIRTH_VALUES = {
  child_full_name: 'Trần Minh Khôi',
  child_birth_date: '2026-02-20',
  child_sex: 'nam',
  child_ethnicity: 'Kinh',
  child_nationality: 'Việt Nam',
  child_birth_commune: '06688',
  child_birth_place: 'Bệnh viện Bãi Cháy',
  child_home_town: 'Hạ Long, Quảng Ninh',
  mother_full_name: 'Nguyễn Thị Lan',
  mother_birth_date: '1990-05-14',
  mother_ethnicity: 'Kinh',
  mother_nationality: 'Việt Nam',
  mother_citizen_id: '022190001234',
  mother_residence: 'Tổ 3, khu 5, phường Hạ Long',
  father_known: 'khong',
  registrant_relationship: 'me',
  registrant_phone: '0912345678',
  declaration: true,
};
