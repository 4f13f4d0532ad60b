/**
 * For the slips' tests: sample inputs of a birth registration at a ward of Hạ Long, and
 * poppler's reading of a PDF (pdftotext for the text and the boxes of words, pdfimages for
 * bitmaps), plus the filled rectangles of a page read back from its content stream. Tests only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { SlipAgency, SlipApplicant } from './slip-types';

const run = promisify(execFile);

export const AGENCY: SlipAgency = {
  parentName: 'UBND tỉnh Quảng Ninh',
  name: 'Ủy ban nhân dân phường Hạ Long',
  unitName: 'Bộ phận Một cửa',
  placeName: 'Hạ Long',
};

export const APPLICANT: SlipApplicant = {
  name: 'Nguyễn Thị Thuỳ Dương',
  address: 'Số 12, phố Lê Thánh Tông, phường Hạ Long, tỉnh Quảng Ninh',
  phone: '0912 345 678',
  email: 'duong.nguyen@example.vn',
};

export const DOSSIER_CODE = '000.00.22.H49-260302-0007';
export const PUBLIC_URL = 'https://dichvucong.quangninh.gov.vn/';

/** 08:30 on 2 March 2026 in Vietnam (UTC+7). */
export const RECEIVED_AT = new Date('2026-03-02T01:30:00Z');

/** A reason long enough to wrap over several lines, with every Vietnamese tone mark. */
export const LONG_REASON =
  'Giấy chứng nhận kết hôn của cha, mẹ nộp kèm là bản chụp không có chứng thực, không đọc ' +
  'được số và ngày đăng ký; họ, chữ đệm, tên của người mẹ ghi trong tờ khai không khớp với ' +
  'thẻ Căn cước; nơi sinh ghi trong tờ khai khác với Giấy chứng sinh do Bệnh viện Sản Nhi ' +
  'Quảng Ninh cấp. Đề nghị Ông/Bà kiểm tra, đối chiếu và khai lại cho đúng, đầy đủ, rõ ràng ' +
  'trước khi nộp bổ sung, để hồ sơ được giải quyết kịp thời, đúng hẹn, tránh phải đi lại.';

async function withFile<T>(pdf: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tinhso-slip-'));
  try {
    const file = path.join(dir, 'slip.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page, in poppler's reading order. */
export async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    // pdftotext ends every page with a form feed.
    return stdout.split('\f').slice(0, -1);
  });
}

/** All the text with any run of white space made one space, for phrases that wrap. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Word {
  text: string;
  pageIndex: number;
  /** PDF points from the page's top left, as poppler gives them. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (`pdftotext -bbox`). */
export async function words(pdf: Uint8Array): Promise<Word[]> {
  const html = await withFile(pdf, async (file) => {
    const { stdout } = await run('/usr/bin/pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    return stdout;
  });
  const found: Word[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((page, pageIndex) => {
      const pattern =
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
      for (const match of page.matchAll(pattern)) {
        found.push({
          pageIndex,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
          text: unescapeHtml(match[5] ?? ''),
        });
      }
    });
  return found;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The bitmaps of a PDF, as `pdfimages -list` lists them (none is an empty list). */
export async function images(pdf: Uint8Array): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('/usr/bin/pdfimages', ['-list', file], { encoding: 'utf8' });
    // Two heading lines, then one line per image.
    return stdout.split('\n').slice(2).filter(Boolean);
  });
}

/**
 * The fonts of a PDF as `pdffonts` lists them: name, whether embedded, and whether it has a
 * ToUnicode map (what makes its text extractable).
 */
export async function fonts(
  pdf: Uint8Array,
): Promise<{ name: string; embedded: boolean; toUnicode: boolean }[]> {
  return withFile(pdf, async (file) => {
    const { stdout } = await run('/usr/bin/pdffonts', [file], { encoding: 'utf8' });
    return stdout
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name type… encoding emb sub uni object ID: the flags are the 5th to 3rd from the end.
        const [emb, , uni] = columns.slice(-5, -2);
        return { name: columns[0] ?? '', embedded: emb === 'yes', toUnicode: uni === 'yes' };
      });
  });
}

export interface FilledRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangles (`re`) of a page's content streams, in PDF points. */
export async function rectanglesOf(pdf: Uint8Array, pageIndex: number): Promise<FilledRect[]> {
  const document = await PDFDocument.load(pdf);
  const page = document.getPage(pageIndex);
  const contents = page.node.Contents();
  const streams: PDFObject[] =
    contents instanceof PDFArray
      ? contents.asArray().map((ref) => document.context.lookup(ref)!)
      : [contents!];
  let source = '';
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream');
    source += Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') + '\n';
  }
  const number = String.raw`(-?\d+(?:\.\d+)?)`;
  const pattern = new RegExp(`${number}\\s+${number}\\s+${number}\\s+${number}\\s+re\\b`, 'g');
  return [...source.matchAll(pattern)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    width: Number(match[3]),
    height: Number(match[4]),
  }));
}

/**
 * The QR matrix a page's rectangles draw: each rectangle is a run of dark modules of one row.
 * The symbol's top left module is dark (a finder pattern), so the leftmost and topmost edges
 * of all rectangles are its corner.
 */
export function matrixFromRectangles(rects: readonly FilledRect[]): boolean[][] {
  if (rects.length === 0) return [];
  const module = Math.min(...rects.map((rect) => rect.height));
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.max(...rects.map((rect) => rect.y + rect.height));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const size = Math.round((right - left) / module);
  const matrix = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const rect of rects) {
    const row = Math.round((top - rect.y - rect.height) / module);
    const first = Math.round((rect.x - left) / module);
    const count = Math.round(rect.width / module);
    for (let col = first; col < first + count; col++) matrix[row]![col] = true;
  }
  return matrix;
}
