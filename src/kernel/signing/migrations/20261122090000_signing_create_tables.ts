import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One software keystore (PKCS#12) per signer, per agency seal, and for the demo CA.
  await db.schema
    .createTable('signing_keystore')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('holder_kind', 'text', (c) =>
      c.notNull().check(sql`holder_kind IN ('ca', 'person', 'seal')`),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('subject_name', 'text', (c) => c.notNull())
    .addColumn('certificate', 'bytea', (c) => c.notNull())
    // The issuing certificates, DER one after another (DER is self-delimiting).
    .addColumn('chain', 'bytea', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('not_before', 'timestamptz', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('keystore', 'bytea', (c) => c.notNull())
    // The keystore's password, encrypted with the field key and bound to the row id.
    .addColumn('keystore_password', 'text', (c) => c.notNull())
    // PNG shown in the visible signature: the handwritten signature or the seal.
    .addColumn('appearance_image', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retired_at', 'timestamptz')
    .addCheckConstraint(
      'signing_keystore_holder',
      sql`(holder_kind = 'person' AND user_id IS NOT NULL)
        OR (holder_kind = 'seal' AND agency_id IS NOT NULL)
        OR holder_kind = 'ca'`,
    )
    .execute();
  // At most one current keystore per signer and per seal.
  await sql`CREATE UNIQUE INDEX signing_keystore_current_person ON signing_keystore (user_id)
    WHERE holder_kind = 'person' AND retired_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_keystore_current_seal ON signing_keystore (agency_id)
    WHERE holder_kind = 'seal' AND retired_at IS NULL`.execute(db);

  await db.schema
    .createTable('signing_trusted_root')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('certificate', 'bytea', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('not_after', 'timestamptz', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The newest CRL of each issuer.
  await db.schema
    .createTable('signing_crl')
    .addColumn('issuer_fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('crl', 'bytea', (c) => c.notNull())
    .addColumn('this_update', 'timestamptz', (c) => c.notNull())
    .addColumn('next_update', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signing_crl').execute();
  await db.schema.dropTable('signing_trusted_root').execute();
  await db.schema.dropTable('signing_keystore').execute();
}
