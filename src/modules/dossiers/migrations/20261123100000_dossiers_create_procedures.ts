import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The procedure catalog (thủ tục hành chính). What people search and filter by is in
  // columns; the national database's description of the procedure is kept whole as it was
  // imported (`tthc`), for the detail page and the export; the platform's form and process
  // beside it. A re-import of a changed procedure raises its revision: dossiers keep the
  // revision they were submitted under.
  await db.schema
    .createTable('procedure')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`code ~ '^[0-9]\\.[0-9]{6}(\\.[A-Z0-9]{1,10})?$'`),
    )
    .addColumn('name', 'text', (c) => c.notNull().check(sql`name <> ''`))
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('field_code', 'text', (c) => c.notNull())
    .addColumn('field_name', 'text', (c) => c.notNull())
    .addColumn('levels', sql`text[]`, (c) => c.notNull())
    .addColumn('online_level', 'text', (c) =>
      c.notNull().check(sql`online_level IN ('TOAN_TRINH', 'MOT_PHAN')`),
    )
    .addColumn('applicant_types', sql`text[]`, (c) => c.notNull())
    // Null: each commune's People's Committee receives the dossiers of its people.
    .addColumn('receiving_agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('tthc', 'jsonb', (c) => c.notNull())
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('process', 'jsonb', (c) => c.notNull())
    .addColumn('revision', 'int4', (c) => c.notNull().defaultTo(1))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search_text', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(immutable_unaccent(code || ' ' || name || ' ' || field_name || ' ' || name_en))`,
        )
        .stored(),
    )
    .execute();
  await sql`CREATE INDEX procedure_search ON procedure USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await db.schema.createIndex('procedure_field').on('procedure').columns(['field_code']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('procedure').execute();
}
