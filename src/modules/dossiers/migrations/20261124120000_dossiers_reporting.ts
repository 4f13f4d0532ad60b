import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The service-quality index (Decision 766/QĐ-TTg) counts, per receiving agency and period,
  // the dossiers that came in (by submission time) and those resolved (by finishing time).
  // The province's figure scans the period's rows in time order; an agency's reads only its
  // own rows.
  await db.schema
    .createIndex('dossier_submitted')
    .on('dossier')
    .columns(['submitted_at'])
    .execute();
  await db.schema
    .createIndex('dossier_agency_submitted')
    .on('dossier')
    .columns(['receiving_agency_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('dossier_agency_finished')
    .on('dossier')
    .columns(['receiving_agency_id', 'finished_at'])
    .where(sql.ref('finished_at'), 'is not', null)
    .execute();
  // Open dossiers by agency and appointment: the late ones and those due today. Few rows
  // (a dossier leaves the index when it finishes), so the operations figures read little.
  await db.schema
    .createIndex('dossier_open_due')
    .on('dossier')
    .columns(['receiving_agency_id', 'due_at'])
    .where(sql.ref('finished_at'), 'is', null)
    .execute();
  // The publicity indicator asks whether a dossier's current status is on its timeline:
  // one index-only probe per dossier instead of reading the whole history.
  await db.schema
    .createIndex('dossier_history_status')
    .on('dossier_history')
    .columns(['dossier_id', 'status'])
    .where(sql.ref('status'), 'is not', null)
    .execute();
  // The same for finished dossiers, against the lines of final statuses only: a third of
  // the history, read whole for a province's year.
  await db.schema
    .createIndex('dossier_history_final')
    .on('dossier_history')
    .columns(['dossier_id', 'status'])
    .where(sql<boolean>`status IN ('resolved', 'returned', 'refused', 'withdrawn', 'stopped')`)
    .execute();
  // Which dossiers have a document scanned or reused, reuse one, owe fees, paid online:
  // small partial indexes that a semi-join probes for one agency's month and reads whole
  // for the province's year.
  await db.schema
    .createIndex('dossier_document_kept')
    .on('dossier_document')
    .columns(['dossier_id'])
    .where(sql.ref('origin'), '<>', 'upload')
    .execute();
  await db.schema
    .createIndex('dossier_document_reused')
    .on('dossier_document')
    .columns(['dossier_id'])
    .where(sql.ref('origin'), '=', 'reuse')
    .execute();
  await db.schema
    .createIndex('dossier_fee_owed')
    .on('dossier_fee')
    .columns(['dossier_id'])
    .where(sql<boolean>`amount > 0 AND status <> 'waived'`)
    .execute();
  await db.schema
    .createIndex('dossier_payment_paid_online')
    .on('dossier_payment')
    .columns(['dossier_id'])
    .where(sql<boolean>`status = 'paid' AND provider IN ('vnpay', 'sandbox')`)
    .execute();
  // The reporting cache's change mark reads the newest survey answer.
  await db.schema
    .createIndex('dossier_survey_answered')
    .on('dossier_survey')
    .columns(['answered_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('dossier_survey_answered').execute();
  await db.schema.dropIndex('dossier_payment_paid_online').execute();
  await db.schema.dropIndex('dossier_fee_owed').execute();
  await db.schema.dropIndex('dossier_document_reused').execute();
  await db.schema.dropIndex('dossier_document_kept').execute();
  await db.schema.dropIndex('dossier_history_final').execute();
  await db.schema.dropIndex('dossier_history_status').execute();
  await db.schema.dropIndex('dossier_open_due').execute();
  await db.schema.dropIndex('dossier_agency_finished').execute();
  await db.schema.dropIndex('dossier_agency_submitted').execute();
  await db.schema.dropIndex('dossier_submitted').execute();
}
