/** The work lists and registers of the person's agency, and the desk that sums them up. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { AppContext } from '../../kernel/context';
import type { Principal } from '../../kernel/auth';
import { containsPattern } from '../../kernel/db/like-pattern';
import { documentsDb, type DocumentsDb } from './documents-db';
import { DOCUMENT_PERMISSIONS as D } from './documents.permissions';
import type { DocumentsDesk, IncomingListQuery, OutgoingListQuery } from './documents.schemas';
import {
  COUNT_CAP,
  SEARCH_COUNT_CAP,
  SHORT_SEARCH_COUNT_CAP,
  cappedCountQuery,
  cappedTotal,
  hasSearchKeys,
  hasSearchText,
  incomingDateRange,
  incomingQuery,
  outgoingDateRange,
  outgoingQuery,
  type IncomingFilters,
  type OutgoingFilters,
  type TextSearch,
} from './document-list.queries';
import { documentKinds } from './document-types';
import { holdsAt, workingAgency } from './document-scope';
import { isOverdue } from './document-views';
import { registerDate } from './register-number';

export function outgoingFilters(principal: Principal, query: OutgoingListQuery): OutgoingFilters {
  return {
    agencyId: workingAgency(principal, D.read),
    userId: principal.id,
    box: query.box ?? 'all',
    status: query.status,
    q: query.q,
    typeAbbreviation: query.type,
    registerId: query.registerId,
    from: query.from,
    to: query.to,
  };
}

export function incomingFilters(
  ctx: AppContext,
  principal: Principal,
  query: IncomingListQuery,
): IncomingFilters {
  return {
    agencyId: workingAgency(principal, D.read),
    userId: principal.id,
    box: query.box ?? 'all',
    status: query.status,
    q: query.q,
    registerId: query.registerId,
    from: query.from,
    to: query.to,
    today: registerDate(ctx.clock.now(), ctx.config.timezone),
    timezone: ctx.config.timezone,
  };
}

/**
 * Runs one statement of a list. The platform executes it through Kysely; the register-search
 * benchmark runs the same compiled statements on a bare connection.
 */
export type ListRunner = (query: SelectQueryBuilder<any, any, any>) => Promise<any[]>;

const execute: ListRunner = (query) => query.execute();

/**
 * A date range whose documents number at most this is listed from those documents, sorted
 * (reading them costs less than walking the register from its newest entry to the range);
 * a wider range is walked in the list's order like any other list. Without text the dates'
 * indexes hold all a list needs, so the range may be wide; with text each row of the range
 * is read to test it.
 */
export const DATE_RANGE_ROWS = 20_000;
export const DATE_RANGE_SEARCHED_ROWS = 5_000;

export interface ListWindow {
  page: number;
  pageSize: number;
}

/** What tells one list from another: its table, filters, order and columns. */
interface ListSpec {
  table: 'documentOutgoing' | 'documentIncoming';
  /** The filtered rows, the text searched as asked. */
  filtered(text: TextSearch): SelectQueryBuilder<any, any, any>;
  /** The agency's documents in the date range, or null without dates. */
  dateRange: SelectQueryBuilder<any, any, any> | null;
  /** The list's order, as column and direction, the last one unique. */
  order: ReadonlyArray<readonly [string, 'asc' | 'desc']>;
  /** The columns of an item (a selection on the table). */
  columns(query: SelectQueryBuilder<any, any, any>): SelectQueryBuilder<any, any, any>;
  q?: string;
}

function ordered<Q extends SelectQueryBuilder<any, any, any>>(query: Q, spec: ListSpec): Q {
  let result = query;
  for (const [column, direction] of spec.order) result = result.orderBy(column, direction) as Q;
  return result;
}

async function countUpTo(
  db: DocumentsDb,
  run: ListRunner,
  query: SelectQueryBuilder<any, any, any>,
  cap: number,
) {
  const [row] = await run(cappedCountQuery(db, query, cap));
  return cappedTotal((row as { count: string | number }).count, cap);
}

/**
 * One page of a list and its total. By what is asked:
 * - no text: the page's ids from the order's index (deep pages skip index entries, not
 *   rows), and the total counted there up to COUNT_CAP;
 * - a date range holding few documents: those documents, filtered and sorted (a fence keeps
 *   the planner from walking the whole register for them, as it would for evenly spread rows);
 * - text: its matches found first, up to SEARCH_COUNT_CAP + 1 (through the agency's trigram
 *   keys, or among the few documents of the dates), and sorted: their number is the total
 *   and the page is cut from them. When there are more, the text is common: the page comes
 *   from walking the list in its order, testing each row, which meets twenty matches within
 *   a few hundred rows. Text without keys is tested so from the start, and counted to
 *   SHORT_SEARCH_COUNT_CAP.
 */
async function listPage(
  db: DocumentsDb,
  spec: ListSpec,
  window: ListWindow,
  run: ListRunner,
): Promise<{ items: any[]; total: number; totalIsCapped: boolean }> {
  const offset = (window.page - 1) * window.pageSize;
  const page = <Q extends SelectQueryBuilder<any, any, any>>(query: Q) =>
    ordered(query, spec).limit(window.pageSize).offset(offset);
  const byIds = (ids: SelectQueryBuilder<any, any, any> | string[]) =>
    ordered(spec.columns(db.selectFrom(spec.table).where('id', 'in', ids)), spec);
  const orderColumns = [...new Set(['id', ...spec.order.map(([column]) => column)])];
  /**
   * The filtered rows' ids in the list's order, read first behind a fence: all of them, or
   * `limit` of them, any (a set counted and sorted whole) or the first in the list's order.
   */
  const sortedIds = (
    filtered: SelectQueryBuilder<any, any, any>,
    limit?: { rows: number; first: boolean },
  ) =>
    ordered(
      db
        .with(
          (cte) => cte('matches').materialized(),
          () => {
            const keys = filtered.clearSelect().select(orderColumns);
            if (!limit) return keys;
            return (limit.first ? ordered(keys, spec) : keys).limit(limit.rows);
          },
        )
        .selectFrom('matches')
        .select('id'),
      spec,
    );

  const searched = hasSearchText(spec.q);
  const inRange = spec.dateRange && (await countUpTo(db, run, spec.dateRange, DATE_RANGE_ROWS));
  const fewDates =
    !!inRange &&
    !inRange.totalIsCapped &&
    inRange.total <= (searched ? DATE_RANGE_SEARCHED_ROWS : DATE_RANGE_ROWS);

  if (!searched) {
    const filtered = spec.filtered('scan');
    const ids = fewDates ? page(sortedIds(filtered)) : page(filtered.clearSelect().select('id'));
    const [items, count] = await Promise.all([
      run(byIds(ids)),
      countUpTo(db, run, filtered, COUNT_CAP),
    ]);
    return { items, ...count };
  }

  const how = !fewDates && hasSearchKeys(spec.q) ? 'keys' : 'scan';
  // Without keys or few dates to narrow it, the text is tested row by row in the list's
  // order: the matches read are the list's first ones.
  const first = how === 'scan' && !fewDates;
  const cap = first ? SHORT_SEARCH_COUNT_CAP : SEARCH_COUNT_CAP;
  const matches = await run(sortedIds(spec.filtered(how), { rows: cap + 1, first }));
  const count = cappedTotal(matches.length, cap);
  if (!count.totalIsCapped || (first && offset + window.pageSize <= matches.length)) {
    const ids = matches.slice(offset, offset + window.pageSize).map((row) => row.id as string);
    return { items: ids.length > 0 ? await run(byIds(ids)) : [], ...count };
  }
  const common = spec.filtered('scan');
  const items = await run(fewDates ? byIds(page(sortedIds(common))) : page(spec.columns(common)));
  return { items, ...count };
}

const OUTGOING_COLUMNS = [
  'id',
  'status',
  'notation',
  'typeName',
  'subject',
  'urgency',
  'signerName',
  'promulgatedOn',
  'updatedAt',
] as const;

function outgoingSpec(db: DocumentsDb, filters: OutgoingFilters): ListSpec {
  return {
    table: 'documentOutgoing',
    filtered: (text) => outgoingQuery(db, filters, text),
    dateRange: outgoingDateRange(db, filters),
    order:
      filters.box === 'register'
        ? [
            ['year', 'desc'],
            ['number', 'desc'],
            ['id', 'asc'],
          ]
        : [
            ['updatedAt', 'desc'],
            ['id', 'asc'],
          ],
    columns: (query) =>
      (query as ReturnType<typeof outgoingQuery>).select([...OUTGOING_COLUMNS]).select((eb) =>
        eb
          .selectFrom('documentRecipient')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('documentRecipient.outgoingId', '=', 'documentOutgoing.id')
          .as('recipients'),
      ),
    q: filters.q,
  };
}

/** A page of outgoing documents and its total (the route's answer, and the benchmark's). */
export async function outgoingPage(
  db: DocumentsDb,
  filters: OutgoingFilters,
  window: ListWindow,
  run: ListRunner = execute,
) {
  return listPage(db, outgoingSpec(db, filters), window, run);
}

export async function listOutgoing(
  ctx: AppContext,
  principal: Principal,
  query: OutgoingListQuery,
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, ...count } = await outgoingPage(
    documentsDb(ctx),
    outgoingFilters(principal, query),
    { page, pageSize },
  );
  return {
    items: items.map((item) => ({ ...item, recipients: Number(item.recipients ?? 0) })),
    ...count,
    page,
    pageSize,
  };
}

export const INCOMING_COLUMNS = [
  'id',
  'status',
  'number',
  'notation',
  'senderName',
  'typeName',
  'subject',
  'urgency',
  'promulgatedOn',
  'receivedAt',
  'handlingDeadline',
  'source',
  'handlingUnit',
  'signerName',
] as const;

function incomingSpec(db: DocumentsDb, filters: IncomingFilters): ListSpec {
  return {
    table: 'documentIncoming',
    filtered: (text) => incomingQuery(db, filters, text),
    dateRange: incomingDateRange(db, filters),
    order:
      filters.box === 'register'
        ? [
            ['year', 'desc'],
            ['number', 'desc'],
            ['id', 'asc'],
          ]
        : filters.box === 'overdue'
          ? [
              ['handlingDeadline', 'asc'],
              ['id', 'asc'],
            ]
          : [
              ['receivedAt', 'desc'],
              ['id', 'asc'],
            ],
    columns: (query) => query.select([...INCOMING_COLUMNS]),
    q: filters.q,
  };
}

export async function incomingPage(
  db: DocumentsDb,
  filters: IncomingFilters,
  window: ListWindow,
  run: ListRunner = execute,
) {
  return listPage(db, incomingSpec(db, filters), window, run);
}

export async function listIncoming(
  ctx: AppContext,
  principal: Principal,
  query: IncomingListQuery,
) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const filters = incomingFilters(ctx, principal, query);
  const { items, ...count } = await incomingPage(documentsDb(ctx), filters, { page, pageSize });
  return {
    items: items.map((item) => ({ ...item, overdue: isOverdue(item, filters.today) })),
    ...count,
    page,
    pageSize,
  };
}

async function countOf(query: { select: any }): Promise<number> {
  const row = await (query as ReturnType<typeof outgoingQuery>)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Who the person is at their agency's desk, what they may do and what waits for them. */
export async function documentsDesk(ctx: AppContext, principal: Principal): Promise<DocumentsDesk> {
  const db = documentsDb(ctx);
  const agencyId = workingAgency(principal, D.read);
  const [agency, issuer, registers, people] = await Promise.all([
    db
      .selectFrom('agency')
      .select(['id', 'code', 'name'])
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('documentIssuer')
      .select(['abbreviation', 'placeName'])
      .where('agencyId', '=', agencyId)
      .executeTakeFirst(),
    db
      .selectFrom('documentRegister')
      .select(['id', 'direction', 'code', 'name'])
      .where('agencyId', '=', agencyId)
      .where('retiredAt', 'is', null)
      .orderBy('direction', 'desc')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('userRole')
      .innerJoin('authRole', 'authRole.name', 'userRole.role')
      .innerJoin('appUser', 'appUser.id', 'userRole.userId')
      .select([
        'appUser.id',
        'appUser.fullName',
        sql<boolean>`bool_or(${D.lead} = ANY(auth_role.permissions))`.as('lead'),
        sql<boolean>`bool_or(${D.read} = ANY(auth_role.permissions))`.as('read'),
      ])
      .where('userRole.agencyId', '=', agencyId)
      .where('appUser.status', '=', 'active')
      .groupBy(['appUser.id', 'appUser.fullName'])
      .orderBy('appUser.fullName')
      .execute(),
  ]);
  const base = { agencyId, userId: principal.id };
  const today = registerDate(ctx.clock.now(), ctx.config.timezone);
  const incoming = (box: IncomingFilters['box']) =>
    countOf(incomingQuery(db, { ...base, box, today, timezone: ctx.config.timezone }));
  const [toSign, toIssue, toRegister, toAssign, mine, overdue] = await Promise.all([
    countOf(outgoingQuery(db, { ...base, box: 'to_sign' })),
    countOf(outgoingQuery(db, { ...base, box: 'to_issue' })),
    incoming('to_register'),
    incoming('to_assign'),
    incoming('mine'),
    incoming('overdue'),
  ]);
  const may = (permission: string) => holdsAt(db, principal.id, agencyId, permission);
  const [draft, lead, clerk] = await Promise.all([may(D.draft), may(D.lead), may(D.clerk)]);
  return {
    agency,
    issuer: issuer ?? null,
    permissions: { draft, lead, clerk },
    types: [...documentKinds()],
    registers,
    signers: people.filter((person) => person.lead).map(({ id, fullName }) => ({ id, fullName })),
    staff: people.filter((person) => person.read).map(({ id, fullName }) => ({ id, fullName })),
    counts: { toSign, toIssue, toRegister, toAssign, mine, overdue },
  };
}

/** Agencies one may send to, from the platform's directory (diacritics ignored). */
export async function searchOrgans(ctx: AppContext, q: string | undefined) {
  let query = documentsDb(ctx)
    .selectFrom('agency')
    .select(['code', 'name'])
    .where('active', '=', true);
  const text = q?.trim();
  if (text) {
    const pattern = containsPattern(text.toLowerCase());
    query = query.where((eb) =>
      eb.or([
        eb('code', 'like', pattern),
        sql<boolean>`lower(immutable_unaccent(name)) LIKE lower(immutable_unaccent(${pattern}))`,
      ]),
    );
  }
  return query.orderBy('code').limit(30).execute();
}
