import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Where a dossier stands in its procedure's process, and what the one-stop desk decided.
  await db.schema
    .alterTable('dossier')
    // The step (dossier_step.step_no) that holds the dossier now; null before reception and
    // after the end.
    .addColumn('current_step', 'int4')
    // A request for more documents stops the clock: when it was made, and the status the
    // dossier goes back to once the applicant supplies them.
    .addColumn('paused_at', 'timestamptz')
    .addColumn('paused_from_status', 'text')
    // How the applicant takes the result: downloaded, at the desk, or by post.
    .addColumn('return_method', 'text', (c) =>
      c
        .notNull()
        .defaultTo('electronic')
        .check(sql`return_method IN ('electronic', 'desk', 'post')`),
    )
    .addColumn('refusal_reason', 'text')
    // The result (giấy tờ kết quả): a PDF, signed with kernel/signing when the signing step
    // produced it, or scanned at the desk (a digitised paper result).
    .addColumn('result_file_id', 'uuid', (c) => c.references('stored_file.id'))
    .addColumn('result_name', 'text')
    .addColumn('result_signed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('result_signed_at', 'timestamptz')
    .execute();

  // The steps of one dossier, made from the procedure's process when the desk accepts it.
  // A step is done when its holder forwards, approves or signs; sent back, it is `returned`
  // and the earlier step is active again (a new row: every pass through a step is kept).
  await db.schema
    .createTable('dossier_step')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // The order the passes were made in, even within one instant.
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('step_no', 'int4', (c) => c.notNull().check(sql`step_no >= 0`))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('reception', 'review', 'approval', 'signing', 'return')`),
    )
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('desk', 'specialist', 'leader')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('active', 'done', 'returned')`),
    )
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('finished_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('dossier_step_dossier')
    .on('dossier_step')
    .columns(['dossier_id', 'seq'])
    .execute();
  // The work lists: the active steps of an agency by role, soonest due first.
  await db.schema
    .createIndex('dossier_step_active')
    .on('dossier_step')
    .columns(['agency_id', 'role', 'due_at'])
    .where(sql.ref('status'), '=', 'active')
    .execute();

  // Requests for more documents (yêu cầu bổ sung hồ sơ) and their answers.
  await db.schema
    .createTable('dossier_supplement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('requested_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('note', 'text', (c) => c.notNull().check(sql`note <> ''`))
    // The procedure's document slots (MaGiayTo) asked for; may be empty (a note only).
    .addColumn('slots', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('supplied_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('dossier_supplement_dossier')
    .on('dossier_supplement')
    .columns(['dossier_id', 'requested_at'])
    .execute();

  // A late dossier's apology (thư xin lỗi) with the new appointment it gives.
  await db.schema
    .createTable('dossier_apology')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('previous_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('new_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason <> ''`))
    .addColumn('stored_file_id', 'uuid', (c) => c.references('stored_file.id'))
    .addColumn('issued_by', 'uuid', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('dossier_apology_dossier')
    .on('dossier_apology')
    .columns(['dossier_id'])
    .execute();

  // The applicant's rating once the result is returned (Decision 766: satisfaction).
  await db.schema
    .createTable('dossier_survey')
    .addColumn('dossier_id', 'uuid', (c) => c.primaryKey().references('dossier.id'))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    // 1 very dissatisfied … 5 very satisfied.
    .addColumn('rating', 'int2', (c) => c.notNull().check(sql`rating BETWEEN 1 AND 5`))
    .addColumn('comment', 'text')
    .execute();

  // The lists of staff: by receiving agency and due date, and finished dossiers by month.
  await db.schema
    .createIndex('dossier_agency_due')
    .on('dossier')
    .columns(['receiving_agency_id', 'due_at'])
    .execute();
  await db.schema
    .createIndex('dossier_finished')
    .on('dossier')
    .columns(['finished_at'])
    .where(sql.ref('finished_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossier_finished').execute();
  await db.schema.dropIndex('dossier_agency_due').execute();
  await db.schema.dropTable('dossier_survey').execute();
  await db.schema.dropTable('dossier_apology').execute();
  await db.schema.dropTable('dossier_supplement').execute();
  await db.schema.dropTable('dossier_step').execute();
  await db.schema
    .alterTable('dossier')
    .dropColumn('current_step')
    .dropColumn('paused_at')
    .dropColumn('paused_from_status')
    .dropColumn('return_method')
    .dropColumn('refusal_reason')
    .dropColumn('result_file_id')
    .dropColumn('result_name')
    .dropColumn('result_signed')
    .dropColumn('result_signed_at')
    .execute();
}
