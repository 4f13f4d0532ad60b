/**
 * The staff side of dossiers: the work list of a person's agencies (applicants' names
 * masked), and one dossier whole — the applicant's identity and the form's values opened
 * and every such read audited (Decree 13/2023/NĐ-CP) — with its steps, requests, apologies,
 * history and the actions the person may take on it now.
 */
import type { AppContext } from '../../../kernel/context';
import { fieldCipher, type Principal, type RequestInfo } from '../../../kernel/auth';
import { recordPersonalDataRead } from '../../../kernel/audit';
import { loadWorkingCalendar, localDateIn } from '../../../kernel/calendar';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import type { DossierStatus } from '../dossiers.tables';
import type { StepRole } from '../catalog';
import { PERMISSION_OF_ROLE } from './dossier-for-action';
import { agenciesOfDossier, agenciesWith, assertDossierAccess, holdsAt } from './dossier-scope';
import {
  staffListPage,
  type DossierSort,
  type StaffListContext,
  type StaffListFilters,
  type StaffListRow,
  type StaffReach,
} from './staff-list.queries';
import { maskPersonName } from './mask-name';
import type { DOSSIER_ACTIONS } from './processing.schemas';

type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export function reachOf(principal: Principal): StaffReach {
  const byRole = {} as Record<StepRole, string[]>;
  for (const role of Object.keys(PERMISSION_OF_ROLE) as StepRole[]) {
    byRole[role] = agenciesWith(principal, PERMISSION_OF_ROLE[role]);
  }
  return { readAgencies: agenciesWith(principal, DOSSIER_PERMISSIONS.read), byRole };
}

export async function listContext(ctx: AppContext): Promise<StaffListContext> {
  const now = ctx.clock.now();
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const today = localDateIn(now, ctx.config.timezone);
  // Deadlines fall inside working hours: the close of today's is the last due "today".
  const endOfToday = calendar.closeOfDay(today);
  return { now, endOfToday, timezone: ctx.config.timezone };
}

export function listItemView(row: StaffListRow, now: Date) {
  const open = ['received', 'processing', 'awaiting_payment'].includes(row.status);
  return {
    code: row.code,
    status: row.status,
    channel: row.channel,
    applicantName: maskPersonName(row.applicantName),
    procedure: { code: row.procedureCode, name: row.procedureName },
    receivingAgency: { code: row.agencyCode, name: row.agencyName },
    step: row.stepName
      ? {
          name: row.stepName,
          role: row.stepRole!,
          agencyName: row.stepAgencyName!,
          dueAt: row.stepDueAt!,
        }
      : null,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    late: row.dueAt
      ? open
        ? row.dueAt.getTime() < now.getTime()
        : row.finishedAt !== null && row.finishedAt.getTime() > row.dueAt.getTime()
      : false,
  };
}

export async function listStaffDossiers(
  ctx: AppContext,
  principal: Principal,
  query: StaffListFilters & { page?: number; pageSize?: number; sort?: DossierSort },
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const context = await listContext(ctx);
  const { items, total } = await staffListPage(
    dossiersDb(ctx),
    reachOf(principal),
    query,
    context,
    {
      page,
      pageSize,
      sort: query.sort ?? 'due',
    },
  );
  return {
    items: items.map((item) => listItemView(item, context.now)),
    total,
    page,
    pageSize,
  };
}

/** The actions the person may take on the dossier now, for the console's buttons. */
function actionsFor(
  principal: Principal,
  dossier: { status: DossierStatus; receivingAgencyId: string; dueAt: Date | null },
  active: { kind: string; role: StepRole; agencyId: string } | null,
  now: Date,
): DossierAction[] {
  const actions: DossierAction[] = [];
  const desk = holdsAt(principal, DOSSIER_PERMISSIONS.receive, dossier.receivingAgencyId);
  const holder =
    active !== null && holdsAt(principal, PERMISSION_OF_ROLE[active.role], active.agencyId);
  const running = ['received', 'processing'].includes(dossier.status);
  if (dossier.status === 'submitted' && desk) {
    actions.push('receive', 'request_supplement', 'refuse');
  }
  if (running && holder && active) {
    if (active.kind === 'review' || active.kind === 'approval') {
      actions.push(active.kind === 'approval' ? 'approve' : 'forward');
      actions.push('request_supplement', 'refuse');
    }
    if (active.kind === 'signing') actions.push('sign');
    if (['review', 'approval', 'signing'].includes(active.kind)) actions.push('send_back');
  }
  if (dossier.status === 'resolved' && holder && active?.kind === 'return') actions.push('return');
  const late = dossier.dueAt !== null && dossier.dueAt.getTime() < now.getTime();
  const open = ['received', 'processing', 'supplement_requested', 'awaiting_payment'];
  if (late && open.includes(dossier.status) && (desk || holder)) actions.push('apologise');
  return actions;
}

export async function staffDossier(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  code: string,
) {
  const db = dossiersDb(ctx);
  const row = await db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .selectAll('dossier')
    .select([
      'procedure.name as procedureName',
      'procedure.tthc',
      'agency.code as agencyCode',
      'agency.name as agencyName',
    ])
    .where('dossier.code', '=', code)
    .executeTakeFirst();
  if (!row) throw dossierErrors.DOSSIER_NOT_FOUND();
  const agencies = await agenciesOfDossier(db, row);
  assertDossierAccess(principal, DOSSIER_PERMISSIONS.read, agencies);

  const [steps, supplements, apologies, documents, history] = await Promise.all([
    db
      .selectFrom('dossierStep')
      .innerJoin('agency', 'agency.id', 'dossierStep.agencyId')
      .leftJoin('appUser', 'appUser.id', 'dossierStep.finishedBy')
      .select([
        'dossierStep.stepNo',
        'dossierStep.name',
        'dossierStep.kind',
        'dossierStep.role',
        'dossierStep.status',
        'dossierStep.agencyId',
        'agency.name as agencyName',
        'dossierStep.startedAt',
        'dossierStep.dueAt',
        'dossierStep.finishedAt',
        'appUser.fullName as finishedBy',
      ])
      .where('dossierStep.dossierId', '=', row.id)
      .orderBy('dossierStep.seq')
      .execute(),
    db
      .selectFrom('dossierSupplement')
      .select(['requestedAt', 'note', 'slots', 'suppliedAt'])
      .where('dossierId', '=', row.id)
      .orderBy('requestedAt')
      .execute(),
    db
      .selectFrom('dossierApology')
      .select(['id', 'issuedAt', 'previousDueAt', 'newDueAt', 'reason'])
      .where('dossierId', '=', row.id)
      .orderBy('issuedAt')
      .execute(),
    db
      .selectFrom('dossierDocument')
      .select(['id', 'slot', 'name', 'mediaType', 'size', 'origin', 'addedAt'])
      .where('dossierId', '=', row.id)
      .orderBy('addedAt')
      .execute(),
    db
      .selectFrom('dossierHistory')
      .leftJoin('agency', 'agency.id', 'dossierHistory.agencyId')
      .select([
        'dossierHistory.at',
        'dossierHistory.action',
        'dossierHistory.status',
        'dossierHistory.actorName',
        'dossierHistory.note',
        'agency.name as agencyName',
      ])
      .where('dossierHistory.dossierId', '=', row.id)
      .orderBy('dossierHistory.at')
      .orderBy('dossierHistory.id')
      .execute(),
  ]);

  const cipher = fieldCipher(ctx.config);
  const open = (stored: string) => cipher.decrypt(stored, row.id).toString('utf8');
  await recordPersonalDataRead(db, {
    actorType: principal.kind === 'api_key' ? 'api_key' : 'user',
    actorId: principal.id,
    recordType: 'dossier',
    recordId: row.id,
    fields: [
      'applicant_id_number',
      ...(row.applicantPhone ? ['applicant_phone'] : []),
      ...(row.applicantEmail ? ['applicant_email'] : []),
      'form_values',
    ],
    purpose: 'dossier_processing',
    ip: request.ip,
    requestId: request.requestId,
  });
  const slotNames = new Map(
    row.tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo.map((d) => [d.MaGiayTo, d.TenGiayTo] as const)),
  );
  const active = steps.find((step) => step.status === 'active') ?? null;
  const now = ctx.clock.now();
  return {
    code: row.code,
    status: row.status,
    channel: row.channel,
    procedure: { code: row.procedureCode, name: row.procedureName },
    receivingAgency: { code: row.agencyCode, name: row.agencyName },
    applicant: {
      type: row.applicantType,
      fullName: row.applicantName,
      idNumber: open(row.applicantIdNumber),
      phone: row.applicantPhone ? open(row.applicantPhone) : null,
      email: row.applicantEmail ? open(row.applicantEmail) : null,
    },
    values: JSON.parse(open(row.formValues)) as Record<string, unknown>,
    submittedAt: row.submittedAt,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    finishedAt: row.finishedAt,
    returnedAt: row.returnedAt,
    returnMethod: row.returnMethod,
    refusalReason: row.refusalReason,
    result: row.resultFileId
      ? {
          name: row.resultName ?? 'ket-qua.pdf',
          signed: row.resultSigned,
          signedAt: row.resultSignedAt,
        }
      : null,
    documents: documents.map((document) => ({
      id: document.id,
      slot: document.slot,
      slotName: slotNames.get(document.slot) ?? document.slot,
      name: document.name,
      mediaType: document.mediaType,
      size: Number(document.size),
      origin: document.origin,
      addedAt: document.addedAt,
    })),
    steps: steps.map(({ agencyId: _agency, ...step }) => step),
    supplements,
    apologies,
    history,
    actions: actionsFor(principal, row, active, now),
  };
}
