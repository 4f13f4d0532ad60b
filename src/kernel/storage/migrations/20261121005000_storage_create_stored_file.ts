import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stored_file')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('size', 'int8', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('stored_file_owner')
    .on('stored_file')
    .columns(['owner_type', 'owner_id'])
    .execute();
  // The clean-up job asks "does any live row still point at this content?".
  await db.schema.createIndex('stored_file_sha256').on('stored_file').column('sha256').execute();
  await sql`CREATE INDEX stored_file_deleted_at ON stored_file (deleted_at) WHERE deleted_at IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stored_file').execute();
}
