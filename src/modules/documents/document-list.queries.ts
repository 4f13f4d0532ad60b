/**
 * The registers and work lists of an agency, searched and paged on the server. Text search
 * ignores diacritics and case ("quyet dinh" finds "Quyết định"), over the notation, the
 * excerpt, the type and the sender or signer: whether `search_text` holds the typed text
 * decides, and the agency's own trigram keys (migration 20261122130000) find the few rows
 * worth testing when the typed text has keys (see `hasSearchKeys`). A search that matches a large share of the
 * register is better served by walking the register in its order and testing each row; the
 * caller chooses (document-lists.ts), so each query builder here takes the way to search.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DocumentsDb } from './documents-db';
import type { DocumentsTables, IncomingStatus, OutgoingStatus } from './documents.tables';
import type { KernelTables } from '../../kernel/db/tables';

type Tables = KernelTables & DocumentsTables;

/** Totals above this are reported as "more than": counting millions of rows helps no one. */
export const COUNT_CAP = 10_000;
/**
 * The cap of a text search's total. Each match is a row read to test its text, so a search
 * counts a thousand at most and says "more than a thousand: narrow it" beyond.
 */
export const SEARCH_COUNT_CAP = 1_000;
/**
 * The cap of a search too short for trigram keys ("QĐ", "TB"): its rows are tested one by
 * one in the list's order, and two letters match so many that a count beyond five pages
 * tells nothing the first pages do not.
 */
export const SHORT_SEARCH_COUNT_CAP = 100;

/**
 * How a text search finds its rows: `keys` through the agency's trigram index (few matches),
 * `scan` by testing the rows the other filters and the list order bring (many matches, or
 * text too short to have keys).
 */
export type TextSearch = 'keys' | 'scan';

export type OutgoingBox = 'all' | 'mine' | 'to_sign' | 'to_issue' | 'register';
export type IncomingBox = 'all' | 'to_register' | 'to_assign' | 'mine' | 'register' | 'overdue';

export interface ListWindow {
  page: number;
  pageSize: number;
}

export interface OutgoingFilters {
  agencyId: string;
  userId: string;
  box: OutgoingBox;
  status?: OutgoingStatus;
  q?: string;
  typeAbbreviation?: string;
  registerId?: string;
  /** Dates of issue (promulgated_on), inclusive, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export interface IncomingFilters {
  agencyId: string;
  userId: string;
  box: IncomingBox;
  status?: IncomingStatus;
  q?: string;
  registerId?: string;
  /** Dates of arrival, inclusive, `YYYY-MM-DD` in the platform's time zone. */
  from?: string;
  to?: string;
  today: string;
  timezone: string;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The typed text as search_text holds it: composed, lower case (diacritics go in SQL). */
function typedText(q: string | undefined): string | null {
  const text = q?.normalize('NFC').trim().toLowerCase();
  return text ? text : null;
}

export function hasSearchText(q: string | undefined): boolean {
  return typedText(q) !== null;
}

/**
 * Whether a typed search has trigram keys: a trigram lies inside one word, or pads a word
 * whose start or end the text shows (`15/` ends the word 15; `/qd` starts qd). Letters and
 * digits make words, as pg_trgm reads them. Without keys (`qd`, `ab`), the rows are scanned.
 */
export function hasSearchKeys(q: string | undefined): boolean {
  const words = (typedText(q) ?? '').split(/([^\p{L}\p{N}]+)/u);
  return words.some((word, i) => {
    if (!WORD_CHARACTER.test(word)) return false;
    const length = [...word].length;
    const startKnown = i > 0 && words[i - 1] !== '';
    const endKnown = i < words.length - 1 && words[i + 1] !== '';
    return length >= 3 || startKnown || (endKnown && length >= 2);
  });
}

function searchText<T extends SelectQueryBuilder<Tables, any, any>>(
  query: T,
  agencyId: string,
  q: string | undefined,
  how: TextSearch,
): T {
  const text = typedText(q);
  if (!text) return query;
  // strpos, not LIKE: the same test of a substring, faster, and one the planner does not
  // pretend to estimate from a sample of texts (it takes a third of the rows), so a scan
  // walks the list in its order rather than reading the whole table to sort a few rows.
  const matching = query.where(
    sql<boolean>`strpos(search_text, lower(immutable_unaccent(${text}))) > 0`,
  ) as T;
  if (how === 'scan' || !hasSearchKeys(text)) return matching;
  return matching.where(
    sql<boolean>`document_search_keys(agency_id, search_text) @> document_search_query_keys(${agencyId}::uuid, lower(immutable_unaccent(${text})))`,
  ) as T;
}

export function outgoingQuery(
  db: DocumentsDb,
  filters: OutgoingFilters,
  text: TextSearch = 'keys',
) {
  let query = db.selectFrom('documentOutgoing').where('agencyId', '=', filters.agencyId);
  switch (filters.box) {
    case 'mine':
      query = query.where('draftedBy', '=', filters.userId);
      break;
    case 'to_sign':
      query = query
        .where('signerUserId', '=', filters.userId)
        .where('status', 'in', ['in_review', 'approved']);
      break;
    case 'to_issue':
      query = query.where('status', '=', 'signed');
      break;
    case 'register':
      query = query.where('number', 'is not', null);
      break;
    case 'all':
      break;
  }
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.typeAbbreviation) {
    query =
      filters.typeAbbreviation === 'CV'
        ? query.where('typeAbbreviation', 'is', null)
        : query.where('typeAbbreviation', '=', filters.typeAbbreviation);
  }
  if (filters.registerId) query = query.where('registerId', '=', filters.registerId);
  if (filters.from || filters.to) {
    // Only a numbered document has a date of issue, and it is numbered in the register of
    // that date's year: said here too, so the register's indexes can serve the dates.
    query = query.where('number', 'is not', null);
  }
  if (filters.from) {
    query = query
      .where('promulgatedOn', '>=', filters.from)
      .where('year', '>=', Number(filters.from.slice(0, 4)));
  }
  if (filters.to) {
    query = query
      .where('promulgatedOn', '<=', filters.to)
      .where('year', '<=', Number(filters.to.slice(0, 4)));
  }
  return searchText(query, filters.agencyId, filters.q, text);
}

export function incomingQuery(
  db: DocumentsDb,
  filters: IncomingFilters,
  text: TextSearch = 'keys',
) {
  let query = db.selectFrom('documentIncoming').where('agencyId', '=', filters.agencyId);
  switch (filters.box) {
    case 'to_register':
      query = query.where('status', '=', 'received');
      break;
    case 'to_assign':
      query = query.where('status', '=', 'registered');
      break;
    case 'mine':
      query = query
        .where('status', 'in', ['assigned', 'processing'])
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('documentAssignment')
              .select('documentAssignment.userId')
              .whereRef('documentAssignment.incomingId', '=', 'documentIncoming.id')
              .where('documentAssignment.userId', '=', filters.userId),
          ),
        );
      break;
    case 'register':
      query = query.where('number', 'is not', null);
      break;
    case 'overdue':
      query = query
        .where('status', 'in', ['assigned', 'processing'])
        .where('handlingDeadline', '<', filters.today);
      break;
    case 'all':
      break;
  }
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.registerId) query = query.where('registerId', '=', filters.registerId);
  return searchText(incomingDates(query, filters), filters.agencyId, filters.q, text);
}

function incomingDates<T extends SelectQueryBuilder<Tables, 'documentIncoming', any>>(
  query: T,
  filters: Pick<IncomingFilters, 'from' | 'to' | 'timezone'>,
): T {
  let dated = query;
  if (filters.from) {
    dated = dated.where(
      sql<boolean>`received_at >= (${filters.from}::date)::timestamp AT TIME ZONE ${filters.timezone}`,
    ) as T;
  }
  if (filters.to) {
    dated = dated.where(
      sql<boolean>`received_at < (${filters.to}::date + 1)::timestamp AT TIME ZONE ${filters.timezone}`,
    ) as T;
  }
  return dated;
}

/**
 * The agency's documents dated in the filters' range, whatever else is asked: how many rows
 * a list limited to those dates reads at most. Null without dates.
 */
export function outgoingDateRange(db: DocumentsDb, filters: OutgoingFilters) {
  if (!filters.from && !filters.to) return null;
  return outgoingQuery(db, {
    agencyId: filters.agencyId,
    userId: filters.userId,
    box: 'all',
    from: filters.from,
    to: filters.to,
  });
}

export function incomingDateRange(db: DocumentsDb, filters: IncomingFilters) {
  if (!filters.from && !filters.to) return null;
  return incomingDates(
    db.selectFrom('documentIncoming').where('agencyId', '=', filters.agencyId),
    filters,
  );
}

/** A count of the query's rows that stops at `cap` + 1. */
export function cappedCountQuery(
  db: DocumentsDb,
  query: SelectQueryBuilder<Tables, any, any>,
  cap: number,
) {
  const limited = query
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1);
  return db.selectFrom(limited.as('capped')).select((eb) => eb.fn.countAll<string>().as('count'));
}

/** The total of a capped count: at most `cap`, and whether there are more. */
export function cappedTotal(
  count: number | string,
  cap: number,
): { total: number; totalIsCapped: boolean } {
  const n = Number(count);
  return { total: Math.min(n, cap), totalIsCapped: n > cap };
}
