import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Other platforms and axis nodes (a neighbouring province's tinhso, the provincial LGSP)
  // that serve agencies outside this installation, and the agency codes each serves as LIKE
  // patterns (`%.H26`, `000.00.00.G%`). The key this platform presents to them is kept
  // field-encrypted with the row id as context.
  await db.schema
    .createTable('exchange_peer')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`name <> ''`))
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('organ_patterns', sql`text[]`, (c) =>
      c.notNull().check(sql`cardinality(organ_patterns) BETWEEN 1 AND 200`),
    )
    .addColumn('api_key', 'text', (c) => c.notNull())
    // The key's visible prefix (`tsk_AbCdEfGh`), to tell keys apart in lists.
    .addColumn('api_key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    .execute();

  // Every packet sent or received over the exchange, kept signed as it travelled: one
  // document package per recipient organ, status packets both ways. Out: queued → delivered,
  // or failed after the outbox gave up; in: accepted or rejected (with the reason).
  await db.schema
    .createTable('exchange_package')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction IN ('in', 'out')`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('document', 'status')`))
    // The edXML DocumentId the packet is about; unknown for a packet that does not parse.
    .addColumn('exchange_id', 'text')
    .addColumn('from_organ', 'text')
    .addColumn('to_organ', 'text')
    .addColumn('business', 'text', (c) =>
      c.check(sql`business IN ('new', 'revoke', 'update', 'replace')`),
    )
    .addColumn('status_code', 'text', (c) => c.check(sql`status_code ~ '^[0-9]{2}$'`))
    .addColumn('xml', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('size', 'int8', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'int4', (c) => c.notNull().defaultTo(0))
    .addColumn('last_attempt_at', 'timestamptz')
    // In: why it was rejected; out: why the last attempt failed, or what the receiver said.
    .addColumn('error_code', 'text')
    .addColumn('last_error', 'text')
    // Out: the receiver's immediate answer, 01 accepted or 02 rejected.
    .addColumn('receipt_code', 'text', (c) => c.check(sql`receipt_code IN ('01', '02')`))
    // Out documents: when the recipient's first status packet about it came back.
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('peer_id', 'uuid', (c) => c.references('exchange_peer.id'))
    // In: the API key that handed it over (null when it came from an agency of this platform).
    .addColumn('api_key_id', 'uuid', (c) => c.references('api_key.id').onDelete('set null'))
    // Out: the sending agency; in: the receiving agency of this platform, when there is one.
    .addColumn('agency_id', 'uuid', (c) => c.references('agency.id'))
    .addColumn('outgoing_id', 'uuid', (c) =>
      c.references('document_outgoing.id').onDelete('set null'),
    )
    .addColumn('incoming_id', 'uuid', (c) =>
      c.references('document_incoming.id').onDelete('set null'),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .addCheckConstraint(
      'exchange_package_state',
      sql`(direction = 'out' AND state IN ('queued', 'delivered', 'failed')) OR (direction = 'in' AND state IN ('accepted', 'rejected'))`,
    )
    .addCheckConstraint(
      'exchange_package_kind_fields',
      sql`(kind = 'document' AND status_code IS NULL) OR (kind = 'status' AND business IS NULL)`,
    )
    .execute();
  // A packet received twice (a sender's retry) is recognised by its bytes, per recipient.
  await sql`CREATE UNIQUE INDEX exchange_package_received_once ON exchange_package (sha256, coalesce(to_organ, '')) WHERE direction = 'in'`.execute(
    db,
  );
  // What an agency received, oldest first, for clients that poll with `since`.
  await sql`CREATE INDEX exchange_package_received_list ON exchange_package (agency_id, created_at, id) WHERE direction = 'in'`.execute(
    db,
  );
  // The operations view: packets not delivered yet or given up, and documents delivered that
  // no status packet acknowledged.
  await sql`CREATE INDEX exchange_package_attention ON exchange_package (created_at) WHERE direction = 'out' AND (state <> 'delivered' OR (kind = 'document' AND acknowledged_at IS NULL))`.execute(
    db,
  );
  // Status packets find the packages they acknowledge, and recalls the recalls sent.
  await sql`CREATE INDEX exchange_package_sent_document ON exchange_package (exchange_id, to_organ) WHERE direction = 'out'`.execute(
    db,
  );
  await sql`CREATE INDEX exchange_package_outgoing ON exchange_package (outgoing_id) WHERE outgoing_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX exchange_package_incoming ON exchange_package (incoming_id) WHERE incoming_id IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exchange_package').execute();
  await db.schema.dropTable('exchange_peer').execute();
}
