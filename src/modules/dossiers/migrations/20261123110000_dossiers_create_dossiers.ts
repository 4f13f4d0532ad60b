import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Dossier codes run per receiving agency per day in Vietnam: `{agency}-{yyMMdd}-{NNNN}`.
  // Taking a number increments this row in the submitting transaction, so concurrent
  // submissions queue on the row lock and a failed one gives its number back.
  await db.schema
    .createTable('dossier_counter')
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('last_number', 'int4', (c) => c.notNull().check(sql`last_number > 0`))
    .addPrimaryKeyConstraint('dossier_counter_pkey', ['agency_id', 'day'])
    .execute();

  // A dossier (hồ sơ). Its status follows the national portal's TrangThaiHoSo 1–10:
  // submitted 1, received 2, refused 3, processing 4, supplement_requested 5,
  // awaiting_payment 6, withdrawn 7, stopped 8, resolved 9, returned 10.
  // Personal data is encrypted per row (kernel/auth field-crypto, the row id as context):
  // the applicant's identity number, phone and e-mail, and the form's values. The name stays
  // readable for the desk's search and is masked in lists.
  await db.schema
    .createTable('dossier')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`code ~ '^[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$'`),
    )
    .addColumn('procedure_id', 'uuid', (c) => c.notNull().references('procedure.id'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_revision', 'int4', (c) => c.notNull())
    .addColumn('receiving_agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    // The applicant's commune, for procedures each commune receives.
    .addColumn('commune_code', 'text', (c) => c.check(sql`commune_code ~ '^[0-9]{5}$'`))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel IN ('TRUC_TUYEN', 'TRUC_TIEP', 'BUU_CHINH')`),
    )
    .addColumn('case_index', 'int4', (c) => c.notNull().defaultTo(0))
    .addColumn('applicant_type', 'text', (c) =>
      c.notNull().check(sql`applicant_type IN ('CONG_DAN', 'DOANH_NGHIEP', 'TO_CHUC')`),
    )
    .addColumn('applicant_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull().check(sql`applicant_name <> ''`))
    .addColumn('applicant_id_number', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text')
    .addColumn('applicant_email', 'text')
    .addColumn('form_values', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status IN ('submitted', 'received', 'refused', 'processing', 'supplement_requested', 'awaiting_payment', 'withdrawn', 'stopped', 'resolved', 'returned')`,
        ),
    )
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz')
    .addColumn('due_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('returned_at', 'timestamptz')
    // Failed public look-ups (code + last four digits) in the current window: a guess at the
    // digits is refused for a while after a few wrong ones.
    .addColumn('tracking_failures', 'int4', (c) => c.notNull().defaultTo(0))
    .addColumn('tracking_window_start', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('dossier_applicant')
    .on('dossier')
    .columns(['applicant_user_id', 'submitted_at desc'])
    .where(sql.ref('applicant_user_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('dossier_agency_status')
    .on('dossier')
    .columns(['receiving_agency_id', 'status', 'submitted_at desc'])
    .execute();

  // The documents of a dossier, by the procedure's slot (MaGiayTo).
  await db.schema
    .createTable('dossier_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('stored_file_id', 'uuid', (c) => c.notNull().references('stored_file.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'int8', (c) => c.notNull())
    // Uploaded by the applicant, reused from their earlier documents, or scanned at the desk
    // (digitisation is counted per scanned document).
    .addColumn('origin', 'text', (c) =>
      c.notNull().check(sql`origin IN ('upload', 'reuse', 'scan')`),
    )
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dossier_document_dossier')
    .on('dossier_document')
    .columns(['dossier_id'])
    .execute();

  // Every step of a dossier's story, for its timeline and for the people who handle it.
  await db.schema
    .createTable('dossier_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .createIndex('dossier_history_dossier')
    .on('dossier_history')
    .columns(['dossier_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dossier_history').execute();
  await db.schema.dropTable('dossier_document').execute();
  await db.schema.dropTable('dossier').execute();
  await db.schema.dropTable('dossier_counter').execute();
}
