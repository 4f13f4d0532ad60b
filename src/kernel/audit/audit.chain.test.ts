import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import {
  recordAudit,
  recordPersonalDataRead,
  runAuditVerify,
  sealPendingAuditEvents,
  signAuditCheckpoint,
  verifyAuditChain,
} from './index';
import { canonicalColumns, canonicalRow, type CanonicalEventRow } from './audit.canonical';

/**
 * Runs SQL the way an intruder with the database owner's or a superuser's rights would: with
 * triggers switched off (`session_replication_role = replica`), over a connection of its own
 * on PostgreSQL, on the same instance with PGlite.
 */
async function tamper(t: TestContext, statements: string): Promise<void> {
  const script = `SET session_replication_role = replica; ${statements}; RESET session_replication_role;`;
  if (t.testDb.url) {
    const client = new pg.Client({ connectionString: t.testDb.url });
    await client.connect();
    try {
      await client.query(script);
    } finally {
      await client.end();
    }
  } else {
    await t.ctx.database.pglite!.exec(script);
  }
}

async function writeEvents(t: TestContext, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await t.ctx.db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        actorType: 'user',
        actorId: `user-${i}`,
        action: 'dossier.accepted',
        recordType: 'dossier',
        recordId: `000.00.22.H49-261121-000${i}`,
        ip: '203.0.113.7',
        requestId: `req-${i}`,
        details: { step: i, note: `Tiếp nhận hồ sơ số ${i}` },
      });
    });
  }
}

async function eventIdAtSeq(t: TestContext, seq: number): Promise<number> {
  const seal = await t.ctx.db
    .selectFrom('auditSeal')
    .select('eventId')
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return seal.eventId;
}

const AUDIT_TABLES = ['audit_event', 'audit_seal', 'audit_checkpoint'];

/** Copies the audit tables aside, so each tampering case starts from the intact chain. */
async function backUp(t: TestContext): Promise<void> {
  await tamper(
    t,
    AUDIT_TABLES.map((table) => `CREATE TABLE backup_${table} AS SELECT * FROM ${table}`).join(
      '; ',
    ),
  );
}

async function restore(t: TestContext): Promise<void> {
  await tamper(
    t,
    AUDIT_TABLES.map(
      (table) => `DELETE FROM ${table}; INSERT INTO ${table} SELECT * FROM backup_${table}`,
    ).join('; '),
  );
}

// One database for the file: every test leaves the chain sealed and intact.
describe('audit chain', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    // Rows written by the template's reference seeds are sealed first.
    await sealPendingAuditEvents(t.ctx.db);
  });
  afterAll(async () => t.close());

  async function baseSeq(): Promise<number> {
    const head = await t.ctx.db
      .selectFrom('auditSeal')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(head?.seq ?? 0);
  }

  it('seals every committed row, signs a checkpoint and verifies the whole chain', async () => {
    const before = await baseSeq();
    await writeEvents(t, 5);
    await recordPersonalDataRead(t.ctx.db, {
      actorType: 'user',
      actorId: 'staff-1',
      recordType: 'citizen',
      recordId: 'c-1',
      fields: ['phone', 'citizenId', 'phone'],
    });
    const sealed = await sealPendingAuditEvents(t.ctx.db);
    expect(sealed).toEqual({ sealed: 6, headSeq: before + 6 });
    expect(await signAuditCheckpoint(t.ctx)).toBe(before + 6);
    // Nothing new to sign.
    expect(await signAuditCheckpoint(t.ctx)).toBeNull();

    const result = await verifyAuditChain(t.ctx.db);
    expect(result).toEqual({ ok: true, checkedRows: before + 6, checkpointsVerified: 1 });

    const read = await t.ctx.db
      .selectFrom('auditEvent')
      .selectAll()
      .where('action', '=', 'personal_data.read')
      .executeTakeFirstOrThrow();
    expect(read.details).toEqual({ fields: ['citizenId', 'phone'] });
    expect(read).toMatchObject({
      actorType: 'user',
      actorId: 'staff-1',
      recordType: 'citizen',
      recordId: 'c-1',
    });
  });

  it('renders the canonical row identically on every database', async () => {
    await sql`
      INSERT INTO audit_event
        (id, occurred_at, actor_type, actor_id, action, record_type, record_id, ip, request_id, details)
      VALUES (900001, '2026-11-21 08:02:03.456789+07', 'system', NULL, 'audit.test', 'report', 'r-1',
        '2001:db8::1', 'req-x', '{"z": 1, "a": {"ngày": "Hạ Long"}, "n": 1.50}')
    `.execute(t.ctx.db);
    const row = await sql<CanonicalEventRow>`
      SELECT ${canonicalColumns('e')} FROM audit_event e WHERE e.id = 900001
    `.execute(t.ctx.db);
    expect(canonicalRow(row.rows[0]!)).toBe(
      '["900001","2026-11-21T01:02:03.456789Z","system",null,"audit.test","report","r-1",' +
        '"2001:db8::1","req-x","{\\"a\\": {\\"ngày\\": \\"Hạ Long\\"}, \\"n\\": 1.50, \\"z\\": 1}"]',
    );
    await sealPendingAuditEvents(t.ctx.db);
  });

  it('seals in the order rows are seen committed, not in id order', async () => {
    const before = await baseSeq();
    // An id handed out first but committed last, as by a slow transaction.
    const reserved = await sql<{ id: number }>`
      SELECT nextval('audit_event_id_seq')::int AS id
    `.execute(t.ctx.db);
    const lateId = reserved.rows[0]!.id;
    await writeEvents(t, 1);
    await sealPendingAuditEvents(t.ctx.db);
    await sql`
      INSERT INTO audit_event (id, actor_type, action) VALUES (${lateId}, 'system', 'late.commit')
    `.execute(t.ctx.db);
    await sealPendingAuditEvents(t.ctx.db);

    expect(await eventIdAtSeq(t, before + 1)).toBeGreaterThan(lateId);
    expect(await eventIdAtSeq(t, before + 2)).toBe(lateId);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on every audit table', async () => {
    await writeEvents(t, 1);
    await sealPendingAuditEvents(t.ctx.db);
    await signAuditCheckpoint(t.ctx);
    for (const table of ['audit_event', 'audit_seal', 'audit_checkpoint', 'audit_signing_key']) {
      const target = sql.table(table);
      await expect(
        sql`UPDATE ${target} SET ${sql.ref(table === 'audit_signing_key' ? 'public_key_pem' : table === 'audit_event' ? 'action' : 'hash')} = 'x'`.execute(
          t.ctx.db,
        ),
      ).rejects.toThrow(/append-only: UPDATE/);
      await expect(sql`DELETE FROM ${target}`.execute(t.ctx.db)).rejects.toThrow(
        /append-only: DELETE/,
      );
      await expect(sql`TRUNCATE ${target} CASCADE`.execute(t.ctx.db)).rejects.toThrow(
        /append-only: TRUNCATE/,
      );
    }
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  describe('reports tampering with the first bad row', () => {
    let before: number;
    beforeAll(async () => {
      before = await baseSeq();
      await writeEvents(t, 6);
      await sealPendingAuditEvents(t.ctx.db);
      await signAuditCheckpoint(t.ctx);
      await backUp(t);
    });
    beforeEach(async () => {
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: true,
        checkedRows: before + 6,
      });
    });
    afterEach(async () => restore(t));

    it('an altered row', async () => {
      const id = await eventIdAtSeq(t, before + 3);
      await tamper(t, `UPDATE audit_event SET actor_id = 'someone-else' WHERE id = ${id}`);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        checkedRows: before + 2,
        problem: 'altered',
        firstBadSeq: before + 3,
        firstBadEventId: id,
      });
    });

    it('an altered timestamp, by one microsecond', async () => {
      const id = await eventIdAtSeq(t, before + 2);
      await tamper(
        t,
        `UPDATE audit_event SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${id}`,
      );
      const result = await verifyAuditChain(t.ctx.db);
      expect(result).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: before + 2 });
    });

    it('a removed row', async () => {
      const id = await eventIdAtSeq(t, before + 4);
      await tamper(t, `DELETE FROM audit_event WHERE id = ${id}`);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        checkedRows: before + 3,
        problem: 'removed',
        firstBadSeq: before + 4,
        firstBadEventId: id,
      });
    });

    it('two rows whose contents were swapped', async () => {
      const a = await eventIdAtSeq(t, before + 2);
      const b = await eventIdAtSeq(t, before + 5);
      const columns = ['occurred_at', 'actor_id', 'record_id', 'request_id', 'details'];
      const assignments = columns.map((c) => `${c} = other.${c}`).join(', ');
      await tamper(
        t,
        `UPDATE audit_event AS e SET ${assignments}
         FROM (SELECT * FROM audit_event WHERE id IN (${a}, ${b})) AS other
         WHERE e.id IN (${a}, ${b}) AND other.id <> e.id`,
      );
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'reordered',
        firstBadSeq: before + 2,
        firstBadEventId: a,
      });
    });

    it('two seals that were swapped', async () => {
      const a = await eventIdAtSeq(t, before + 3);
      const b = await eventIdAtSeq(t, before + 4);
      await tamper(
        t,
        `UPDATE audit_seal SET event_id = -event_id WHERE event_id IN (${a}, ${b});
         UPDATE audit_seal SET event_id = CASE WHEN event_id = -${a} THEN ${b} ELSE ${a} END
         WHERE event_id IN (-${a}, -${b})`,
      );
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'reordered',
        firstBadSeq: before + 3,
        firstBadEventId: b,
      });
    });

    it('a removed seal', async () => {
      await tamper(t, `DELETE FROM audit_seal WHERE seq = ${before + 2}`);
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'seq_gap',
        firstBadSeq: before + 2,
      });
    });

    it('a cut-off tail that a checkpoint had signed', async () => {
      const id = await eventIdAtSeq(t, before + 6);
      await tamper(
        t,
        `DELETE FROM audit_seal WHERE seq = ${before + 6}; DELETE FROM audit_event WHERE id = ${id}`,
      );
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'removed',
        firstBadSeq: before + 6,
      });
    });

    it('a chain rewritten after a row was altered, caught by the signed checkpoint', async () => {
      const id = await eventIdAtSeq(t, before + 5);
      await tamper(t, `UPDATE audit_event SET action = 'dossier.rejected' WHERE id = ${id}`);
      // The intruder recomputes the seals from the altered row on, but cannot re-sign.
      const rows = await sql<CanonicalEventRow & { seq: number; prev: string }>`
        SELECT s.seq, p.hash AS prev, ${canonicalColumns('e')}
        FROM audit_seal s JOIN audit_event e ON e.id = s.event_id
        JOIN audit_seal p ON p.seq = s.seq - 1
        WHERE s.seq >= ${before + 5} ORDER BY s.seq
      `.execute(t.ctx.db);
      const { chainHash } = await import('./audit.canonical');
      let previous = rows.rows[0]!.prev;
      const updates: string[] = [];
      for (const row of rows.rows) {
        previous = chainHash(previous, row);
        updates.push(`UPDATE audit_seal SET hash = '${previous}' WHERE seq = ${row.seq}`);
      }
      await tamper(t, updates.join('; '));
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'checkpoint_mismatch',
        firstBadSeq: before + 6,
      });
    });

    it('a forged checkpoint signature', async () => {
      await tamper(
        t,
        `UPDATE audit_checkpoint SET signature = '${Buffer.alloc(64, 7).toString('base64')}' WHERE seq = ${before + 6}`,
      );
      expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
        ok: false,
        problem: 'bad_signature',
        firstBadSeq: before + 6,
      });
    });

    it('prints the result and exits 1 from the CLI command', async () => {
      const id = await eventIdAtSeq(t, before + 1);
      await tamper(t, `UPDATE audit_event SET ip = '198.51.100.1' WHERE id = ${id}`);
      let printed = '';
      const code = await runAuditVerify(t.ctx, { write: (text: string) => (printed += text) });
      expect(code).toBe(1);
      expect(printed).toContain('Nhật ký kiểm toán KHÔNG toàn vẹn: bản ghi đã bị sửa đổi');
      expect(printed).toContain(
        `Audit log NOT intact: a row was altered (seq ${before + 1}, event ${id})`,
      );
      const json = JSON.parse(printed.trim().split('\n').pop()!);
      expect(json).toMatchObject({ ok: false, problem: 'altered', firstBadEventId: id });
    });
  });

  it('reports a committed row left unsealed too long', async () => {
    await sql`
      INSERT INTO audit_event (occurred_at, actor_type, action)
      VALUES (now() - interval '1 hour', 'system', 'stale.row')
    `.execute(t.ctx.db);
    const stale = await t.ctx.db
      .selectFrom('auditEvent')
      .select('id')
      .where('action', '=', 'stale.row')
      .executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({
      ok: false,
      problem: 'unsealed_too_long',
      firstBadEventId: stale.id,
    });
    let printed = '';
    expect(await runAuditVerify(t.ctx, { write: (s: string) => (printed += s) })).toBe(1);
    await sealPendingAuditEvents(t.ctx.db);
    expect(await runAuditVerify(t.ctx, { write: (s: string) => (printed = s) })).toBe(0);
  });
});
