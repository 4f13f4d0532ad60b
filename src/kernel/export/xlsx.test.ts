import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportColumn } from './export-columns';
import { ExportOutputClosedError } from './export-output';
import { collector, readSheet, trackedRows } from './export.test-support';
import { sanitiseSheetName } from './sheet-name';
import { writeXlsx, type XlsxOptions } from './xlsx';

interface Report {
  code: string;
  title: string;
  votes: number | null;
  receivedAt: Date;
  dueOn: string;
}

const columns: ExportColumn<Report>[] = [
  { key: 'code', header: 'Mã phản ánh', headerEn: 'Report code', width: 20, value: (r) => r.code },
  { key: 'title', header: 'Nội dung', headerEn: 'Subject', value: (r) => r.title },
  { key: 'votes', header: 'Lượt quan tâm', kind: 'number', value: (r) => r.votes },
  { key: 'receivedAt', header: 'Tiếp nhận lúc', kind: 'datetime', value: (r) => r.receivedAt },
  { key: 'dueOn', header: 'Hạn xử lý', kind: 'date', value: (r) => r.dueOn },
];

function report(overrides: Partial<Report> = {}): Report {
  return {
    code: 'PA-261121-7KX9Q',
    title: 'Đèn đường phố Trần Hưng Đạo không sáng',
    votes: 7,
    // 17:30 UTC is 00:30 the next day in Vietnam.
    receivedAt: new Date('2026-11-20T17:30:00Z'),
    dueOn: '2026-11-28',
    ...overrides,
  };
}

async function workbookOf<Row>(
  cols: ExportColumn<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: Partial<XlsxOptions> = {},
): Promise<ExcelJS.Worksheet> {
  const { out, file } = collector();
  await writeXlsx(cols, rows, out, { sheetName: 'Phản ánh', locale: 'vi', ...options });
  return readSheet(await file);
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number, count: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: count }, (_, index) => row.getCell(index + 1).value);
}

describe('writeXlsx', () => {
  it('writes a bold, frozen, filterable header row in Vietnamese', async () => {
    const sheet = await workbookOf(columns, [report()]);
    expect(sheet.name).toBe('Phản ánh');
    expect(rowTexts(sheet, 1, 5)).toEqual([
      'Mã phản ánh',
      'Nội dung',
      'Lượt quan tâm',
      'Tiếp nhận lúc',
      'Hạn xử lý',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.autoFilter).toBe('A1:E1');
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(16);
  });

  it('uses English headers for locale en where they exist', async () => {
    const sheet = await workbookOf(columns, [report()], { locale: 'en' });
    expect(rowTexts(sheet, 1, 3)).toEqual(['Report code', 'Subject', 'Lượt quan tâm']);
  });

  it('keeps numbers numeric, days and times as dates in Vietnam time, and text intact', async () => {
    const title = 'Cầu Bãi Cháy: lan can bị gãy, đề nghị khắc phục'.normalize('NFD');
    const sheet = await workbookOf(columns, [report({ title })]);
    const row = sheet.getRow(2);

    expect(row.getCell(1).value).toBe('PA-261121-7KX9Q');
    expect(row.getCell(2).value).toBe(
      'Cầu Bãi Cháy: lan can bị gãy, đề nghị khắc phục'.normalize('NFC'),
    );

    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).value).toBe(7);

    const received = row.getCell(4);
    expect(received.type).toBe(ExcelJS.ValueType.Date);
    expect(received.value).toBeInstanceOf(Date);
    // Excel dates carry no zone: the cell holds the wall clock in Vietnam.
    expect((received.value as Date).toISOString()).toBe('2026-11-21T00:30:00.000Z');
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');

    const due = row.getCell(5);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(due.numFmt).toBe('dd/mm/yyyy');
  });

  it('writes text that looks like a formula as text, and empty values as empty cells', async () => {
    const sheet = await workbookOf(columns, [report({ title: '=HYPERLINK("x")', votes: null })]);
    const cell = sheet.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Null);
  });

  it('puts a title line above the header and freezes both', async () => {
    const sheet = await workbookOf(columns, [report()], { title: 'Danh sách phản ánh tháng 11' });
    expect(sheet.getRow(1).getCell(1).value).toBe('Danh sách phản ánh tháng 11');
    expect(sheet.model.merges).toEqual(['A1:E1']);
    expect(rowTexts(sheet, 2, 2)).toEqual(['Mã phản ánh', 'Nội dung']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    expect(sheet.autoFilter).toBe('A2:E2');
    expect(sheet.getRow(3).getCell(1).value).toBe('PA-261121-7KX9Q');
  });

  it('cleans the sheet name to what Excel accepts', async () => {
    const sheet = await workbookOf(columns, [], {
      sheetName: 'Phản ánh [11/2026]: tổng hợp toàn tỉnh',
    });
    expect(sheet.name).toBe('Phản ánh (11-2026)- tổng hợp to');
    expect(sheet.rowCount).toBe(1);
  });

  it('streams 10,000 rows from an async generator', async () => {
    const source = trackedRows(10_000, (index) =>
      report({ code: `PA-${String(index).padStart(5, '0')}`, votes: index }),
    );
    const sheet = await workbookOf(columns, source.rows);
    expect(sheet.rowCount).toBe(10_001);
    expect(sheet.getRow(2).getCell(1).value).toBe('PA-00000');
    expect(sheet.getRow(10_001).getCell(1).value).toBe('PA-09999');
    expect(sheet.getRow(10_001).getCell(3).value).toBe(9_999);
    expect(sheet.getRow(10_001).getCell(4).value).toBeInstanceOf(Date);
  });

  it('reads rows only as fast as a slow reader takes the file', async () => {
    const source = trackedRows(20_000, (index) => report({ code: `PA-${index}` }));
    const out = new PassThrough({ highWaterMark: 1024 });
    const done = writeXlsx(columns, source.rows, out, { sheetName: 'Phản ánh', locale: 'vi' });
    // Nobody reads yet: the writer must stop once the stream is full.
    for (let turn = 0; turn < 50; turn += 1) await nextTurn();
    expect(source.pulled()).toBeGreaterThan(0);
    expect(source.pulled()).toBeLessThan(20_000);

    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await done;
    const sheet = await readSheet(Buffer.concat(chunks));
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getRow(20_001).getCell(1).value).toBe('PA-19999');
  });

  it('stops reading rows, and closes the source, when the output closes early', async () => {
    const source = trackedRows(100_000, (index) => report({ code: `PA-${index}` }));
    const out = new PassThrough({ highWaterMark: 1024 });
    const done = writeXlsx(columns, source.rows, out, { sheetName: 'Phản ánh', locale: 'vi' });
    for (let turn = 0; turn < 50; turn += 1) await nextTurn();
    expect(source.pulled()).toBeLessThan(100_000);
    out.destroy();
    await expect(done).rejects.toBeInstanceOf(ExportOutputClosedError);
    await source.closed;
    expect(source.pulled()).toBeLessThan(100_000);
  });
});

describe('sanitiseSheetName', () => {
  it('replaces characters Excel refuses', () => {
    expect(sanitiseSheetName('Hồ sơ 01/2026')).toBe('Hồ sơ 01-2026');
    expect(sanitiseSheetName('a\\b:c*d?e[f]')).toBe('a-b-cde(f)');
  });

  it('keeps at most 31 characters, in NFC, without cutting a surrogate pair', () => {
    const long = 'Danh sách phản ánh của người dân toàn tỉnh'.normalize('NFD');
    expect(sanitiseSheetName(long)).toBe('Danh sách phản ánh của người dâ');
    const withEmoji = `${'a'.repeat(30)}😀`;
    expect(sanitiseSheetName(withEmoji)).toBe('a'.repeat(30));
  });

  it('strips edge apostrophes and control characters, and avoids empty and reserved names', () => {
    expect(sanitiseSheetName("'Phản ánh'")).toBe('Phản ánh');
    expect(sanitiseSheetName('Tab\u0000\u0007le')).toBe('Table');
    expect(sanitiseSheetName(' ?*/ ')).toBe('-');
    expect(sanitiseSheetName('??')).toBe('Danh sách');
    expect(sanitiseSheetName('history')).toBe('history 1');
  });
});
