import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv';
import type { ExportColumn } from './export-columns';
import { ExportOutputClosedError } from './export-output';
import { collector, parseCsv, trackedRows } from './export.test-support';

interface Report {
  code: string;
  title: string;
  votes: number | null;
  receivedAt: Date;
  dueOn: string;
  urgent: boolean;
}

const columns: ExportColumn<Report>[] = [
  { key: 'code', header: 'Mã phản ánh', headerEn: 'Report code', value: (r) => r.code },
  { key: 'title', header: 'Nội dung', headerEn: 'Subject', value: (r) => r.title },
  { key: 'votes', header: 'Lượt quan tâm', kind: 'number', value: (r) => r.votes },
  {
    key: 'receivedAt',
    header: 'Thời điểm tiếp nhận',
    headerEn: 'Received',
    kind: 'datetime',
    value: (r) => r.receivedAt,
  },
  { key: 'receivedOn', header: 'Ngày tiếp nhận', kind: 'date', value: (r) => r.receivedAt },
  { key: 'dueOn', header: 'Hạn xử lý', kind: 'date', value: (r) => r.dueOn },
  { key: 'urgent', header: 'Khẩn', headerEn: 'Urgent', value: (r) => r.urgent },
];

function report(overrides: Partial<Report> = {}): Report {
  return {
    code: 'PA-261121-7KX9Q',
    title: 'Đường Hạ Long ngập nước',
    votes: 12,
    // 17:30 UTC is 00:30 the next day in Vietnam.
    receivedAt: new Date('2026-11-20T17:30:00Z'),
    dueOn: '2026-11-28',
    urgent: false,
    ...overrides,
  };
}

async function csvOf<Row>(
  cols: ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: Parameters<typeof writeCsv>[3] = { locale: 'vi' },
): Promise<Buffer<ArrayBuffer>> {
  const { out, file } = collector();
  await writeCsv(cols, rows, out, options);
  return file;
}

describe('writeCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', async () => {
    const file = await csvOf(columns, [report(), report({ code: 'PA-261121-AAAAA' })]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(text)).toHaveLength(3);
  });

  it('writes Vietnamese headers and text that read back unchanged, in NFC', async () => {
    const decomposed = 'Cầu Bãi Cháy hư hỏng, đề nghị sửa'.normalize('NFD');
    const file = await csvOf(columns, [report({ title: decomposed })]);
    const [header, row] = parseCsv(file.toString('utf8').slice(1));
    expect(header).toEqual([
      'Mã phản ánh',
      'Nội dung',
      'Lượt quan tâm',
      'Thời điểm tiếp nhận',
      'Ngày tiếp nhận',
      'Hạn xử lý',
      'Khẩn',
    ]);
    expect(row?.[1]).toBe('Cầu Bãi Cháy hư hỏng, đề nghị sửa'.normalize('NFC'));
    expect(row?.[6]).toBe('Không');
  });

  it('uses the English headers and yes/no for locale en, Vietnamese where none is given', async () => {
    const file = await csvOf(columns, [report({ urgent: true })], { locale: 'en' });
    const [header, row] = parseCsv(file.toString('utf8').slice(1));
    expect(header).toEqual([
      'Report code',
      'Subject',
      'Lượt quan tâm',
      'Received',
      'Ngày tiếp nhận',
      'Hạn xử lý',
      'Urgent',
    ]);
    expect(row?.[6]).toBe('Yes');
  });

  it('quotes fields holding commas, quotes and line breaks, and only those', async () => {
    const titles = [
      'Ngập, tắc đường',
      'Biển báo "cấm đỗ" bị đổ',
      'Dòng một\r\nDòng hai',
      'Chỉ LF\nở giữa',
      'Bình thường',
    ];
    const file = await csvOf(
      columns,
      titles.map((title) => report({ title })),
    );
    const text = file.toString('utf8').slice(1);
    expect(text).toContain('"Ngập, tắc đường"');
    expect(text).toContain('"Biển báo ""cấm đỗ"" bị đổ"');
    expect(text).toContain(',Bình thường,');
    expect(
      parseCsv(text)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(titles);
  });

  it('defuses text that a spreadsheet would run as a formula, but not numbers', async () => {
    const titles = [
      '=HYPERLINK("http://evil.example","bấm vào")',
      '+84 912 345 678',
      '-1+2',
      '@SUM(A1:A9)',
      '\tTab đầu dòng',
      '\rCR đầu dòng',
      'a=b không sao',
      ' =1 (khoảng trắng trước)',
    ];
    const file = await csvOf(
      columns,
      titles.map((title, index) => report({ title, votes: index === 0 ? -5 : 3 })),
    );
    const rows = parseCsv(file.toString('utf8').slice(1)).slice(1);
    expect(rows.map((row) => row[1])).toEqual([
      `'=HYPERLINK("http://evil.example","bấm vào")`,
      "'+84 912 345 678",
      "'-1+2",
      "'@SUM(A1:A9)",
      "'\tTab đầu dòng",
      "'\rCR đầu dòng",
      'a=b không sao',
      ' =1 (khoảng trắng trước)',
    ]);
    // A negative number is a number, not a formula.
    expect(rows[0]?.[2]).toBe('-5');
  });

  it('writes instants and days in Vietnam time as yyyy-MM-dd HH:mm and yyyy-MM-dd', async () => {
    const file = await csvOf(columns, [report()]);
    const [, row] = parseCsv(file.toString('utf8').slice(1));
    expect(row?.slice(3, 6)).toEqual(['2026-11-21 00:30', '2026-11-21', '2026-11-28']);
  });

  it('follows the time zone it is given', async () => {
    const file = await csvOf(columns, [report()], { locale: 'vi', timezone: 'UTC' });
    const [, row] = parseCsv(file.toString('utf8').slice(1));
    expect(row?.slice(3, 5)).toEqual(['2026-11-20 17:30', '2026-11-20']);
  });

  it('leaves empty values empty and keeps numeric text from the database as numbers', async () => {
    const cols: ExportColumn<{ count: string | null; id: string }>[] = [
      { key: 'count', header: 'Số lượng', kind: 'number', value: (r) => r.count },
      { key: 'id', header: 'Mã', kind: 'number', value: (r) => r.id },
    ];
    const file = await csvOf(cols, [
      { count: '42', id: '9007199254740993' },
      { count: null, id: '-7' },
    ]);
    expect(parseCsv(file.toString('utf8').slice(1))).toEqual([
      ['Số lượng', 'Mã'],
      ['42', '9007199254740993'],
      ['', '-7'],
    ]);
  });

  it('streams rows from an async source and waits for a slow reader', async () => {
    const source = trackedRows(10_000, (index) => report({ code: `PA-${index}` }));
    const out = new PassThrough({ highWaterMark: 1024 });
    const done = writeCsv(columns, source.rows, out, { locale: 'vi' });
    // Nobody reads yet: the writer must stop once the stream is full.
    for (let turn = 0; turn < 50; turn += 1) await nextTurn();
    expect(source.pulled()).toBeGreaterThan(0);
    expect(source.pulled()).toBeLessThan(10_000);

    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await done;
    const rows = parseCsv(Buffer.concat(chunks).toString('utf8').slice(1));
    expect(rows).toHaveLength(10_001);
    expect(rows[10_000]?.[0]).toBe('PA-9999');
  });

  it('stops reading rows, and closes the source, when the output closes early', async () => {
    const source = trackedRows(10_000, (index) => report({ code: `PA-${index}` }));
    const out = new PassThrough({ highWaterMark: 1024 });
    const done = writeCsv(columns, source.rows, out, { locale: 'vi' });
    for (let turn = 0; turn < 20; turn += 1) await nextTurn();
    out.destroy();
    await expect(done).rejects.toBeInstanceOf(ExportOutputClosedError);
    await source.closed;
    expect(source.pulled()).toBeLessThan(10_000);
  });

  it('rejects when reading the rows fails', async () => {
    async function* failing(): AsyncGenerator<Report> {
      yield report();
      throw new Error('connection lost');
    }
    const { out } = collector();
    await expect(writeCsv(columns, failing(), out, { locale: 'vi' })).rejects.toThrow(
      'connection lost',
    );
  });
});
