import { sql, type Kysely } from 'kysely';

const URGENCY = sql`urgency IN ('normal', 'urgent', 'very_urgent', 'express')`;
const SECRECY = sql`secrecy IN ('normal', 'confidential', 'secret', 'top_secret')`;

export async function up(db: Kysely<any>): Promise<void> {
  // Outgoing documents (văn bản đi): from the first draft to the issued, signed, numbered
  // document. Number, notation and register are set together at registration, never before.
  await db.schema
    .createTable('document_outgoing')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status IN ('draft', 'in_review', 'approved', 'signed', 'issued', 'recalled', 'replaced')`,
        ),
    )
    .addColumn('type_abbreviation', 'text')
    .addColumn('type_name', 'text', (c) => c.notNull())
    .addColumn('drafting_unit', 'text')
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject <> ''`))
    // What the officer writes; the platform lays it out as Decree 30 prescribes.
    .addColumn('greeting', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('to_places', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('urgency', 'text', (c) => c.notNull().check(URGENCY))
    .addColumn('secrecy', 'text', (c) => c.notNull().check(SECRECY))
    .addColumn('reply_due_on', 'date')
    .addColumn('place_name', 'text', (c) => c.notNull())
    .addColumn('signer_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('signer_competence', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('drafted_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('reviewer_user_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('register_id', 'uuid', (c) => c.references('document_register.id'))
    .addColumn('year', 'int4')
    .addColumn('number', 'int4')
    .addColumn('code_notation', 'text')
    .addColumn('notation', 'text')
    .addColumn('promulgated_on', 'date')
    .addColumn('signed_at', 'timestamptz')
    // Where the signer's block, the number and the dateline sit in the signed PDF, so the
    // agency's seal and the number go exactly there at issue.
    .addColumn('signature_layout', 'jsonb')
    .addColumn('issued_at', 'timestamptz')
    // The document's id on the exchange axis: `OrganId,yyyy/MM/dd,NN/notation`.
    .addColumn('exchange_id', 'text', (c) => c.unique())
    // The incoming document this one answers (ResponseFor) and the one it replaces.
    .addColumn('response_for_id', 'uuid')
    .addColumn('replaces_id', 'uuid', (c) => c.references('document_outgoing.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search_text', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(immutable_unaccent(coalesce(notation, '') || ' ' || subject || ' ' || type_name || ' ' || coalesce(signer_name, '')))`,
        )
        .stored(),
    )
    .addCheckConstraint(
      'document_outgoing_numbered_together',
      sql`(number IS NULL) = (register_id IS NULL) AND (number IS NULL) = (notation IS NULL) AND (number IS NULL) = (year IS NULL)`,
    )
    .addCheckConstraint(
      'document_outgoing_issued_numbered',
      sql`status NOT IN ('issued', 'recalled', 'replaced') OR number IS NOT NULL`,
    )
    .execute();
  // The register's guarantee, written in the database too: one number per register and year.
  await sql`CREATE UNIQUE INDEX document_outgoing_number ON document_outgoing (register_id, year, number) WHERE number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX document_outgoing_agency_list ON document_outgoing (agency_id, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX document_outgoing_register_list ON document_outgoing (register_id, promulgated_on DESC, number DESC) WHERE number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX document_outgoing_search ON document_outgoing USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );

  // Incoming documents (văn bản đến): received over the exchange, or a paper document
  // scanned and registered by hand. The arrival number is set at registration.
  await db.schema
    .createTable('document_incoming')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('agency_id', 'uuid', (c) => c.notNull().references('agency.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status IN ('received', 'registered', 'assigned', 'processing', 'done', 'recalled', 'replaced')`,
        ),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source IN ('exchange', 'paper')`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sender_organ_id', 'text')
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('code_number', 'text', (c) => c.notNull())
    .addColumn('code_notation', 'text', (c) => c.notNull())
    .addColumn('notation', 'text', (c) => c.notNull())
    .addColumn('type_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('promulgated_on', 'date', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull().check(URGENCY))
    .addColumn('secrecy', 'text', (c) => c.notNull().check(SECRECY))
    .addColumn('reply_due_on', 'date')
    // The sender's id of the document on the axis; one incoming record per agency.
    .addColumn('exchange_id', 'text')
    .addColumn('register_id', 'uuid', (c) => c.references('document_register.id'))
    .addColumn('year', 'int4')
    .addColumn('number', 'int4')
    .addColumn('registered_at', 'timestamptz')
    .addColumn('registered_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('handling_unit', 'text')
    .addColumn('handling_deadline', 'date')
    .addColumn('assigned_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('assigned_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('completion_note', 'text')
    .addColumn('reply_outgoing_id', 'uuid', (c) => c.references('document_outgoing.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('search_text', 'text', (c) =>
      c
        .generatedAlwaysAs(
          sql`lower(immutable_unaccent(notation || ' ' || subject || ' ' || sender_name || ' ' || type_name))`,
        )
        .stored(),
    )
    .addCheckConstraint(
      'document_incoming_numbered_together',
      sql`(number IS NULL) = (register_id IS NULL) AND (number IS NULL) = (year IS NULL)`,
    )
    .execute();
  await sql`CREATE UNIQUE INDEX document_incoming_number ON document_incoming (register_id, year, number) WHERE number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX document_incoming_exchange_id ON document_incoming (agency_id, exchange_id) WHERE exchange_id IS NOT NULL AND status <> 'replaced'`.execute(
    db,
  );
  await sql`CREATE INDEX document_incoming_agency_list ON document_incoming (agency_id, received_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX document_incoming_register_list ON document_incoming (register_id, received_at DESC) WHERE number IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX document_incoming_open_deadline ON document_incoming (agency_id, handling_deadline) WHERE status IN ('assigned', 'processing')`.execute(
    db,
  );
  await sql`CREATE INDEX document_incoming_search ON document_incoming USING gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await db.schema
    .alterTable('document_outgoing')
    .addForeignKeyConstraint(
      'document_outgoing_response_for',
      ['response_for_id'],
      'document_incoming',
      ['id'],
    )
    .execute();

  // Who handles an incoming document: one lead, any number of co-handlers and readers.
  await db.schema
    .createTable('document_assignment')
    .addColumn('incoming_id', 'uuid', (c) =>
      c.notNull().references('document_incoming.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('lead', 'support', 'informed')`),
    )
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_assignment_pkey', ['incoming_id', 'user_id'])
    .execute();
  await sql`CREATE INDEX document_assignment_user ON document_assignment (user_id)`.execute(db);

  // The recipients of an outgoing document and what each last said about it.
  await db.schema
    .createTable('document_recipient')
    .addColumn('outgoing_id', 'uuid', (c) =>
      c.notNull().references('document_outgoing.id').onDelete('cascade'),
    )
    .addColumn('organ_id', 'text', (c) => c.notNull())
    .addColumn('organ_name', 'text', (c) => c.notNull())
    .addColumn('status_code', 'text')
    .addColumn('status_at', 'timestamptz')
    .addColumn('status_note', 'text')
    .addPrimaryKeyConstraint('document_recipient_pkey', ['outgoing_id', 'organ_id'])
    .execute();

  // Every status packet a recipient sent back, in arrival order: the sender's view.
  await db.schema
    .createTable('document_status_event')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outgoing_id', 'uuid', (c) =>
      c.notNull().references('document_outgoing.id').onDelete('cascade'),
    )
    .addColumn('organ_id', 'text', (c) => c.notNull())
    .addColumn('status_code', 'text', (c) => c.notNull().check(sql`status_code ~ '^[0-9]{2}$'`))
    .addColumn('description', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`CREATE INDEX document_status_event_outgoing ON document_status_event (outgoing_id, id)`.execute(
    db,
  );

  // The files of a document: the draft, the signed PDF, attachments; the stored file holds
  // the bytes (kernel storage).
  await db.schema
    .createTable('document_file')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('outgoing_id', 'uuid', (c) =>
      c.references('document_outgoing.id').onDelete('cascade'),
    )
    .addColumn('incoming_id', 'uuid', (c) =>
      c.references('document_incoming.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role IN ('draft', 'signed', 'attachment', 'received')`),
    )
    .addColumn('stored_file_id', 'uuid', (c) => c.notNull().references('stored_file.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'int8', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'document_file_one_owner',
      sql`(outgoing_id IS NULL) <> (incoming_id IS NULL)`,
    )
    .execute();
  await sql`CREATE INDEX document_file_outgoing ON document_file (outgoing_id) WHERE outgoing_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX document_file_incoming ON document_file (incoming_id) WHERE incoming_id IS NOT NULL`.execute(
    db,
  );

  // What happened to a document, who did it and why, in order.
  await db.schema
    .createTable('document_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('outgoing_id', 'uuid', (c) =>
      c.references('document_outgoing.id').onDelete('cascade'),
    )
    .addColumn('incoming_id', 'uuid', (c) =>
      c.references('document_incoming.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'document_history_one_owner',
      sql`(outgoing_id IS NULL) <> (incoming_id IS NULL)`,
    )
    .execute();
  await sql`CREATE INDEX document_history_outgoing ON document_history (outgoing_id, id) WHERE outgoing_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX document_history_incoming ON document_history (incoming_id, id) WHERE incoming_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'document_history',
    'document_file',
    'document_status_event',
    'document_recipient',
    'document_assignment',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('document_outgoing')
    .dropConstraint('document_outgoing_response_for')
    .execute();
  await db.schema.dropTable('document_incoming').execute();
  await db.schema.dropTable('document_outgoing').execute();
}
