import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // How an agency writes its documents: the abbreviation in notations (`UBND` in
  // `15/QĐ-UBND`) and the place name in the dateline (`Hạ Long, ngày …`).
  await db.schema
    .createTable('document_issuer')
    .addColumn('agency_id', 'uuid', (c) => c.primaryKey().references('agency.id'))
    .addColumn('abbreviation', 'text', (c) => c.notNull().check(sql`abbreviation <> ''`))
    .addColumn('place_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Registers (sổ văn bản): an agency's outgoing and incoming registers; Decree 30 numbers
  // run per register from 01 each calendar year.
  await db.schema
    .createTable('document_register')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction IN ('outgoing', 'incoming')`),
    )
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[A-Z0-9_-]{1,20}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('document_register_agency_code', ['agency_id', 'code'])
    .execute();

  // The last number given in each register each year. Taking a number increments this row
  // inside the registering transaction: concurrent registrations queue on the row lock (no
  // duplicate), and a registration that fails gives its number back (no gap).
  await db.schema
    .createTable('document_register_counter')
    .addColumn('register_id', 'uuid', (c) => c.notNull().references('document_register.id'))
    .addColumn('year', 'int4', (c) => c.notNull().check(sql`year BETWEEN 2000 AND 2999`))
    .addColumn('last_number', 'int4', (c) => c.notNull().check(sql`last_number > 0`))
    .addPrimaryKeyConstraint('document_register_counter_pkey', ['register_id', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_register_counter').execute();
  await db.schema.dropTable('document_register').execute();
  await db.schema.dropTable('document_issuer').execute();
}
