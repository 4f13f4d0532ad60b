import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind IN ('province_committee','department','district_committee','commune_committee','public_service_center','other')`,
        ),
    )
    .addColumn('parent_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX agency_path ON agency (path text_pattern_ops)`.execute(db);
  await db.schema.createIndex('agency_parent_id').on('agency').column('parent_id').execute();

  await db.schema
    .createTable('agency_commune')
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id').onDelete('cascade'))
    .addColumn('commune_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agency_commune_pk', ['agency_id', 'commune_code'])
    .execute();
  await db.schema
    .createIndex('agency_commune_code')
    .on('agency_commune')
    .column('commune_code')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_commune').execute();
  await db.schema.dropTable('agency').execute();
}
