import { sql, type Kysely } from 'kysely';

// Indexes for searching and paging one agency's registers among millions of documents.
//
// Search: a trigram index over the whole table answers "which documents contain 'ngap ung'"
// for every agency at once; Vietnamese text shares its common trigrams (ung, ang, nh…) across
// most documents, so the index reads posting lists of hundreds of thousands of rows before
// the agency is even considered. Here each trigram is prefixed with (the first six hex
// digits of) the agency's id, so a search reads the agency's own lists only. The trigrams
// are pg_trgm's (show_trgm), and a search's keys are those that any text containing the
// typed words must have: the typed text's trigrams that stay when it is put between two
// letters, and between two digits (its first and last words may be parts of longer ones;
// both ends at once, and two kinds of character, so that nothing the padding adds survives
// by chance). The keys narrow the rows; the LIKE on search_text still decides.
//
// Paging: lists are ordered by register (year, number) or by date, filtered by agency;
// each order gets its index, with the id for a page found in the index alone.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION document_search_keys(agency uuid, search_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT array(SELECT left(agency::text, 6) || t FROM unnest(public.show_trgm(search_text)) AS t) $$
  `.execute(db);
  await sql`
    CREATE OR REPLACE FUNCTION document_search_query_keys(agency uuid, typed text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
      SELECT array(
        SELECT left(agency::text, 6) || t FROM unnest(public.show_trgm(typed)) AS t
        WHERE t = ANY (public.show_trgm('a' || typed || 'a'))
          AND t = ANY (public.show_trgm('0' || typed || '0')))
    $$
  `.execute(db);
  for (const table of ['document_outgoing', 'document_incoming']) {
    await sql`CREATE INDEX ${sql.id(`${table}_agency_search`)} ON ${sql.table(table)} USING gin (document_search_keys(agency_id, search_text))`.execute(
      db,
    );
    await sql`DROP INDEX ${sql.id(`${table}_search`)}`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${table}_agency_register`)} ON ${sql.table(table)} (agency_id, year DESC, number DESC) INCLUDE (id) WHERE number IS NOT NULL`.execute(
      db,
    );
  }
  await sql`CREATE INDEX document_outgoing_agency_updated ON document_outgoing (agency_id, updated_at DESC, id)`.execute(
    db,
  );
  await sql`CREATE INDEX document_outgoing_agency_promulgated ON document_outgoing (agency_id, promulgated_on) INCLUDE (id, year, number, updated_at) WHERE number IS NOT NULL`.execute(
    db,
  );
  // Takes over from document_incoming_agency_list, with the id for index-only pages.
  await sql`CREATE INDEX document_incoming_agency_received ON document_incoming (agency_id, received_at DESC, id) INCLUDE (year, number)`.execute(
    db,
  );
  await sql`DROP INDEX document_incoming_agency_list`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX document_incoming_agency_list ON document_incoming (agency_id, received_at DESC)`.execute(
    db,
  );
  for (const index of [
    'document_incoming_agency_received',
    'document_outgoing_agency_promulgated',
    'document_outgoing_agency_updated',
  ]) {
    await sql`DROP INDEX ${sql.id(index)}`.execute(db);
  }
  for (const table of ['document_outgoing', 'document_incoming']) {
    await sql`DROP INDEX ${sql.id(`${table}_agency_register`)}`.execute(db);
    await sql`CREATE INDEX ${sql.id(`${table}_search`)} ON ${sql.table(table)} USING gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    await sql`DROP INDEX ${sql.id(`${table}_agency_search`)}`.execute(db);
  }
  await sql`DROP FUNCTION document_search_query_keys(uuid, text)`.execute(db);
  await sql`DROP FUNCTION document_search_keys(uuid, text)`.execute(db);
}
