/**
 * The dossiers staff work on, searched, filtered, sorted and paged on the server. A person's
 * reach is the agencies where they hold `dossiers.read` (dossier-scope.ts): a dossier is in
 * it when it was received there or one of its steps is held there. The boxes are the desk's
 * usual views: my work now (the reception queue and the steps my roles hold), awaiting
 * reception, waiting for the applicant's documents, late, due today, finished, everything.
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { KernelTables } from '../../../kernel/db/tables';
import type { DossiersDb } from '../dossiers-db';
import type { DossiersTables, DossierStatus } from '../dossiers.tables';
import type { StepRole } from '../catalog';

type Tables = KernelTables & DossiersTables & { active: DossiersTables['dossierStep'] };

export type DossierBox =
  'todo' | 'reception' | 'supplement' | 'late' | 'due_today' | 'finished' | 'all';

export type DossierSort = 'due' | '-submitted' | 'submitted' | 'code';

export const OPEN_STATUSES: readonly DossierStatus[] = [
  'submitted',
  'received',
  'processing',
  'supplement_requested',
  'awaiting_payment',
];
/** Open and counting time: a dossier waiting for the applicant's documents is not late. */
const RUNNING_STATUSES: readonly DossierStatus[] = ['received', 'processing', 'awaiting_payment'];
export const FINISHED_STATUSES: readonly DossierStatus[] = [
  'refused',
  'withdrawn',
  'stopped',
  'resolved',
  'returned',
];

export interface StaffReach {
  /** Agencies where the person holds dossiers.read. */
  readAgencies: string[];
  /** Agencies where they hold each step role's permission. */
  byRole: Record<StepRole, string[]>;
}

export interface StaffListFilters {
  box: DossierBox;
  q?: string;
  procedure?: string;
  status?: DossierStatus;
  channel?: 'TRUC_TUYEN' | 'TRUC_TIEP' | 'BUU_CHINH';
  /** Submitted on or after / before the end of, `YYYY-MM-DD` in Vietnam. */
  from?: string;
  to?: string;
}

export interface StaffListContext {
  now: Date;
  /** The end of today in Vietnam, for "due today". */
  endOfToday: Date;
  timezone: string;
}

function inReach(eb: ExpressionBuilder<Tables, 'dossier'>, agencies: string[]) {
  return eb.or([
    eb('dossier.receivingAgencyId', 'in', agencies),
    eb.exists(
      eb
        .selectFrom('dossierStep as reach')
        .select(sql`1`.as('one'))
        .whereRef('reach.dossierId', '=', 'dossier.id')
        .where('reach.agencyId', 'in', agencies),
    ),
  ]);
}

export function staffListQuery(
  db: DossiersDb,
  reach: StaffReach,
  filters: StaffListFilters,
  context: StaffListContext,
) {
  const none = ['00000000-0000-0000-0000-000000000000'];
  const read = reach.readAgencies.length > 0 ? reach.readAgencies : none;
  let query = db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('agency', 'agency.id', 'dossier.receivingAgencyId')
    .leftJoin('dossierStep as active', (join) =>
      join.onRef('active.dossierId', '=', 'dossier.id').on('active.status', '=', 'active'),
    )
    .leftJoin('agency as stepAgency', 'stepAgency.id', 'active.agencyId')
    .where((eb) => inReach(eb, read));

  switch (filters.box) {
    case 'todo': {
      query = query.where((eb) => {
        const held = (Object.keys(reach.byRole) as StepRole[])
          .filter((role) => reach.byRole[role].length > 0)
          .map((role) =>
            eb.and([
              eb('active.role', '=', role),
              eb('active.agencyId', 'in', reach.byRole[role]),
              eb('dossier.status', 'in', RUNNING_STATUSES),
            ]),
          );
        const reception =
          reach.byRole.desk.length > 0
            ? [
                eb.and([
                  eb('dossier.status', '=', 'submitted'),
                  eb('dossier.receivingAgencyId', 'in', reach.byRole.desk),
                ]),
              ]
            : [];
        const all = [...held, ...reception];
        return all.length > 0 ? eb.or(all) : eb.val(false);
      });
      break;
    }
    case 'reception':
      query = query.where('dossier.status', '=', 'submitted');
      break;
    case 'supplement':
      query = query.where('dossier.status', '=', 'supplement_requested');
      break;
    case 'late':
      query = query
        .where('dossier.status', 'in', RUNNING_STATUSES)
        .where('dossier.dueAt', '<', context.now);
      break;
    case 'due_today':
      query = query
        .where('dossier.status', 'in', RUNNING_STATUSES)
        .where('dossier.dueAt', '>=', context.now)
        .where('dossier.dueAt', '<=', context.endOfToday);
      break;
    case 'finished':
      query = query.where('dossier.status', 'in', FINISHED_STATUSES);
      break;
    case 'all':
      break;
  }

  const q = filters.q?.normalize('NFC').trim();
  if (q) {
    query = query.where((eb) =>
      eb.or([
        eb('dossier.code', 'like', `${q.toUpperCase().replace(/[%_\\]/g, '')}%`),
        sql<boolean>`strpos(lower(immutable_unaccent(dossier.applicant_name)), lower(immutable_unaccent(${q}))) > 0`,
      ]),
    );
  }
  if (filters.procedure) query = query.where('dossier.procedureCode', '=', filters.procedure);
  if (filters.status) query = query.where('dossier.status', '=', filters.status);
  if (filters.channel) query = query.where('dossier.channel', '=', filters.channel);
  if (filters.from) {
    query = query.where(
      sql<boolean>`(dossier.submitted_at AT TIME ZONE ${context.timezone})::date >= ${filters.from}::date`,
    );
  }
  if (filters.to) {
    query = query.where(
      sql<boolean>`(dossier.submitted_at AT TIME ZONE ${context.timezone})::date <= ${filters.to}::date`,
    );
  }
  return query;
}

type ListQuery = ReturnType<typeof staffListQuery>;

export function selectListItems(query: ListQuery) {
  return query.select([
    'dossier.id',
    'dossier.code',
    'dossier.status',
    'dossier.channel',
    'dossier.applicantName',
    'dossier.submittedAt',
    'dossier.receivedAt',
    'dossier.dueAt',
    'dossier.finishedAt',
    'dossier.returnedAt',
    'procedure.code as procedureCode',
    'procedure.name as procedureName',
    'agency.code as agencyCode',
    'agency.name as agencyName',
    'active.name as stepName',
    'active.role as stepRole',
    'active.dueAt as stepDueAt',
    'stepAgency.name as stepAgencyName',
  ]);
}

export type StaffListRow = Awaited<
  ReturnType<ReturnType<typeof selectListItems>['execute']>
>[number];

export function applySort<Q extends SelectQueryBuilder<Tables, 'dossier', StaffListRow>>(
  query: Q,
  sort: DossierSort,
): Q {
  switch (sort) {
    case 'due':
      return query
        .orderBy(sql`dossier.due_at ASC NULLS LAST`)
        .orderBy('dossier.submittedAt')
        .orderBy('dossier.code') as Q;
    case 'submitted':
      return query.orderBy('dossier.submittedAt').orderBy('dossier.code') as Q;
    case '-submitted':
      return query.orderBy('dossier.submittedAt', 'desc').orderBy('dossier.code', 'desc') as Q;
    case 'code':
      return query.orderBy('dossier.code') as Q;
  }
}

export async function staffListPage(
  db: DossiersDb,
  reach: StaffReach,
  filters: StaffListFilters,
  context: StaffListContext,
  window: { page: number; pageSize: number; sort: DossierSort },
): Promise<{ items: StaffListRow[]; total: number }> {
  const base = staffListQuery(db, reach, filters, context);
  const [items, total] = await Promise.all([
    applySort(selectListItems(base), window.sort)
      .limit(window.pageSize)
      .offset((window.page - 1) * window.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** The whole filtered list in its order, a batch at a time, for an export of any size. */
export async function* iterateStaffList(
  db: DossiersDb,
  reach: StaffReach,
  filters: StaffListFilters,
  context: StaffListContext,
  sort: DossierSort,
  batch = 1000,
): AsyncGenerator<StaffListRow> {
  for (let offset = 0; ; offset += batch) {
    const rows = await applySort(selectListItems(staffListQuery(db, reach, filters, context)), sort)
      .limit(batch)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < batch) return;
  }
}
