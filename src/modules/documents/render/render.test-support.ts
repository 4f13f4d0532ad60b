/**
 * Helpers for the renderer's tests: sample documents and poppler's reading of a PDF
 * (pdftotext for text, per page or inside a rectangle, with word boxes). Tests only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { OfficialDocumentInput, Rect } from './official-document';
import { PAGE } from './page-geometry';

const run = promisify(execFile);

/** A paragraph with every Vietnamese tone mark, long enough to wrap over several lines. */
export const PARAGRAPH =
  'Thực hiện Kế hoạch số 125/KH-UBND ngày 05 tháng 3 năm 2026 của Ủy ban nhân dân tỉnh ' +
  'Quảng Ninh về chuyển đổi số, Ủy ban nhân dân phường Hạ Long đề nghị các cơ quan, đơn vị ' +
  'rà soát, cập nhật dữ liệu thủ tục hành chính; bảo đảm đầy đủ, chính xác, đúng thời hạn; ' +
  'kịp thời phản ánh những khó khăn, vướng mắc để tổng hợp, báo cáo.';

export function congVan(overrides: Partial<OfficialDocumentInput> = {}): OfficialDocumentInput {
  return {
    issuerParent: 'UBND TỈNH QUẢNG NINH',
    issuerName: 'Ủy ban nhân dân phường Hạ Long',
    codeNotation: 'UBND-VP',
    placeName: 'Hạ Long',
    typeName: null,
    subject: 'triển khai nền tảng số dùng chung của tỉnh',
    recipientsLine:
      'Kính gửi:\n- Sở Khoa học và Công nghệ tỉnh Quảng Ninh;\n- Các phòng, ban thuộc phường.',
    body: PARAGRAPH,
    signer: {
      competence: 'TM. ỦY BAN NHÂN DÂN',
      position: 'CHỦ TỊCH',
      fullName: 'Nguyễn Văn Hùng',
    },
    toPlaces: ['- Như trên;', '- TT Đảng ủy, TT HĐND phường (để b/c);', '- Lưu: VT, VP.'],
    ...overrides,
  };
}

/** `count` numbered paragraphs, separated by blank lines as the documents table stores them. */
export function numberedParagraphs(count: number): string {
  return Array.from({ length: count }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n\n');
}

async function withFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'official-document-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function pdftotext(file: string, args: string[]): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', ...args, file, '-']);
  return stdout;
}

/** `pdftotext -layout`, one string per page. */
export function pageTexts(pdf: Buffer): Promise<string[]> {
  return withFile(pdf, async (file) => {
    const text = await pdftotext(file, ['-layout']);
    return text.split('\f').slice(0, -1);
  });
}

/**
 * The text poppler finds inside a rect (PDF points, origin bottom left) of one page, trimmed:
 * `pdftotext -x -y -W -H` at 72 dpi, whose origin is the top left.
 */
export function textIn(pdf: Buffer, pageIndex: number, rect: Rect): Promise<string> {
  const [x1, y1, x2, y2] = rect;
  const page = String(pageIndex + 1);
  const area = [x1, PAGE.height - y2, x2 - x1, y2 - y1].map((n) => String(Math.round(n)));
  const [x, y, w, h] = area as [string, string, string, string];
  return withFile(pdf, async (file) =>
    (
      await pdftotext(file, ['-layout', '-f', page, '-l', page, '-x', x, '-y', y, '-W', w, '-H', h])
    ).trim(),
  );
}

export interface Word {
  pageIndex: number;
  text: string;
  /** PDF points, origin bottom left. */
  rect: Rect;
}

/** Every word with its box, from `pdftotext -bbox`. */
export function words(pdf: Buffer): Promise<Word[]> {
  return withFile(pdf, async (file) => {
    const html = await pdftotext(file, ['-bbox']);
    const found: Word[] = [];
    html
      .split('<page ')
      .slice(1)
      .forEach((page, pageIndex) => {
        const pattern =
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g;
        for (const m of page.matchAll(pattern)) {
          const [xMin, yMin, xMax, yMax] = m.slice(1, 5).map(Number) as [
            number,
            number,
            number,
            number,
          ];
          found.push({
            pageIndex,
            text: unescape(m[5] ?? ''),
            rect: [xMin, PAGE.height - yMax, xMax, PAGE.height - yMin],
          });
        }
      });
    return found;
  });
}

function unescape(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

export interface Rule {
  /** PDF points, origin bottom left. */
  y: number;
  x1: number;
  x2: number;
}

/**
 * Horizontal rules seen on a page rendered at 72 dpi (a pixel per point): runs of dark pixels
 * at least `minLength` long on one row, within the band `[bottom, top]`.
 */
export function horizontalRules(
  pdf: Buffer,
  pageIndex: number,
  band: { bottom: number; top: number },
  minLength = 20,
): Promise<Rule[]> {
  return withFile(pdf, async (file) => {
    const page = String(pageIndex + 1);
    const out = path.join(path.dirname(file), 'page');
    await run('pdftoppm', [
      '-r',
      '72',
      '-gray',
      '-png',
      '-singlefile',
      '-f',
      page,
      '-l',
      page,
      file,
      out,
    ]);
    const { data, info } = await sharp(`${out}.png`).raw().toBuffer({ resolveWithObject: true });
    const rules: Rule[] = [];
    for (let row = 0; row < info.height; row++) {
      const y = info.height - row - 0.5;
      if (y < band.bottom || y > band.top) continue;
      let start = -1;
      for (let x = 0; x <= info.width; x++) {
        const dark = x < info.width && (data[(row * info.width + x) * info.channels] ?? 255) < 160;
        if (dark && start < 0) start = x;
        if (!dark && start >= 0) {
          if (x - start >= minLength) rules.push({ y, x1: start, x2: x });
          start = -1;
        }
      }
    }
    return rules;
  });
}

export function pdffonts(pdf: Buffer): Promise<string> {
  return withFile(pdf, async (file) => (await run('pdffonts', [file])).stdout);
}

export function inside(inner: Rect, outer: Rect, tolerance = 0.01): boolean {
  return (
    inner[0] >= outer[0] - tolerance &&
    inner[1] >= outer[1] - tolerance &&
    inner[2] <= outer[2] + tolerance &&
    inner[3] <= outer[3] + tolerance
  );
}

/** Lines of a page's layout text with runs of spaces made one, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
