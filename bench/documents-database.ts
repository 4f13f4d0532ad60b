/**
 * The database of the register-search benchmark: the demo province (its ~75 agencies, their
 * notations, accounts and sample documents) and BENCH_DOCUMENTS (2,000,000) documents in
 * their registers, outgoing and incoming, spread over every agency and the last six years,
 * the provincial People's Committee holding the most, as the busiest register of a province.
 *
 * The documents are generated inside the database (generate_series, phrase pools with
 * diacritics, notations as Decree 30 writes them), in one transaction with the tables'
 * secondary indexes dropped and rebuilt afterwards from the definitions the migrations
 * gave them, then vacuumed: minutes, not hours. Loading takes long enough that the filled
 * database is kept and reused by the next run (its migrations brought up to date, so an
 * index added since is built on the kept rows): on PostgreSQL the scratch database
 * `tinhso_bench_documents` beside the one BENCH_DATABASE_URL names, on the embedded
 * database the data directory `.cache/bench/documents-pglite`. A database holding fewer
 * documents than asked for (an interrupted load) is made afresh.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql, type Kysely, type Transaction } from 'kysely';
import { loadConfig } from '../src/kernel/config/config';
import { openDatabase, type Database } from '../src/kernel/db/database';
import { migrateToLatest } from '../src/kernel/db/migrator';
import { createContext } from '../src/kernel/create-context';
import type { AppContext } from '../src/kernel/context';
import { runDemoSeedOnce, runReferenceSeeds } from '../src/kernel/seed/seeder';
import type { Manifest } from '../src/kernel/manifest';
import { manifests } from '../src/parts';
import { loadFeedbackCategories } from '../seed/feedback-categories';
import { loadFeedbackDemoReports } from '../seed/feedback-demo-reports';

export const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 2_000_000);
/** The share of outgoing documents; the rest arrive. */
const OUTGOING_SHARE = 0.45;
/** Unnumbered outgoing documents per agency, on their way to signature. */
const DRAFTS_PER_AGENCY = 30;
const PG_DATABASE = 'tinhso_bench_documents';
const PGLITE_DIR = path.resolve('.cache/bench/documents-pglite');
/** The agency whose registers are searched: the provincial People's Committee. */
export const SEARCHED_AGENCY_CODE = '000.00.00.H49';

export interface DocumentsBenchDatabase {
  ctx: AppContext;
  database: Database;
  /** Where the bare baseline connects (PostgreSQL), or null on the embedded database. */
  url: string | null;
  documents: number;
  /** Seconds the load took in this run; null when a kept database was reused. */
  fillSeconds: number | null;
  close(): Promise<void>;
}

async function countDocuments(db: Kysely<any>): Promise<number> {
  try {
    const row = await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM document_outgoing) + (SELECT count(*) FROM document_incoming) AS n`.execute(
      db,
    );
    return Number(row.rows[0]!.n);
  } catch {
    return 0;
  }
}

/** The scratch database's URL, created when missing (kept otherwise: the caller checks it). */
async function scratchUrl(serverUrl: string): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${PG_DATABASE}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
  return url.toString();
}

async function dropScratch(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${PG_DATABASE}`);
  } finally {
    await client.end();
  }
}

/** The demo seed with a token number of citizen reports: this database is about documents. */
const demoManifests: Manifest[] = manifests.map((manifest) =>
  manifest.name === 'feedback'
    ? {
        ...manifest,
        seed: {
          ...manifest.seed,
          demo: async (ctx: AppContext) => {
            await loadFeedbackCategories(ctx.db);
            await loadFeedbackDemoReports(ctx.db, {
              now: ctx.clock.now(),
              calendar: ctx.config,
              count: 200,
            });
          },
        },
      }
    : manifest,
);

// Phrase pools of the excerpts (trích yếu). An excerpt is an action, a subject of
// government work and a scope; `{y}` is the document's year, `{place}` its agency's place.
const ACTIONS = [
  'Về việc triển khai',
  'Phê duyệt kế hoạch',
  'Tăng cường công tác',
  'Kiện toàn Ban chỉ đạo',
  'Ban hành quy chế',
  'Giao chỉ tiêu',
  'Điều chỉnh dự toán',
  'Tổ chức hội nghị sơ kết',
  'Khắc phục hậu quả',
  'Hướng dẫn thực hiện',
  'Báo cáo kết quả',
  'Đề nghị hỗ trợ kinh phí',
  'Chấn chỉnh công tác',
  'Thành lập đoàn kiểm tra',
  'Góp ý dự thảo',
  'Tổng kết công tác',
  'Đôn đốc thực hiện',
  'Phân bổ kinh phí',
  'Ủy quyền thực hiện',
  'Cho ý kiến về',
];
const TOPICS = [
  'phòng, chống ngập úng mùa mưa bão',
  'cải cách hành chính',
  'chuyển đổi số và chính quyền số',
  'giải phóng mặt bằng dự án đường ven biển',
  'xây dựng nông thôn mới',
  'bảo vệ môi trường vịnh Hạ Long',
  'quản lý trật tự xây dựng đô thị',
  'phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'bảo đảm an toàn thực phẩm',
  'tiêm chủng mở rộng',
  'tuyển sinh đầu cấp',
  'thu ngân sách nhà nước',
  'giải ngân vốn đầu tư công',
  'phát triển du lịch biển đảo',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'thu gom, xử lý rác thải sinh hoạt',
  'bảo đảm trật tự an toàn giao thông',
  'an toàn lao động trong khai thác than',
  'nuôi trồng thủy sản trên biển',
  'quy hoạch chung xây dựng',
  'phòng, chống thiên tai và tìm kiếm cứu nạn',
  'sắp xếp đơn vị hành chính cấp xã',
  'tiếp công dân và giải quyết khiếu nại, tố cáo',
  'thực hành tiết kiệm, chống lãng phí',
  'bồi thường, hỗ trợ và tái định cư',
  'chăm sóc sức khỏe ban đầu',
  'đào tạo, bồi dưỡng cán bộ, công chức',
  'đăng ký hộ tịch trực tuyến',
  'phát triển kinh tế tập thể, hợp tác xã',
  'bảo tồn di tích Yên Tử',
  'phòng, chống dịch bệnh gia súc, gia cầm',
  'khai thác cát, sỏi lòng sông',
  'quản lý tàu cá và chống khai thác IUU',
  'xây dựng nhà ở xã hội',
  'hỗ trợ hộ nghèo, hộ cận nghèo',
  'ứng dụng khoa học và công nghệ',
  'thi đua, khen thưởng',
  'quốc phòng, an ninh',
  'kiểm soát thủ tục hành chính',
  'phổ biến, giáo dục pháp luật',
];
const SCOPES = [
  'năm {y}',
  'quý I năm {y}',
  'quý III năm {y}',
  '6 tháng đầu năm {y}',
  'giai đoạn 2021–2025',
  'trên địa bàn {place}',
  'trên địa bàn tỉnh',
  'tại các xã, phường, đặc khu',
  'mùa mưa bão năm {y}',
  'dịp Tết Nguyên đán',
  'đến năm 2030, tầm nhìn đến năm 2050',
  'tháng {m} năm {y}',
];
/** Twenty slots: a công văn (no abbreviation) is the most common document by far. */
const TYPES: Array<[string | null, string]> = [
  ...Array<[null, string]>(9).fill([null, 'Công văn']),
  ['QĐ', 'Quyết định'],
  ['QĐ', 'Quyết định'],
  ['QĐ', 'Quyết định'],
  ['QĐ', 'Quyết định'],
  ['TB', 'Thông báo'],
  ['TB', 'Thông báo'],
  ['KH', 'Kế hoạch'],
  ['BC', 'Báo cáo'],
  ['TTr', 'Tờ trình'],
  ['GM', 'Giấy mời'],
  ['HD', 'Hướng dẫn'],
];
/** Drafting units in a công văn's notation (`123/UBND-VP`). */
const UNITS = ['VP', 'TH', 'KT', 'NC', 'XD', 'TNMT', 'VX', 'KSTTHC', 'TCKH', 'QLĐT'];
const SIGNERS = [
  'Nguyễn Văn Hùng',
  'Trần Thị Lan',
  'Lê Minh Tuấn',
  'Phạm Đức Thắng',
  'Vũ Thị Hương',
  'Đặng Quốc Khánh',
  'Bùi Văn Long',
  'Hoàng Thị Mai',
  'Ngô Xuân Trường',
  'Đỗ Thanh Bình',
  'Cao Tường Huy',
  'Nghiêm Xuân Cường',
  'Vi Ngọc Bích',
  'Lương Thị Hồng',
  'Phan Thế Tuấn',
  'Đinh Văn Điền',
  'Trịnh Thị Minh Thanh',
  'Hồ Quang Vinh',
  'Tạ Đình Lộc',
  'Kiều Thị Ngân',
];
/** Senders from outside the province: [name, abbreviation, organ id]. */
const CENTRAL_SENDERS: Array<[string, string, string]> = [
  ['Văn phòng Chính phủ', 'VPCP', '000.00.00.G01'],
  ['Thủ tướng Chính phủ', 'TTg', '000.00.00.G02'],
  ['Bộ Nội vụ', 'BNV', '000.00.00.G05'],
  ['Bộ Tài chính', 'BTC', '000.00.00.G09'],
  ['Bộ Xây dựng', 'BXD', '000.00.00.G14'],
  ['Bộ Nông nghiệp và Môi trường', 'BNNMT', '000.00.00.G06'],
  ['Bộ Y tế', 'BYT', '000.00.00.G17'],
  ['Bộ Giáo dục và Đào tạo', 'BGDĐT', '000.00.00.G04'],
  ['Bộ Công an', 'BCA', '000.00.00.G03'],
  ['Bộ Tư pháp', 'BTP', '000.00.00.G13'],
  ['Bộ Công Thương', 'BCT', '000.00.00.G07'],
  ['Tỉnh ủy Quảng Ninh', 'TU', '000.00.00.D49'],
  ['Hội đồng nhân dân tỉnh Quảng Ninh', 'HĐND', '000.00.00.E49'],
];

const textArray = (values: readonly (string | null)[]) =>
  sql`ARRAY[${sql.join(values.map((v) => sql`${v}::text`))}]`;

/**
 * The pools as one row of arrays, and the agencies that keep registers with their weight:
 * the People's Committee of the province 12, its office 6, other provincial bodies 2, a
 * commune 1 (the province committee holds about a tenth of all documents).
 */
const POOLS = sql`
  pools AS (
    SELECT ${textArray(ACTIONS)} AS actions, ${textArray(TOPICS)} AS topics,
      ${textArray(SCOPES)} AS scopes, ${textArray(TYPES.map((t) => t[0]))} AS type_abbrs,
      ${textArray(TYPES.map((t) => t[1]))} AS type_names, ${textArray(UNITS)} AS units,
      ${textArray(SIGNERS)} AS signers
  ), ag AS (
    SELECT a.id, a.kind, i.abbreviation, i.place_name,
      (row_number() OVER (ORDER BY a.code))::int AS k,
      CASE WHEN a.code = ${SEARCHED_AGENCY_CODE} THEN 12 WHEN a.code = '000.00.01.H49' THEN 6
           WHEN a.kind = 'commune_committee' THEN 1 ELSE 2 END AS weight
    FROM agency a JOIN document_issuer i ON i.agency_id = a.id
    WHERE a.active
  ), total AS (SELECT sum(weight)::float8 AS w FROM ag),
  span AS (
    SELECT y, make_date(y, 1, 1) AS first_day,
      least(make_date(y + 1, 1, 1), current_date) - make_date(y, 1, 1) AS days
    FROM generate_series(extract(year FROM current_date)::int - 5,
                         extract(year FROM current_date)::int) AS y
  ), span_total AS (SELECT sum(days)::float8 AS d FROM span)`;

/** An excerpt from the pools, picked by three independent hashes of the document. */
const EXCERPT = sql`
  replace(replace(replace(
    p.actions[1 + h.h1 % cardinality(p.actions)] || ' ' ||
    p.topics[1 + h.h2 % cardinality(p.topics)] || ' ' ||
    p.scopes[1 + h.h3 % cardinality(p.scopes)],
    '{y}', d.y::text), '{m}', (1 + h.h1 % 12)::text), '{place}', d.place_name)`;

async function ensureRegisters(trx: Transaction<any>): Promise<void> {
  await sql`
    INSERT INTO document_register (agency_id, direction, code, name)
    SELECT a.id, v.direction, v.code, v.name FROM agency a
    JOIN document_issuer i ON i.agency_id = a.id
    CROSS JOIN (VALUES ('outgoing', 'VBDI', 'Sổ đăng ký văn bản đi'),
                       ('incoming', 'VBDEN', 'Sổ đăng ký văn bản đến')) AS v(direction, code, name)
    ON CONFLICT (agency_id, code) DO NOTHING`.execute(trx);
}

/** Issued outgoing documents, numbered in each register and year after what it holds. */
async function fillOutgoing(trx: Transaction<any>, count: number, drafter: string): Promise<void> {
  await sql`
    WITH ${POOLS},
    plan AS (
      SELECT ag.*, r.id AS register_id, span.y, span.first_day, span.days,
        greatest(1, round(${count}::float8 * ag.weight / total.w * span.days / span_total.d))::int AS issued,
        coalesce(c.last_number, 0) AS start
      FROM ag JOIN document_register r ON r.agency_id = ag.id AND r.code = 'VBDI'
      CROSS JOIN span CROSS JOIN total CROSS JOIN span_total
      LEFT JOIN document_register_counter c ON c.register_id = r.id AND c.year = span.y
    )
    INSERT INTO document_outgoing (agency_id, status, type_abbreviation, type_name,
      drafting_unit, subject, body, to_places, urgency, secrecy, place_name,
      signer_competence, signer_position, signer_name, drafted_by, register_id, year, number,
      code_notation, notation, promulgated_on, signed_at, issued_at, created_at, updated_at)
    SELECT d.id, CASE WHEN h.h4 % 400 = 0 THEN 'recalled' ELSE 'issued' END,
      d.type_abbr, d.type_name, CASE WHEN d.type_abbr IS NULL THEN d.unit END,
      ${EXCERPT} AS subject,
      'Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ chức năng, nhiệm vụ được giao, '
        || d.place_name || ' đề nghị các cơ quan, đơn vị triển khai thực hiện nghiêm túc.',
      ARRAY['- Như trên;', '- Lưu: VT, ' || d.unit || '.'],
      CASE WHEN h.h4 % 100 < 5 THEN 'urgent' WHEN h.h4 % 100 = 5 THEN 'very_urgent' ELSE 'normal' END,
      'normal', d.place_name,
      CASE WHEN h.h4 % 3 = 0 THEN 'TM. ' || d.body_name ELSE 'KT. ' || d.head END,
      CASE WHEN h.h4 % 3 = 0 THEN d.head ELSE 'PHÓ ' || d.head END,
      p.signers[1 + (d.k * 3 + h.h4 % 3) % cardinality(p.signers)],
      ${drafter}::uuid, d.register_id, d.y, d.number, d.code_notation,
      CASE WHEN d.number < 10 THEN '0' ELSE '' END || d.number || '/' || d.code_notation,
      d.on_day, d.on_day + time '09:30' AT TIME ZONE 'Asia/Ho_Chi_Minh',
      d.on_day + time '10:00' AT TIME ZONE 'Asia/Ho_Chi_Minh',
      d.on_day + time '08:00' AT TIME ZONE 'Asia/Ho_Chi_Minh',
      d.on_day + time '10:00' AT TIME ZONE 'Asia/Ho_Chi_Minh'
    FROM plan
    CROSS JOIN pools p
    CROSS JOIN LATERAL generate_series(1, plan.issued) AS n
    CROSS JOIN LATERAL (
      SELECT (hashint4(plan.k * 1000003 + plan.y * 7919 + n) & 2147483647) AS h1,
             (hashint4(plan.k * 1000033 + plan.y * 7907 + n + 17) & 2147483647) AS h2,
             (hashint4(plan.k * 999983 + plan.y * 7901 + n + 31) & 2147483647) AS h3,
             (hashint4(plan.k * 1000037 + plan.y * 7883 + n + 43) & 2147483647) AS h4
    ) h
    CROSS JOIN LATERAL (
      SELECT plan.id, plan.k, plan.y, plan.register_id, plan.place_name,
        plan.start + n AS number,
        plan.first_day + ((n - 1) * plan.days / plan.issued) AS on_day,
        p.type_abbrs[1 + h.h2 % 20] AS type_abbr, p.type_names[1 + h.h2 % 20] AS type_name,
        p.units[1 + h.h3 % cardinality(p.units)] AS unit,
        CASE WHEN p.type_abbrs[1 + h.h2 % 20] IS NULL
             THEN plan.abbreviation || '-' || p.units[1 + h.h3 % cardinality(p.units)]
             ELSE p.type_abbrs[1 + h.h2 % 20] || '-' || plan.abbreviation END AS code_notation,
        CASE WHEN plan.kind IN ('province_committee', 'commune_committee')
             THEN 'ỦY BAN NHÂN DÂN' ELSE 'GIÁM ĐỐC' END AS body_name,
        CASE WHEN plan.kind IN ('province_committee', 'commune_committee')
             THEN 'CHỦ TỊCH' ELSE 'GIÁM ĐỐC' END AS head
    ) d
    -- In the order they were written, every agency's documents of a day side by side, as
    -- the table of a platform that has run for years holds them.
    ORDER BY d.on_day, h.h1`.execute(trx);

  // What waits at every desk this year: drafts, reviews and signed documents not yet issued.
  await sql`
    WITH ${POOLS}
    INSERT INTO document_outgoing (agency_id, status, type_abbreviation, type_name,
      drafting_unit, subject, body, urgency, secrecy, place_name, signer_name, drafted_by,
      created_at, updated_at)
    SELECT ag.id, (ARRAY['draft', 'in_review', 'approved', 'signed'])[1 + n % 4],
      p.type_abbrs[1 + h.h2 % 20], p.type_names[1 + h.h2 % 20],
      CASE WHEN p.type_abbrs[1 + h.h2 % 20] IS NULL THEN 'VP' END,
      ${EXCERPT}, 'Dự thảo.', 'normal', 'normal', ag.place_name,
      p.signers[1 + (ag.k * 3) % cardinality(p.signers)], ${drafter}::uuid,
      now() - n * interval '7 hours', now() - n * interval '5 hours'
    FROM ag CROSS JOIN pools p
    CROSS JOIN generate_series(1, ${DRAFTS_PER_AGENCY}::int) AS n
    CROSS JOIN LATERAL (SELECT extract(year FROM current_date)::int AS y,
      ag.place_name) AS d
    CROSS JOIN LATERAL (
      SELECT (hashint4(ag.k * 31 + n) & 2147483647) AS h1, (hashint4(ag.k * 37 + n + 5) & 2147483647) AS h2,
             (hashint4(ag.k * 41 + n + 9) & 2147483647) AS h3
    ) h`.execute(trx);
}

/**
 * Incoming documents, numbered on arrival in each register and year; the last three weeks'
 * still being handled (a few not yet registered), older ones done, a few overdue.
 */
async function fillIncoming(trx: Transaction<any>, count: number, clerk: string): Promise<void> {
  const central = CENTRAL_SENDERS.map(
    ([name, abbreviation, organ]) => sql`(${name}::text, ${abbreviation}::text, ${organ}::text)`,
  );
  await sql`
    WITH ${POOLS},
    senders AS (
      SELECT (row_number() OVER (ORDER BY organ))::int AS s, name, abbreviation, organ FROM (
        SELECT * FROM (VALUES ${sql.join(central)}) AS c(name, abbreviation, organ)
        UNION ALL
        SELECT a.name, i.abbreviation, a.code FROM agency a
        JOIN document_issuer i ON i.agency_id = a.id WHERE a.active
      ) all_senders
    ), sender_count AS (SELECT count(*)::int AS senders FROM senders),
    plan AS (
      SELECT ag.*, r.id AS register_id, span.y, span.first_day, span.days,
        greatest(1, round(${count}::float8 * ag.weight / total.w * span.days / span_total.d))::int AS arrived,
        coalesce(c.last_number, 0) AS start
      FROM ag JOIN document_register r ON r.agency_id = ag.id AND r.code = 'VBDEN'
      CROSS JOIN span CROSS JOIN total CROSS JOIN span_total
      LEFT JOIN document_register_counter c ON c.register_id = r.id AND c.year = span.y
    )
    INSERT INTO document_incoming (agency_id, status, source, received_at, sender_organ_id,
      sender_name, code_number, code_notation, notation, type_name, subject, promulgated_on,
      signer_name, urgency, secrecy, register_id, year, number, registered_at, registered_by,
      handling_unit, handling_deadline, assigned_by, assigned_at, completed_at, created_at,
      updated_at)
    SELECT d.id, d.status, CASE WHEN h.h4 % 10 < 8 THEN 'exchange' ELSE 'paper' END,
      d.received_at, s.organ, s.name, d.code_number, d.code_notation,
      d.code_number || '/' || d.code_notation, d.type_name, ${EXCERPT},
      (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - (1 + h.h3 % 4),
      p.signers[1 + (s.s * 7 + h.h4 % 2) % cardinality(p.signers)],
      CASE WHEN h.h4 % 100 < 6 THEN 'urgent' ELSE 'normal' END, 'normal',
      CASE WHEN d.status <> 'received' THEN d.register_id END,
      CASE WHEN d.status <> 'received' THEN d.y END,
      CASE WHEN d.status <> 'received' THEN d.number END,
      CASE WHEN d.status <> 'received' THEN d.received_at + interval '1 hour' END,
      CASE WHEN d.status <> 'received' THEN ${clerk}::uuid END,
      CASE WHEN d.status IN ('assigned', 'processing', 'done') THEN p.units[1 + h.h3 % cardinality(p.units)] END,
      CASE WHEN d.status IN ('assigned', 'processing', 'done')
           THEN (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 7 + h.h2 % 9 END,
      CASE WHEN d.status IN ('assigned', 'processing', 'done') THEN ${clerk}::uuid END,
      CASE WHEN d.status IN ('assigned', 'processing', 'done') THEN d.received_at + interval '3 hours' END,
      CASE WHEN d.status = 'done' THEN d.received_at + (2 + h.h1 % 8) * interval '1 day' END,
      d.received_at, d.received_at + interval '3 hours'
    FROM plan
    CROSS JOIN pools p
    CROSS JOIN sender_count sc
    CROSS JOIN LATERAL generate_series(1, plan.arrived) AS n
    CROSS JOIN LATERAL (
      SELECT (hashint4(plan.k * 1000003 + plan.y * 7919 + n + 101) & 2147483647) AS h1,
             (hashint4(plan.k * 1000033 + plan.y * 7907 + n + 117) & 2147483647) AS h2,
             (hashint4(plan.k * 999983 + plan.y * 7901 + n + 131) & 2147483647) AS h3,
             (hashint4(plan.k * 1000037 + plan.y * 7883 + n + 143) & 2147483647) AS h4
    ) h
    JOIN senders s ON s.s = 1 + h.h4 % sc.senders
    CROSS JOIN LATERAL (
      SELECT (plan.first_day + ((n - 1) * plan.days / plan.arrived) * interval '1 day'
        + interval '8 hours' + (h.h1 % 480) * interval '1 minute')
        AT TIME ZONE 'Asia/Ho_Chi_Minh' AS received_at
    ) t
    CROSS JOIN LATERAL (
      SELECT plan.id, plan.y, plan.register_id, plan.place_name, plan.start + n AS number,
        t.received_at,
        CASE WHEN t.received_at < now() - interval '21 days'
             THEN CASE WHEN h.h1 % 200 = 0 THEN 'processing' ELSE 'done' END
             ELSE (ARRAY['received', 'registered', 'assigned', 'processing', 'processing',
                         'done'])[1 + h.h1 % 6] END AS status,
        CASE WHEN 1 + h.h2 % 2500 < 10 THEN '0' ELSE '' END || (1 + h.h2 % 2500) AS code_number,
        p.type_names[1 + h.h3 % 20] AS type_name,
        CASE WHEN p.type_abbrs[1 + h.h3 % 20] IS NULL
             THEN s.abbreviation || '-' || p.units[1 + h.h1 % cardinality(p.units)]
             ELSE p.type_abbrs[1 + h.h3 % 20] || '-' || s.abbreviation END AS code_notation
    ) d
    ORDER BY d.received_at`.execute(trx);
}

/** The last number of every register and year, so the platform numbers on after the load. */
async function advanceCounters(trx: Transaction<any>): Promise<void> {
  await sql`
    INSERT INTO document_register_counter (register_id, year, last_number)
    SELECT register_id, year, max(number) FROM (
      SELECT register_id, year, number FROM document_outgoing WHERE number IS NOT NULL
      UNION ALL
      SELECT register_id, year, number FROM document_incoming WHERE number IS NOT NULL
    ) numbered GROUP BY register_id, year
    ON CONFLICT (register_id, year) DO UPDATE SET last_number = EXCLUDED.last_number`.execute(trx);
}

/** A staff account of the searched agency that the load names as drafter and clerk. */
async function benchAccount(db: Kysely<any>): Promise<string> {
  const row = await sql<{ id: string }>`
    SELECT u.id FROM app_user u JOIN agency a ON a.id = u.agency_id
    WHERE a.code = ${SEARCHED_AGENCY_CODE} AND u.type = 'staff' ORDER BY u.email LIMIT 1`.execute(
    db,
  );
  if (!row.rows[0]) throw new Error('the demo seed made no staff account in the province');
  return row.rows[0].id;
}

/**
 * Loads the documents in one transaction: the tables' secondary indexes are dropped first
 * and built again from their own definitions once the rows are in (one sorted build each,
 * not two million insertions into a trigram index), and foreign keys are not checked row
 * by row (session_replication_role), the rows being made from the rows they point to.
 */
async function fill(db: Kysely<any>, count: number, pglite: boolean): Promise<void> {
  const drafter = await benchAccount(db);
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`SET LOCAL maintenance_work_mem = ${sql.lit(pglite ? '256MB' : '1GB')}`.execute(trx);
    const indexes = await sql<{ name: string; definition: string }>`
      SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.tablename IN ('document_outgoing', 'document_incoming')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`.execute(
      trx,
    );
    for (const index of indexes.rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(trx);
    await ensureRegisters(trx);
    const outgoing = Math.round(count * OUTGOING_SHARE);
    await fillOutgoing(trx, outgoing, drafter);
    process.stderr.write(`  outgoing documents loaded\n`);
    await fillIncoming(trx, count - outgoing, drafter);
    process.stderr.write(`  incoming documents loaded\n`);
    await advanceCounters(trx);
    for (const index of indexes.rows) await sql.raw(index.definition).execute(trx);
    process.stderr.write(`  ${indexes.rows.length} indexes built\n`);
  });
}

/** Opens (and on first use fills) the database of the register-search benchmark. */
export async function openDocumentsDatabase(options: {
  poolSize: number;
}): Promise<DocumentsBenchDatabase> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
  const url = serverUrl ? await scratchUrl(serverUrl) : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-bench-'));
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: url ?? '',
    FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // The benchmark measures the request path, not the limiter refusing it.
    RATE_LIMIT_PER_MINUTE: '1000000',
    // Every request logs its access line, as in production.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  });
  const open = () =>
    url
      ? openDatabase({
          url,
          poolSize: options.poolSize,
          prepareThreshold: config.databasePrepareThreshold,
        })
      : openDatabase({ pgliteDir: PGLITE_DIR });

  let database = await open();
  if ((await countDocuments(database.db)) < DOCUMENTS) {
    // A kept database with fewer documents is an interrupted load: start again from empty.
    await database.close();
    if (serverUrl) await dropScratch(serverUrl);
    else fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    database = await open();
  }
  await migrateToLatest(database.db, manifests);
  const ctx = await createContext({ config, database });
  await runReferenceSeeds(ctx, manifests);
  await runDemoSeedOnce(ctx, demoManifests);

  let fillSeconds: number | null = null;
  if ((await countDocuments(ctx.db)) < DOCUMENTS) {
    process.stderr.write(`loading ${DOCUMENTS} documents…\n`);
    const started = Date.now();
    await fill(ctx.db, DOCUMENTS, !serverUrl);
    // Hint bits, the visibility map and statistics, as on a database that has lived a while.
    await sql`VACUUM (ANALYZE) document_outgoing, document_incoming`.execute(ctx.db);
    fillSeconds = Math.round((Date.now() - started) / 1000);
    process.stderr.write(`documents loaded in ${fillSeconds} s\n`);
  }
  // Statistics as autovacuum keeps them (the embedded database has no autovacuum), also of
  // the indexes a migration may have just built on the kept rows.
  await sql`ANALYZE document_outgoing, document_incoming`.execute(ctx.db);
  return {
    ctx,
    database,
    url,
    documents: await countDocuments(ctx.db),
    fillSeconds,
    close: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
