import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportColumn } from './export-columns';
import { exportFileName } from './export-format';
import { ExportContent, ExportFormatSchema } from './export.schemas';
import { parseCsv, readSheet, trackedRows } from './export.test-support';
import { sendExport } from './send-export';

interface Report {
  code: string;
  title: string;
  votes: number;
  receivedAt: Date;
}

const columns: ExportColumn<Report>[] = [
  { key: 'code', header: 'Mã phản ánh', headerEn: 'Report code', value: (r) => r.code },
  { key: 'title', header: 'Nội dung', headerEn: 'Subject', value: (r) => r.title },
  { key: 'votes', header: 'Lượt quan tâm', kind: 'number', value: (r) => r.votes },
  { key: 'receivedAt', header: 'Tiếp nhận lúc', kind: 'datetime', value: (r) => r.receivedAt },
];

function report(index: number): Report {
  return {
    code: `PA-261121-${String(index).padStart(5, '0')}`,
    title: `Phản ánh số ${index}: đường Hạ Long ngập, cần xử lý`,
    votes: index,
    receivedAt: new Date('2026-11-20T17:30:00Z'),
  };
}

const EXPORTED_AT = new Date('2026-11-20T18:00:00Z');
type RowSource = () => AsyncIterable<Report> | Iterable<Report>;

/** A bare Fastify app with one export route, typed as the platform's routes are. */
function exportApp(source: RowSource, fileName?: string): FastifyInstance {
  // The HTTP client may keep a spare connection open; closing must not wait for it to time out.
  const app = Fastify({ forceCloseConnections: true });
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/reports/export',
    {
      schema: {
        querystring: Type.Object({ format: ExportFormatSchema }),
        response: { 200: ExportContent },
      },
    },
    async (request, reply) =>
      sendExport(reply, {
        format: request.query.format,
        fileName: fileName ?? exportFileName('Phản ánh', request.query.format, EXPORTED_AT),
        columns,
        rows: source(),
        locale: 'vi',
        sheetName: 'Phản ánh',
      }),
  );
  return app;
}

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('sendExport', () => {
  it('sends an XLSX attachment that Excel can open', async () => {
    app = exportApp(() => Array.from({ length: 25 }, (_, index) => report(index)));
    const response = await app.inject({ method: 'GET', url: '/reports/export?format=xlsx' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="phan-anh-2026-11-21.xlsx"; filename*=UTF-8''phan-anh-2026-11-21.xlsx`,
    );
    expect(response.headers['cache-control']).toBe('no-store');

    const sheet = await readSheet(Buffer.from(response.rawPayload));
    expect(sheet.name).toBe('Phản ánh');
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã phản ánh');
    expect(sheet.rowCount).toBe(26);
    expect(sheet.getRow(26).getCell(2).value).toBe('Phản ánh số 24: đường Hạ Long ngập, cần xử lý');
    expect(sheet.getRow(26).getCell(3).value).toBe(24);
  });

  it('sends a CSV attachment with a byte order mark', async () => {
    async function* rows() {
      for (let index = 0; index < 3; index += 1) yield report(index);
    }
    app = exportApp(rows);
    const response = await app.inject({ method: 'GET', url: '/reports/export?format=csv' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="phan-anh-2026-11-21.csv"; filename*=UTF-8''phan-anh-2026-11-21.csv`,
    );
    expect(response.headers['cache-control']).toBe('no-store');

    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.toString('utf8').slice(1));
    expect(records).toEqual([
      ['Mã phản ánh', 'Nội dung', 'Lượt quan tâm', 'Tiếp nhận lúc'],
      ['PA-261121-00000', 'Phản ánh số 0: đường Hạ Long ngập, cần xử lý', '0', '2026-11-21 00:30'],
      ['PA-261121-00001', 'Phản ánh số 1: đường Hạ Long ngập, cần xử lý', '1', '2026-11-21 00:30'],
      ['PA-261121-00002', 'Phản ánh số 2: đường Hạ Long ngập, cần xử lý', '2', '2026-11-21 00:30'],
    ]);
  });

  it('sends an empty list as a file with only the header', async () => {
    app = exportApp(() => []);
    const response = await app.inject({ method: 'GET', url: '/reports/export?format=csv' });
    expect(response.statusCode).toBe(200);
    expect(parseCsv(response.body.slice(1))).toEqual([
      ['Mã phản ánh', 'Nội dung', 'Lượt quan tâm', 'Tiếp nhận lúc'],
    ]);
  });

  it('offers a Vietnamese file name with an ASCII fallback and the format as extension', async () => {
    app = exportApp(() => [report(1)], 'Phản ánh "tháng 11".csv');
    const response = await app.inject({ method: 'GET', url: '/reports/export?format=xlsx' });
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Phan anh _thang 11_.xlsx"; ` +
        `filename*=UTF-8''Ph%E1%BA%A3n%20%C3%A1nh%20_th%C3%A1ng%2011_.xlsx`,
    );
  });

  it('answers with an error, not a file, when the rows fail before the first one', async () => {
    // A cursor whose first fetch fails.
    const failing = (): AsyncIterable<Report> => ({
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.reject(new Error('relation "report" does not exist')),
      }),
    });
    app = exportApp(failing);
    const response = await app.inject({ method: 'GET', url: '/reports/export?format=xlsx' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('sendExport over a real connection', () => {
  async function listen(source: RowSource): Promise<string> {
    app = exportApp(source);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/reports/export`;
  }

  it('cuts the download short when the rows fail midway', async () => {
    async function* failingLater(): AsyncGenerator<Report> {
      for (let index = 0; index < 20_000; index += 1) yield report(index);
      throw new Error('connection lost');
    }
    const url = await listen(failingLater);
    const response = await fetch(`${url}?format=csv`);
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('stops reading rows when the client goes away', async () => {
    const source = trackedRows(1_000_000, report);
    const url = await listen(() => source.rows);
    const controller = new AbortController();
    const response = await fetch(`${url}?format=xlsx`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBeGreaterThan(0);
    controller.abort();
    await source.closed;
    expect(source.pulled()).toBeLessThan(1_000_000);
  });
});
