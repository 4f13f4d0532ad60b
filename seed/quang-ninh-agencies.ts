/**
 * Quảng Ninh demo agencies: the provincial People's Committee, its departments and bodies
 * after the 2025 reorganisation, the provincial Public Administration Service Center, and
 * one People's Committee per commune-level unit (54), each serving its own commune.
 *
 * The codes have the national shape (mã định danh, `000.00.NN.H49`; H49 is Quảng Ninh) but
 * are DEMO codes, numbered here in order: they are not the codes the national directory
 * assigns to these bodies. Other demo seeds find the agencies through `demoAgencyIds`.
 *
 * Written as three statements (agencies, served communes, nothing else), so it loads in a
 * fraction of a second even on the embedded database. Needs the administrative units (the
 * geo reference seed) to be loaded first.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/kernel/db/database';
import type { AgencyKind } from '../src/kernel/agencies/agencies.tables';

const PROVINCE_CODE = '22';

/** UBND tỉnh Quảng Ninh. */
export const DEMO_PROVINCE_COMMITTEE_CODE = '000.00.00.H49';
/** Trung tâm Phục vụ hành chính công tỉnh. */
export const DEMO_SERVICE_CENTER_CODE = '000.00.20.H49';

interface ProvincialBody {
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
}

/** Provincial bodies under the committee, as reorganised from 1 March 2025. */
export const DEMO_PROVINCIAL_BODIES: readonly ProvincialBody[] = [
  body('01', 'Văn phòng UBND tỉnh', "Office of the Provincial People's Committee", 'department'),
  body('02', 'Sở Nội vụ', 'Department of Home Affairs', 'department'),
  body('03', 'Sở Tài chính', 'Department of Finance', 'department'),
  body('04', 'Sở Xây dựng', 'Department of Construction', 'department'),
  body(
    '05',
    'Sở Nông nghiệp và Môi trường',
    'Department of Agriculture and Environment',
    'department',
  ),
  body('06', 'Sở Y tế', 'Department of Health', 'department'),
  body('07', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training', 'department'),
  body(
    '08',
    'Sở Văn hóa, Thể thao và Du lịch',
    'Department of Culture, Sports and Tourism',
    'department',
  ),
  body('09', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', 'department'),
  body('10', 'Sở Công Thương', 'Department of Industry and Trade', 'department'),
  body('11', 'Sở Tư pháp', 'Department of Justice', 'department'),
  body(
    '12',
    'Sở Dân tộc và Tôn giáo',
    'Department of Ethnic Minorities and Religions',
    'department',
  ),
  body('13', 'Thanh tra tỉnh', 'Provincial Inspectorate', 'department'),
  body('14', 'Công an tỉnh Quảng Ninh', 'Quang Ninh Provincial Police', 'other'),
  body('15', 'Ban Quản lý Khu kinh tế Quảng Ninh', 'Quang Ninh Economic Zone Authority', 'other'),
  body(
    '20',
    'Trung tâm Phục vụ hành chính công tỉnh',
    'Provincial Public Administration Service Center',
    'public_service_center',
  ),
];

function body(group: string, name: string, nameEn: string, kind: AgencyKind): ProvincialBody {
  return { code: `000.00.${group}.H49`, name, nameEn, kind };
}

/**
 * The demo code of the People's Committee of a commune-level unit: communes in code order
 * take the level-2 numbers from 31 (31 = phường Hà Tu, 06652 … 84 = đặc khu Cô Tô, 07192).
 */
export function demoCommuneCommitteeCode(position: number): string {
  return `000.00.${String(31 + position).padStart(2, '0')}.H49`;
}

/**
 * Loads the demo agencies unless the provincial committee is already there. Returns the ids
 * by code in both cases.
 */
export async function loadQuangNinhAgencies(db: Db): Promise<Map<string, string>> {
  const existing = await demoAgencyIds(db);
  if (existing.has(DEMO_PROVINCE_COMMITTEE_CODE)) return existing;

  const communes = await db
    .selectFrom('adminCommune')
    .select(['code', 'fullName', 'fullNameEn'])
    .where('provinceCode', '=', PROVINCE_CODE)
    .orderBy('code')
    .execute();
  if (communes.length === 0) {
    throw new Error('the administrative units must be loaded before the demo agencies');
  }

  const rootId = randomUUID();
  const rootPath = `/${rootId}/`;
  const child = (agency: Omit<ProvincialBody, 'kind'> & { kind: AgencyKind }) => {
    const id = randomUUID();
    return { id, ...agency, parentId: rootId, path: `${rootPath}${id}/` };
  };
  const bodies = DEMO_PROVINCIAL_BODIES.map(child);
  const committees = communes.map((commune, position) => ({
    communeCode: commune.code,
    ...child({
      code: demoCommuneCommitteeCode(position),
      // "Phường Hạ Long" → "UBND phường Hạ Long"; "Đặc khu Vân Đồn" → "UBND đặc khu Vân Đồn".
      name: `UBND ${lowerFirst(commune.fullName)}`,
      nameEn: `People's Committee of ${commune.fullNameEn}`,
      kind: 'commune_committee',
    }),
  }));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agency')
      .values([
        {
          id: rootId,
          code: DEMO_PROVINCE_COMMITTEE_CODE,
          name: 'UBND tỉnh Quảng Ninh',
          nameEn: "Quang Ninh Provincial People's Committee",
          kind: 'province_committee',
          parentId: null,
          path: rootPath,
        },
        ...[...bodies, ...committees].map(({ id, code, name, nameEn, kind, parentId, path }) => ({
          id,
          code,
          name,
          nameEn,
          kind,
          parentId,
          path,
        })),
      ])
      .execute();
    await trx
      .insertInto('agencyCommune')
      .values(committees.map((c) => ({ agencyId: c.id, communeCode: c.communeCode })))
      .execute();
  });
  return demoAgencyIds(db);
}

/** Ids of the Quảng Ninh demo agencies (codes ending in .H49), by code. */
export async function demoAgencyIds(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('code', 'like', '%.H49')
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The demo People's Committee serving a commune-level unit, e.g. `06688` (phường Hạ Long). */
export async function demoCommuneCommitteeId(
  db: Db,
  communeCode: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('agency')
    .innerJoin('agencyCommune', 'agencyCommune.agencyId', 'agency.id')
    .select('agency.id')
    .where('agencyCommune.communeCode', '=', communeCode)
    .where('agency.kind', '=', 'commune_committee')
    .executeTakeFirst();
  return row?.id;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
