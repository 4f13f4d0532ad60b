import { sql, type Kysely } from 'kysely';

// The communes an agency serves must be real commune-level units (admin_commune exists from
// 20261121001001), and agency names are searched without diacritics like commune names.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('agency_commune')
    .addForeignKeyConstraint('agency_commune_commune_code_fk', ['commune_code'], 'admin_commune', [
      'code',
    ])
    .execute();
  await sql`
    CREATE INDEX agency_name_search ON agency
    USING gin (lower(immutable_unaccent(name)) gin_trgm_ops)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX agency_name_search`.execute(db);
  await db.schema
    .alterTable('agency_commune')
    .dropConstraint('agency_commune_commune_code_fk')
    .execute();
}
