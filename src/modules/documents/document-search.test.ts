import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/support/harness';
import { insertAgency } from '../../kernel/agencies/agencies.queries';
import { createTestUser } from '../../kernel/auth/testing';
import { documentsDb, type DocumentsDb } from './documents-db';
import {
  COUNT_CAP,
  SEARCH_COUNT_CAP,
  SHORT_SEARCH_COUNT_CAP,
  hasSearchKeys,
  incomingQuery,
  outgoingQuery,
  type IncomingFilters,
  type OutgoingFilters,
  type TextSearch,
} from './document-list.queries';
import { incomingPage, outgoingPage } from './document-lists';

/** What two agencies received: the same words at both, so that the keys must tell them apart. */
const RECEIVED = [
  ['15/QĐ-UBND', 'Phòng, chống ngập úng mùa mưa bão năm 2026', 'Ủy ban nhân dân tỉnh'],
  ['115/QĐ-UBND', 'Khắc phục hậu quả ngập úng tại phường Hạ Long', 'Ủy ban nhân dân tỉnh'],
  ['1234/BNV-CCVC', 'Tuyển dụng công chức cấp xã', 'Bộ Nội vụ'],
  ['07/TB-SXD', 'Lịch tiếp công dân tháng 12', 'Sở Xây dựng'],
  ['45/KH-UBND', 'Chuyển đổi số và chính quyền số: a b c', 'UBND phường Bãi Cháy'],
  ['9/UBND-VP', 'V/v 100% hộ dân dùng nước sạch_2026', 'UBND xã Cô Tô'],
] as const;

describe('searching a register through the agency trigram keys', () => {
  let test: TestContext;
  let db: DocumentsDb;
  let agencies: string[];

  const filters = (agencyId: string, q: string): IncomingFilters => ({
    agencyId,
    userId: '00000000-0000-0000-0000-000000000000',
    box: 'all',
    q,
    today: '2026-11-22',
    timezone: 'Asia/Ho_Chi_Minh',
  });
  const ids = async (agencyId: string, q: string, how: TextSearch) =>
    (
      await incomingQuery(db, filters(agencyId, q), how)
        .select('notation')
        .orderBy('notation')
        .execute()
    ).map((row) => row.notation);

  beforeAll(async () => {
    test = await createTestContext();
    db = documentsDb(test.ctx);
    agencies = [];
    for (const code of ['T91.00.00', 'T92.00.00']) {
      const agency = await insertAgency(test.ctx.db, {
        code,
        name: `UBND thử ${code}`,
        kind: 'province_committee',
      });
      agencies.push(agency.id);
    }
    await db
      .insertInto('documentIncoming')
      .values(
        agencies.flatMap((agencyId) =>
          RECEIVED.map(([notation, subject, senderName], i) => ({
            agencyId,
            status: 'received' as const,
            source: 'paper' as const,
            receivedAt: new Date(Date.UTC(2026, 10, 1 + i)),
            senderName,
            codeNumber: notation.split('/')[0]!,
            codeNotation: notation.split('/')[1]!,
            notation,
            typeName: 'Công văn',
            subject,
            promulgatedOn: '2026-10-30',
            urgency: 'normal' as const,
            secrecy: 'normal' as const,
          })),
        ),
      )
      .execute();
  }, 120_000);
  afterAll(() => test?.close());

  it('finds through the keys exactly what testing every row finds, for any part of the text', async () => {
    // Every piece of every document's text, from one to nine characters, typed as it was
    // written (diacritics, capitals, separators, LIKE's own % and _): parts of words at
    // either end, single letters, numbers cut anywhere.
    const typed = new Set<string>();
    for (const [notation, subject, sender] of RECEIVED) {
      const text = `${notation} ${subject} ${sender}`;
      for (let length = 1; length <= 9; length += 1) {
        for (let start = 0; start + length <= text.length; start += 3) {
          typed.add(text.slice(start, start + length));
        }
      }
    }
    typed.add('không có');
    for (const q of typed) {
      if (!q.trim()) continue;
      const scanned = await ids(agencies[0]!, q, 'scan');
      expect({ q, found: await ids(agencies[0]!, q, 'keys') }).toEqual({ q, found: scanned });
    }
  }, 300_000);

  it('answers a notation fragment, words without diacritics and text too short for keys', async () => {
    expect(await ids(agencies[1]!, '15/QĐ', 'keys')).toEqual(['115/QĐ-UBND', '15/QĐ-UBND']);
    expect(await ids(agencies[1]!, 'NGAP UNG', 'keys')).toEqual(['115/QĐ-UBND', '15/QĐ-UBND']);
    expect(await ids(agencies[1]!, 'bo noi vu', 'keys')).toEqual(['1234/BNV-CCVC']);
    expect(await ids(agencies[1]!, '100%', 'keys')).toEqual(['9/UBND-VP']);
    expect(hasSearchKeys('qđ')).toBe(false);
    expect(hasSearchKeys('15/')).toBe(true);
    expect(hasSearchKeys('/q')).toBe(true);
    expect(hasSearchKeys('ung')).toBe(true);
    const page = await incomingPage(db, filters(agencies[1]!, 'qđ'), { page: 1, pageSize: 1 });
    expect(page.total).toBe(2);
    expect(page.items.map((item: { notation: string }) => item.notation)).toEqual(['115/QĐ-UBND']);
  });
});

describe('a page of a busy register, whichever way it is read', () => {
  let test: TestContext;
  let db: DocumentsDb;
  let agencyId: string;
  let userId: string;

  beforeAll(async () => {
    test = await createTestContext();
    db = documentsDb(test.ctx);
    agencyId = (
      await insertAgency(test.ctx.db, {
        code: 'T93.00.00',
        name: 'UBND thử T93',
        kind: 'province_committee',
      })
    ).id;
    userId = (
      await createTestUser(test.ctx, { email: 'chuyenvien.t93@example.vn', agencyId, roles: [] })
    ).id;
    const registers = await db
      .insertInto('documentRegister')
      .values([
        { agencyId, direction: 'incoming', code: 'VBDEN', name: 'Sổ văn bản đến' },
        { agencyId, direction: 'outgoing', code: 'VBDI', name: 'Sổ văn bản đi' },
      ])
      .returning(['id', 'direction'])
      .execute();
    const register = (direction: string) => registers.find((r) => r.direction === direction)!.id;
    // 6,000 arrivals and 3,000 issued documents over two years: a third are decisions (a
    // common text), a tenth about flooding (a rarer one); every twentieth not yet registered.
    const SUBJECTS = sql`(ARRAY['Quyết định phê duyệt kế hoạch', 'Báo cáo khắc phục ngập úng',
      'Giấy mời họp giao ban', 'Về việc tuyển sinh đầu cấp', 'Thông báo lịch tiếp dân'])`;
    await sql`
      INSERT INTO document_incoming (agency_id, status, source, received_at, sender_name,
        code_number, code_notation, notation, type_name, subject, promulgated_on, urgency,
        secrecy, register_id, year, number)
      SELECT ${agencyId}, CASE WHEN n % 20 = 0 THEN 'received' ELSE 'registered' END, 'paper',
        at, 'Sở Xây dựng', n::text, 'QĐ-SXD', n || '/QĐ-SXD', 'Công văn',
        CASE WHEN n % 3 = 0 THEN ${SUBJECTS}[1] WHEN n % 10 = 1 THEN ${SUBJECTS}[2]
             ELSE ${SUBJECTS}[2 + n % 3] END || ' số ' || n,
        (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'normal', 'normal',
        CASE WHEN n % 20 <> 0 THEN ${register('incoming')}::uuid END,
        CASE WHEN n % 20 <> 0 THEN extract(year FROM at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int END,
        CASE WHEN n % 20 <> 0 THEN n END
      FROM generate_series(1, 6000) AS n
      CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01 02:00Z' + n * interval '2 hours 55 minutes' AS at) t`.execute(
      db,
    );
    await sql`
      INSERT INTO document_outgoing (agency_id, status, type_abbreviation, type_name, subject,
        body, urgency, secrecy, place_name, drafted_by, register_id, year, number,
        code_notation, notation, promulgated_on, updated_at)
      SELECT ${agencyId}, 'issued', 'QĐ', 'Quyết định',
        CASE WHEN n % 10 = 1 THEN ${SUBJECTS}[2] ELSE ${SUBJECTS}[3 + n % 3] END || ' số ' || n,
        '', 'normal', 'normal', 'Hạ Long', ${userId}::uuid, ${register('outgoing')}::uuid,
        extract(year FROM day)::int, n, 'QĐ-UBND', n || '/QĐ-UBND', day, day + time '10:00'
      FROM generate_series(1, 3000) AS n
      CROSS JOIN LATERAL (SELECT date '2025-01-01' + (n * 243 / 1000) AS day) d`.execute(db);
  }, 180_000);
  afterAll(() => test?.close());

  const incoming = (extra: Partial<IncomingFilters>): IncomingFilters => ({
    agencyId,
    userId,
    box: 'register',
    today: '2026-11-22',
    timezone: 'Asia/Ho_Chi_Minh',
    ...extra,
  });

  /** The page as the plain query reads it, sorting every match. */
  async function plainPage(
    query: ReturnType<typeof incomingQuery> | ReturnType<typeof outgoingQuery>,
    order: Array<[string, 'asc' | 'desc']>,
    page: number,
    cap: number,
  ) {
    let sorted = (query as ReturnType<typeof incomingQuery>).select('id');
    for (const [column, direction] of order) sorted = sorted.orderBy(column as 'id', direction);
    const all = await sorted.execute();
    return {
      ids: all.slice((page - 1) * 20, page * 20).map((row) => row.id),
      total: Math.min(all.length, cap),
      totalIsCapped: all.length > cap,
    };
  }
  const REGISTER: Array<[string, 'asc' | 'desc']> = [
    ['year', 'desc'],
    ['number', 'desc'],
    ['id', 'asc'],
  ];

  it.each([
    [{}, 1],
    [{}, 7],
    [{ box: 'all' as const }, 3],
    [{ from: '2025-03-01', to: '2025-03-31' }, 2],
    [{ q: 'quyet dinh' }, 1],
    [{ q: 'quyet dinh' }, 4],
    [{ q: 'ngap ung' }, 2],
    [{ q: 'ngap ung', from: '2025-03-01', to: '2025-03-31' }, 1],
    [{ q: 'ngap ung', from: '2025-01-01', to: '2026-12-31' }, 3],
    [{ q: 'quyet dinh', from: '2025-01-01', to: '2026-12-31' }, 2],
    [{ q: 'QĐ' }, 5],
    [{ q: 'QĐ' }, 6],
    [{ q: 'QĐ', from: '2025-03-01', to: '2025-03-31' }, 2],
    [{ q: 'họp giao', box: 'all' as const }, 1],
  ])('reads incoming %o, page %i, as the plain query does', async (extra, page) => {
    const filters = incoming(extra);
    const order: Array<[string, 'asc' | 'desc']> =
      filters.box === 'register'
        ? REGISTER
        : [
            ['receivedAt', 'desc'],
            ['id', 'asc'],
          ];
    const cap = !filters.q
      ? COUNT_CAP
      : hasSearchKeys(filters.q) || filters.from
        ? SEARCH_COUNT_CAP
        : SHORT_SEARCH_COUNT_CAP;
    const expected = await plainPage(incomingQuery(db, filters, 'scan'), order, page, cap);
    const result = await incomingPage(db, filters, { page, pageSize: 20 });
    expect(result.items.map((item: { id: string }) => item.id)).toEqual(expected.ids);
    expect({ total: result.total, capped: result.totalIsCapped }).toEqual({
      total: expected.total,
      capped: expected.totalIsCapped,
    });
    expect(expected.ids.length).toBeGreaterThan(0);
  });

  it.each([
    [{ box: 'register' as const }, 9],
    [{ box: 'register' as const, from: '2025-06-01', to: '2025-06-30' }, 1],
    [{ box: 'all' as const, q: 'ngap ung', from: '2025-02-01', to: '2025-09-30' }, 2],
    [{ box: 'register' as const, q: 'giay moi hop' }, 3],
  ])('reads outgoing %o, page %i, as the plain query does', async (extra, page) => {
    const filters: OutgoingFilters = { agencyId, userId, ...extra };
    const order: Array<[string, 'asc' | 'desc']> =
      filters.box === 'register'
        ? REGISTER
        : [
            ['updatedAt', 'desc'],
            ['id', 'asc'],
          ];
    const cap = !filters.q
      ? COUNT_CAP
      : hasSearchKeys(filters.q) || filters.from
        ? SEARCH_COUNT_CAP
        : SHORT_SEARCH_COUNT_CAP;
    const expected = await plainPage(outgoingQuery(db, filters, 'scan'), order, page, cap);
    const result = await outgoingPage(db, filters, { page, pageSize: 20 });
    expect(result.items.map((item: { id: string }) => item.id)).toEqual(expected.ids);
    expect({ total: result.total, capped: result.totalIsCapped }).toEqual({
      total: expected.total,
      capped: expected.totalIsCapped,
    });
    expect(expected.ids.length).toBeGreaterThan(0);
  });
});
