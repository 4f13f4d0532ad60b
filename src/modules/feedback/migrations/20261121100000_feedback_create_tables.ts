import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // What a citizen may report about (Open311 "service"). The code is the service_code.
  await db.schema
    .createTable('feedback_category')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[a-z0-9_]{2,40}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('group_name_en', 'text', (c) => c.notNull())
    .addColumn('keywords', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('deadline_amount', 'integer', (c) => c.notNull().check(sql`deadline_amount > 0`))
    .addColumn('deadline_unit', 'text', (c) =>
      c.notNull().check(sql`deadline_unit IN ('working_hours','working_days')`),
    )
    .addColumn('allow_anonymous', 'boolean', (c) => c.notNull().defaultTo(true))
    // Where reports go when the routing matrix has no cell for the commune: the commune's own
    // People's Committee, or one provincial body.
    .addColumn('default_level', 'text', (c) =>
      c.notNull().check(sql`default_level IN ('commune','province')`),
    )
    .addColumn('default_agency_id', 'uuid', (c) => c.references('agency.id'))
    // Extra questions (Open311 service definition attributes), as an array of definitions.
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('answer_templates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'feedback_category_province_default',
      sql`default_level = 'commune' OR default_agency_id IS NOT NULL`,
    )
    .execute();

  // The routing matrix: category × commune → responsible agency, where it differs from the
  // category's default.
  await db.schema
    .createTable('feedback_routing')
    .addColumn('category_code', 'text', (c) =>
      c.notNull().references('feedback_category.code').onDelete('cascade'),
    )
    .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_commune.code'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('feedback_routing_pk', ['category_code', 'commune_code'])
    .execute();

  await db.schema
    .createTable('feedback_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Shown to people and used as the Open311 service_request_id, e.g. PA-261121-7KX9Q.
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('category_code', 'text', (c) => c.notNull().references('feedback_category.code'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status IN ('new','received','in_progress','resolved','rejected','duplicate')`),
    )
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('assignee_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('commune_code', 'text', (c) => c.notNull().references('admin_commune.code'))
    .addColumn('location', sql`geography(Point,4326)`, (c) => c.notNull())
    // Kept beside the geography so lists and Open311 answers need no function per row.
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull())
    // Set by moderation: what the public sees instead of the description.
    .addColumn('public_description', 'text')
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('anonymous', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source IN ('portal','open311','desk')`),
    )
    .addColumn('api_key_id', 'uuid')
    .addColumn('duplicate_of_id', 'uuid', (c) => c.references('feedback_report.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('rating', 'text', (c) => c.check(sql`rating IN ('satisfied','not_satisfied')`))
    .addColumn('rating_comment', 'text')
    .addColumn('rated_at', 'timestamptz')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    // Returned by Open311 POST requests for clients that poll GET tokens/{token}.
    .addColumn('open311_token', 'text', (c) => c.unique())
    .addColumn('search_text', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(immutable_unaccent(tracking_code || ' ' || coalesce(public_description, description) || ' ' || address))`,
        )
        .stored(),
    )
    .execute();
  await sql`CREATE INDEX feedback_report_location ON feedback_report USING gist (location)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_report_search ON feedback_report USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_report_category_time ON feedback_report (category_code, submitted_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_report_agency_status ON feedback_report (agency_id, status, submitted_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_report_time ON feedback_report (submitted_at DESC)`.execute(db);
  await sql`CREATE INDEX feedback_report_updated ON feedback_report (updated_at)`.execute(db);
  await sql`CREATE INDEX feedback_report_commune ON feedback_report (commune_code, submitted_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX feedback_report_open_deadline ON feedback_report (deadline_at)
    WHERE status IN ('new','received','in_progress')`.execute(db);
  await sql`CREATE INDEX feedback_report_escalated ON feedback_report (escalated_agency_id)
    WHERE escalated_agency_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX feedback_report_duplicate_of ON feedback_report (duplicate_of_id)
    WHERE duplicate_of_id IS NOT NULL`.execute(db);

  // Who filed the report: personal data, kept apart so no public query can reach it.
  await db.schema
    .createTable('feedback_reporter')
    .addColumn('report_id', 'uuid', (c) =>
      c.primaryKey().references('feedback_report.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('name', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    // SHA-256 of the secret handed to the reporter at submission: it proves, without an
    // account, that the bearer filed the report (to rate it, or follow it on the phone).
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_reporter_user')
    .on('feedback_reporter')
    .column('user_id')
    .execute();

  // Photos and the short video of a report, and photos of the fix attached to an answer.
  await db.schema
    .createTable('feedback_media')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) =>
      c.notNull().references('feedback_report.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('stored_file.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('report','answer')`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('history_id', 'bigint')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('feedback_media_report')
    .on('feedback_media')
    .columns(['report_id', 'position'])
    .execute();

  // Everything that happened to a report, oldest first: the status history citizens see
  // (public rows), internal notes staff see, and Open311 service request updates.
  await db.schema
    .createTable('feedback_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('report_id', 'uuid', (c) =>
      c.notNull().references('feedback_report.id').onDelete('cascade'),
    )
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type IN ('user','api_key','system','reporter','anonymous')`),
    )
    .addColumn('actor_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('from_agency_id', 'uuid')
    .addColumn('to_agency_id', 'uuid')
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(sql`visibility IN ('public','internal')`),
    )
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('feedback_history_report')
    .on('feedback_history')
    .columns(['report_id', 'id'])
    .execute();
  await sql`CREATE INDEX feedback_history_public_time ON feedback_history (at)
    WHERE visibility = 'public'`.execute(db);

  // People who follow a report (the reporter, or citizens who found it as a duplicate of
  // theirs) and get an e-mail at each public change.
  await db.schema
    .createTable('feedback_follower')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) =>
      c.notNull().references('feedback_report.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('feedback_follower_who', sql`user_id IS NOT NULL OR email IS NOT NULL`)
    .execute();
  await sql`CREATE UNIQUE INDEX feedback_follower_user ON feedback_follower (report_id, user_id)
    WHERE user_id IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX feedback_follower_email ON feedback_follower (report_id, email)
    WHERE email IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'feedback_follower',
    'feedback_history',
    'feedback_media',
    'feedback_reporter',
    'feedback_report',
    'feedback_routing',
    'feedback_category',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
