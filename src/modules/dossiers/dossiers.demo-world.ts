/**
 * What the demo dossiers are made of, read from the database once before anything is drawn:
 * the receiving agencies (each commune's People's Committee, and the agency the province's
 * procedures name, the public administration service center) with the communes they serve,
 * the active procedures with their channels, forms and steps, the people who act in each
 * agency (the staff accounts where there are some, made-up names elsewhere), the demo
 * citizen's account, and the working calendar.
 */
import type { WorkingCalendar } from '../../kernel/calendar';
import type { FormDefinition } from '../../kernel/forms';
import { DEMO_ACCOUNTS } from '../../kernel/auth';
import type { ProcedureTthc, ProcessStep } from './catalog/procedure-record';
import type { DossiersDb } from './dossiers-db';
import type { DemoCommune } from './dossiers.demo-forms';
import { DemoRandom } from './dossiers.demo-random';
import { person, personName, type DemoPerson } from './dossiers.demo-people';

/** Someone who acts on a dossier: a staff account (with its id), or a name only. */
export interface DemoActor {
  id: string | null;
  name: string;
}

export interface AgencyStaff {
  /** The one-stop desk officer (cán bộ một cửa). */
  desk: DemoActor;
  /** The specialist who examines (chuyên viên, công chức chuyên môn). */
  specialist: DemoActor;
  /** The leader who approves and signs. */
  leader: DemoActor;
}

export interface DemoAgency {
  id: string;
  code: string;
  name: string;
  /** The communes it serves (one for a commune's committee; none for the center). */
  communes: DemoCommune[];
  /** Relative volume of dossiers. */
  weight: number;
  /** The procedures it receives. */
  procedures: DemoProcedure[];
}

export interface DemoProcedure {
  id: string;
  code: string;
  name: string;
  revision: number;
  /** The agency that receives it (the service center), or null for each commune's own. */
  receivingAgencyId: string | null;
  tthc: ProcedureTthc;
  form: FormDefinition;
  steps: ProcessStep[];
  /** Agency id of a step named by code (a department), by the step's index. */
  namedStepAgencies: Map<number, string>;
  /** Relative volume among the procedures of its agencies. */
  weight: number;
}

export interface DemoWorld {
  calendar: WorkingCalendar;
  timezone: string;
  receiving: DemoAgency[];
  communes: DemoCommune[];
  staffOf(agencyId: string): AgencyStaff;
  agencyName(agencyId: string): string;
  /** The demo citizen's account, who submits a few of the online dossiers. */
  citizen: { id: string; person: DemoPerson } | null;
}

/**
 * How often each procedure is asked for, relative to the others of its agencies (demo
 * weights in the proportions of a commune's one-stop desk: certified copies and civil status
 * first, land and business less often).
 */
const PROCEDURE_WEIGHTS: Readonly<Record<string, number>> = {
  '2.000815': 24, // chứng thực bản sao từ bản chính
  '1.001193': 14, // đăng ký khai sinh
  '1.004873': 10, // xác nhận tình trạng hôn nhân
  '2.000884': 8, // chứng thực chữ ký
  '2.001035': 6, // chứng thực hợp đồng, giao dịch
  '1.000656': 6, // đăng ký khai tử
  '1.000894': 6, // đăng ký kết hôn
  '2.000635': 6, // bản sao trích lục hộ tịch
  '1.001612': 4, // thành lập hộ kinh doanh
  '2.000720': 3, // thay đổi đăng ký hộ kinh doanh
  '1.013978': 3, // đăng ký đất đai lần đầu
  '1.013225': 3, // giấy phép xây dựng
  '1.001776': 3, // trợ cấp xã hội hằng tháng
  '1.004884': 2, // đăng ký lại khai sinh
  '1.012812': 1.5, // hòa giải tranh chấp đất đai
  '1.001022': 1, // nhận cha, mẹ, con
  '1.004837': 1, // đăng ký giám hộ
  '1.010736': 1, // đăng ký môi trường
  // At the provincial service center.
  '1.013831': 50, // đăng ký biến động đất đai
  '2.001610': 18, // thành lập doanh nghiệp tư nhân
  '2.000591': 14, // an toàn thực phẩm
  '2.000633': 8, // giấy phép bán lẻ rượu
};

/** Relative volume of a commune's desk by the kind of unit; the busiest wards more. */
const KIND_WEIGHT: Readonly<Record<string, number>> = { ward: 1.4, commune: 1, special_zone: 0.6 };
const BUSY_COMMUNES: Readonly<Record<string, number>> = {
  // The central ward of the provincial capital, where the demo accounts work.
  '06688': 10, // phường Hạ Long
  '06685': 2.2, // phường Hồng Gai
  '06673': 2.2, // phường Bãi Cháy
  '06793': 2, // phường Cẩm Phả
  '06811': 2, // phường Uông Bí
  '06712': 1.8, // phường Móng Cái 1
  '07093': 1.6, // phường Đông Triều
  '07132': 1.6, // phường Quảng Yên
};

const STAFF_ROLES = { desk_officer: 'desk', officer: 'specialist', leader: 'leader' } as const;

export async function loadDemoWorld(
  db: DossiersDb,
  calendar: WorkingCalendar,
  timezone: string,
  seed: number,
): Promise<DemoWorld | null> {
  const [procedureRows, agencyRows, committeeRows, staffRows] = await Promise.all([
    db
      .selectFrom('procedure')
      .select(['id', 'code', 'name', 'revision', 'receivingAgencyId', 'tthc', 'form', 'process'])
      .where('active', '=', true)
      .orderBy('code')
      .execute(),
    db.selectFrom('agency').select(['id', 'code', 'name']).orderBy('code').execute(),
    db
      .selectFrom('agencyCommune')
      .innerJoin('agency', 'agency.id', 'agencyCommune.agencyId')
      .innerJoin('adminCommune', 'adminCommune.code', 'agencyCommune.communeCode')
      .select([
        'agency.id',
        'agency.code as agencyCode',
        'agency.name as agencyName',
        'adminCommune.code',
        'adminCommune.fullName',
        'adminCommune.kind',
      ])
      .where('agency.kind', '=', 'commune_committee')
      .where('agency.active', '=', true)
      .orderBy('agency.code')
      .orderBy('adminCommune.code')
      .execute(),
    db
      .selectFrom('appUser')
      .innerJoin('userRole', 'userRole.userId', 'appUser.id')
      .select(['appUser.id', 'appUser.fullName', 'userRole.role', 'userRole.agencyId'])
      .where('appUser.type', '=', 'staff')
      .where('appUser.status', '=', 'active')
      .where('userRole.role', 'in', Object.keys(STAFF_ROLES))
      .orderBy('appUser.email')
      .execute(),
  ]);
  if (procedureRows.length === 0 || committeeRows.length === 0) return null;
  const codeToId = new Map(agencyRows.map((agency) => [agency.code, agency.id]));
  const names = new Map(agencyRows.map((agency) => [agency.id, agency.name]));

  const procedures: DemoProcedure[] = procedureRows.map((row) => {
    const steps = row.process.steps;
    const namedStepAgencies = new Map<number, string>();
    steps.forEach((step, index) => {
      if (step.agency === 'receiving') return;
      const id = codeToId.get(step.agency.code);
      if (id) namedStepAgencies.set(index, id);
    });
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      revision: row.revision,
      receivingAgencyId: row.receivingAgencyId,
      tthc: row.tthc,
      form: row.form,
      steps,
      namedStepAgencies,
      weight: PROCEDURE_WEIGHTS[row.code] ?? 1,
    };
  });
  // A procedure whose step names an agency missing from the tree cannot run here.
  const runnable = procedures.filter(
    (procedure) =>
      procedure.steps.length >= 2 &&
      procedure.steps.some((step) => step.kind === 'signing') &&
      procedure.steps.every(
        (step, index) => step.agency === 'receiving' || procedure.namedStepAgencies.has(index),
      ),
  );
  const ofCommunes = runnable.filter((procedure) => procedure.receivingAgencyId === null);

  const communes: DemoCommune[] = [];
  const committees = new Map<string, DemoAgency>();
  for (const row of committeeRows) {
    const commune = { code: row.code, label: lowerFirst(row.fullName) };
    communes.push(commune);
    let committee = committees.get(row.id);
    if (!committee) {
      committee = {
        id: row.id,
        code: row.agencyCode,
        name: row.agencyName,
        communes: [],
        weight: 0,
        procedures: ofCommunes,
      };
      committees.set(row.id, committee);
    }
    committee.communes.push(commune);
    committee.weight += BUSY_COMMUNES[row.code] ?? KIND_WEIGHT[row.kind] ?? 1;
  }
  const centers = [...new Set(runnable.map((p) => p.receivingAgencyId).filter((id) => id !== null))]
    .sort()
    .map<DemoAgency>((id) => ({
      id,
      code: agencyRows.find((agency) => agency.id === id)!.code,
      name: names.get(id)!,
      communes: [],
      weight: 0,
      procedures: runnable.filter((procedure) => procedure.receivingAgencyId === id),
    }));

  // The people of each agency: the accounts that hold the roles there, or made-up names
  // (drawn from their own sequence, so they do not shift the dossiers' draws).
  const accounts = new Map<string, Partial<AgencyStaff>>();
  for (const row of staffRows) {
    if (!row.agencyId) continue;
    const slot = STAFF_ROLES[row.role as keyof typeof STAFF_ROLES];
    const staff = accounts.get(row.agencyId) ?? {};
    staff[slot] ??= { id: row.id, name: row.fullName };
    accounts.set(row.agencyId, staff);
  }
  const namesRng = new DemoRandom(seed ^ 0x5eed);
  const rosters = new Map<string, AgencyStaff>();
  for (const agency of agencyRows) {
    const own = accounts.get(agency.id) ?? {};
    const made = (): DemoActor => ({
      id: null,
      name: personName(namesRng, namesRng.chance(0.55) ? 'nu' : 'nam'),
    });
    rosters.set(agency.id, {
      desk: own.desk ?? made(),
      specialist: own.specialist ?? made(),
      leader: own.leader ?? made(),
    });
  }

  const citizenEmail = DEMO_ACCOUNTS.find((account) => account.role === 'citizen')?.email;
  const citizenRow = citizenEmail
    ? await db
        .selectFrom('appUser')
        .select(['id', 'fullName'])
        .where('email', '=', citizenEmail)
        .where('type', '=', 'citizen')
        .executeTakeFirst()
    : undefined;
  const citizen = citizenRow
    ? {
        id: citizenRow.id,
        person: {
          ...person(new DemoRandom(seed ^ 0xc171), { sex: 'nu', bornFrom: 1988, bornTo: 1988 }),
          fullName: citizenRow.fullName,
          email: citizenEmail!,
        },
      }
    : null;

  return {
    calendar,
    timezone,
    receiving: [...centers, ...committees.values()],
    communes,
    staffOf: (agencyId) => rosters.get(agencyId)!,
    agencyName: (agencyId) => names.get(agencyId) ?? '',
    citizen,
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
