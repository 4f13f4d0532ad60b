import { sql, type Kysely } from 'kysely';

// People who sign in (citizens and staff), the roles they hold and the recovery codes of
// their second factor. Contact details are stored normalised (lower-cased email, E.164
// phone) so uniqueness holds however people type them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type IN ('citizen', 'staff')`))
    .addColumn('email', 'text', (c) => c.check(sql`email = lower(email)`))
    .addColumn('phone', 'text', (c) => c.check(sql`phone ~ '^\\+84[0-9]{9,10}$'`))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) =>
      c
        .notNull()
        .defaultTo('vi')
        .check(sql`locale IN ('vi', 'en')`),
    )
    .addColumn('password_hash', 'text')
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`status IN ('active', 'disabled')`),
    )
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'timestamptz')
    .addColumn('totp_last_step', 'bigint')
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz')
    .addCheckConstraint('app_user_contact', sql`email IS NOT NULL OR phone IS NOT NULL`)
    .addCheckConstraint(
      'app_user_agency',
      sql`(type = 'staff' AND agency_id IS NOT NULL) OR (type = 'citizen' AND agency_id IS NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX app_user_email ON app_user (email) WHERE email IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX app_user_phone ON app_user (phone) WHERE phone IS NOT NULL`.execute(
    db,
  );
  await db.schema.createIndex('app_user_agency_id').on('app_user').column('agency_id').execute();
  await sql`CREATE INDEX app_user_name_search ON app_user
    USING gin (immutable_unaccent(lower(full_name)) gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('auth_role')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('label_vi', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('permissions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  // A grant of a role scoped to an agency's subtree. Only the permission-less citizen role
  // may be held without an agency.
  await db.schema
    .createTable('user_role')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().references('auth_role.name'))
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('granted_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('user_role_scope', sql`agency_id IS NOT NULL OR role = 'citizen'`)
    .execute();
  await sql`CREATE UNIQUE INDEX user_role_grant ON user_role
    (user_id, role, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db);

  await db.schema
    .createTable('auth_recovery_code')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('auth_recovery_code_user_id')
    .on('auth_recovery_code')
    .column('user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_recovery_code').execute();
  await db.schema.dropTable('user_role').execute();
  await db.schema.dropTable('auth_role').execute();
  await db.schema.dropTable('app_user').execute();
}
