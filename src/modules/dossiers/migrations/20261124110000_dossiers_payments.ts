import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The fees and charges a dossier owes (phí, lệ phí), taken from its procedure's schedule
  // for its channel when the desk assesses them; amounts in đồng.
  await db.schema
    .createTable('dossier_fee')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    // The entry of the schedule (PhiLePhi) the line was taken from, by position.
    .addColumn('schedule_index', 'int4', (c) => c.notNull().check(sql`schedule_index >= 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('PHI', 'LE_PHI')`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('unit_amount', 'int8', (c) => c.notNull().check(sql`unit_amount >= 0`))
    .addColumn('quantity', 'int4', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`quantity > 0`),
    )
    .addColumn('amount', 'int8', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('due', 'paid', 'waived')`))
    .addColumn('assessed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('assessed_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('paid_at', 'timestamptz')
    .addColumn('payment_id', 'uuid')
    .execute();
  await db.schema
    .createIndex('dossier_fee_dossier')
    .on('dossier_fee')
    .columns(['dossier_id'])
    .execute();

  // A payment of a dossier's due fees: online through a provider (a redirect to its page and
  // a signed server-to-server notification), or taken at the desk by an officer.
  await db.schema
    .createTable('dossier_payment')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('dossier_id', 'uuid', (c) => c.notNull().references('dossier.id'))
    .addColumn('provider', 'text', (c) =>
      c.notNull().check(sql`provider IN ('vnpay', 'sandbox', 'desk')`),
    )
    // How the money came: through the provider's page, or in cash or by card at the desk.
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method IN ('online', 'cash', 'card')`),
    )
    // The agency that collects it (the dossier's receiving agency): receipts are numbered
    // per collecting agency per year.
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    // The reference the provider knows the payment by (vnp_TxnRef).
    .addColumn('txn_ref', 'text', (c) => c.notNull().unique())
    .addColumn('amount', 'int8', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status IN ('pending', 'paid', 'failed', 'cancelled')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    // When the provider stops taking this payment (vnp_ExpireDate); null at the desk.
    .addColumn('expires_at', 'timestamptz')
    .addColumn('paid_at', 'timestamptz')
    .addColumn('provider_transaction', 'text')
    .addColumn('bank_code', 'text')
    // The receipt (biên lai) number, given when the payment is confirmed.
    .addColumn('receipt_number', 'text', (c) => c.unique())
    // The receipt's place in its agency's series for the year (Vietnam's calendar year).
    .addColumn('receipt_year', 'int4')
    .addColumn('receipt_seq', 'int4', (c) => c.check(sql`receipt_seq > 0`))
    .addColumn('taken_by', 'uuid', (c) => c.references('app_user.id'))
    .addUniqueConstraint('dossier_payment_receipt_series', [
      'agency_id',
      'receipt_year',
      'receipt_seq',
    ])
    .execute();
  await db.schema
    .createIndex('dossier_payment_dossier')
    .on('dossier_payment')
    .columns(['dossier_id'])
    .execute();

  // Every notification a provider sent, accepted or not: what came, and what was answered.
  await db.schema
    .createTable('payment_notification')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('txn_ref', 'text')
    .addColumn('outcome', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`outcome IN ('bad_signature', 'unknown', 'wrong_amount', 'duplicate', 'paid', 'failed', 'error')`,
        ),
    )
    // The code answered to the provider (VNPay's RspCode).
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_notification').execute();
  await db.schema.dropTable('dossier_payment').execute();
  await db.schema.dropTable('dossier_fee').execute();
}
