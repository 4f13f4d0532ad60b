/**
 * A công văn of three pages as poppler reads it: the header, the V/v trích yếu, Kính gửi, the
 * body with every diacritic, page numbers from page 2, Nơi nhận, and the places left empty
 * for the number, the dateline and the signer's block.
 */
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontPath } from '../../../kernel/signing/appearance/font-files';
import { datelineText, numberLineText } from './dateline';
import type { Rect, RenderedDocument, ReservedLine } from './official-document';
import { MARGIN, PAGE, PAGE_NUMBER_BASELINE } from './page-geometry';
import { renderOfficialDocument } from './render-official-document';
import {
  congVan,
  horizontalRules,
  inside,
  lines,
  numberedParagraphs,
  pageTexts,
  pdffonts,
  textIn,
  words,
  type Word,
} from './render.test-support';

const PAGE_RECT: Rect = [0, 0, PAGE.width, PAGE.height];
const TEXT_AREA: Rect = [
  MARGIN.left,
  MARGIN.bottom,
  PAGE.width - MARGIN.right,
  PAGE.height - MARGIN.top,
];

let rendered: RenderedDocument;
let pages: string[];
let allWords: Word[];

beforeAll(async () => {
  rendered = await renderOfficialDocument(congVan({ body: numberedParagraphs(14) }));
  [pages, allWords] = await Promise.all([pageTexts(rendered.pdf), words(rendered.pdf)]);
});

describe('a công văn of three pages', () => {
  it('has three A4 pages', async () => {
    expect(rendered.pageCount).toBe(3);
    expect(pages).toHaveLength(3);
    const document = await PDFDocument.load(rendered.pdf);
    for (const page of document.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
  });

  it('opens with the issuer on the left and the Quốc hiệu and Tiêu ngữ on the right', () => {
    const [first, second, third] = lines(pages[0] ?? '');
    expect(first).toBe('UBND TỈNH QUẢNG NINH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // The issuer's name is set in capitals and broken in phrases, not after "PHƯỜNG".
    expect(second).toBe('ỦY BAN NHÂN DÂN Độc lập - Tự do - Hạnh phúc');
    expect(third).toBe('PHƯỜNG HẠ LONG');
  });

  it('rules the Tiêu ngữ over its whole width and the issuer over 1/3 to 1/2 of its name', async () => {
    const span = (texts: string[]) => {
      const found = allWords.filter((word) => word.pageIndex === 0 && texts.includes(word.text));
      return {
        x1: Math.min(...found.map((w) => w.rect[0])),
        x2: Math.max(...found.map((w) => w.rect[2])),
        bottom: Math.min(...found.map((w) => w.rect[1])),
      };
    };
    const motto = span(['Độc', 'phúc']);
    const issuer = span(['ỦY', 'DÂN']);
    const column = rendered.datelineField.rect;
    expect((motto.x1 + motto.x2) / 2).toBeCloseTo((column[0] + column[2]) / 2, 0);
    expect(issuer.x2).toBeLessThan(column[0]);

    const rules = await horizontalRules(rendered.pdf, 0, {
      bottom: rendered.numberField.rect[3],
      top: motto.bottom,
    });
    const mottoRule = rules.filter((rule) => rule.x1 > column[0]);
    const issuerRule = rules.filter((rule) => rule.x2 < column[0]);
    expect(mottoRule.length).toBeGreaterThan(0);
    expect(issuerRule.length).toBeGreaterThan(0);
    for (const rule of mottoRule) {
      expect(Math.abs(rule.x1 - motto.x1)).toBeLessThanOrEqual(1.5);
      expect(Math.abs(rule.x2 - motto.x2)).toBeLessThanOrEqual(1.5);
    }
    const issuerWidth = issuer.x2 - issuer.x1;
    for (const rule of issuerRule) {
      expect(rule.x2 - rule.x1).toBeGreaterThanOrEqual(issuerWidth / 3 - 1);
      expect(rule.x2 - rule.x1).toBeLessThanOrEqual(issuerWidth / 2 + 1);
      expect((rule.x1 + rule.x2) / 2).toBeCloseTo((issuer.x1 + issuer.x2) / 2, -0.5);
    }
  });

  it('sets the trích yếu after V/v under the number, and Kính gửi before the body', () => {
    const text = lines(pages[0] ?? '').join('\n');
    expect(text).toMatch(/V\/v triển khai nền tảng\s+số dùng chung của tỉnh/);
    expect(text).toContain('Kính gửi: - Sở Khoa học và Công nghệ tỉnh Quảng Ninh;');
    expect(text).toContain('- Các phòng, ban thuộc phường.');
    const vv = allWords.find((word) => word.text === 'V/v')!;
    expect(vv.rect[3]).toBeLessThanOrEqual(rendered.numberField.rect[1]);
    expect(vv.rect[2]).toBeLessThan(rendered.datelineField.rect[0]);
  });

  it('flows the body over the pages with every diacritic intact', () => {
    const body = pages.map((page) => lines(page).join(' ')).join(' ');
    expect(body).toContain('1. Thực hiện Kế hoạch số 125/KH-UBND ngày 05 tháng 3 năm 2026');
    expect(body).toContain('Ủy ban nhân dân phường Hạ Long đề nghị các cơ quan, đơn vị rà soát');
    expect(body).toContain('kịp thời phản ánh những khó khăn, vướng mắc để tổng hợp, báo cáo.');
    for (let n = 1; n <= 14; n++) expect(body).toContain(`${n}. Thực hiện`);
    expect(pages[2]).toMatch(/14\. Thực hiện/);
  });

  it('keeps every word inside the margins, but the page numbers inside the top one', () => {
    const pageNumbers = allWords.filter((word) => word.rect[1] > PAGE.height - MARGIN.top);
    const rest = allWords.filter((word) => !pageNumbers.includes(word));
    expect(rest.filter((word) => !inside(word.rect, TEXT_AREA, 0.5))).toEqual([]);
    // Justified lines reach the right margin.
    const right = Math.max(...rest.map((word) => word.rect[2]));
    expect(right).toBeGreaterThan(PAGE.width - MARGIN.right - 1);
    expect(pageNumbers.map((word) => [word.pageIndex, word.text])).toEqual([
      [1, '2'],
      [2, '3'],
    ]);
    for (const word of pageNumbers) {
      expect((word.rect[0] + word.rect[2]) / 2).toBeCloseTo(
        (MARGIN.left + PAGE.width - MARGIN.right) / 2,
        0,
      );
      expect(word.rect[1]).toBeLessThan(PAGE_NUMBER_BASELINE + 1);
    }
  });

  it('ends with Nơi nhận on the last page, in the left column below the body', () => {
    const last = lines(pages[2] ?? '');
    expect(last).toContain('Nơi nhận:');
    expect(last).toContain('- Như trên;');
    expect(last).toContain('- Lưu: VT, VP.');
    expect(pages.slice(0, 2).join('')).not.toContain('Nơi nhận');
    const heading = allWords.find((word) => word.text === 'Nơi')!;
    expect(heading.pageIndex).toBe(2);
    expect(heading.rect[0]).toBeCloseTo(MARGIN.left, 0);
    expect(heading.rect[3]).toBeLessThanOrEqual(rendered.signerBlock.anchor.y + 0.5);
  });

  it('embeds the three Noto Serif faces as subsets, with ToUnicode maps', async () => {
    const fonts = await pdffonts(rendered.pdf);
    for (const face of ['Regular', 'Bold', 'Italic']) {
      expect(fonts).toMatch(
        new RegExp(`NotoSerif-${face}\\S*\\s+CID TrueType\\s+Identity-H\\s+yes\\s+\\S+\\s+yes`),
      );
    }
    // The whole faces weigh 1.8 MB; the letters a document uses, a few tens of kilobytes.
    expect(rendered.pdf.length).toBeLessThan(150_000);
  });
});

describe('the places left empty', () => {
  it('are on the first page, inside it, with no text', async () => {
    const { numberField, datelineField, signerBlock } = rendered;
    for (const field of [numberField, datelineField]) {
      expect(field.pageIndex).toBe(0);
      expect(inside(field.rect, PAGE_RECT)).toBe(true);
      expect(inside(field.rect, TEXT_AREA)).toBe(true);
      expect(await textIn(rendered.pdf, 0, field.rect)).toBe('');
    }
    expect(inside(signerBlock.rect, PAGE_RECT)).toBe(true);
    expect(inside(signerBlock.rect, TEXT_AREA)).toBe(true);
    expect(await textIn(rendered.pdf, signerBlock.pageIndex, signerBlock.rect)).toBe('');
  });

  it('sit under the issuer (number) and under the Tiêu ngữ (dateline), on one baseline', () => {
    const { numberField, datelineField } = rendered;
    expect(numberField.baseline).toBe(datelineField.baseline);
    expect(numberField.rect[2]).toBeLessThanOrEqual(datelineField.rect[0]);
    const motto = allWords.find((word) => word.text === 'Độc')!;
    expect(datelineField.rect[3]).toBeLessThan(motto.rect[1]);
    const issuer = allWords.find((word) => word.text === 'PHƯỜNG')!;
    expect(numberField.rect[3]).toBeLessThan(issuer.rect[1]);
  });

  it('hold the number line and the dateline once they are written in', async () => {
    const stamped = await writeIn([
      [rendered.numberField, numberLineText('07/UBND-VP'), 'regular'],
      [rendered.datelineField, datelineText('Hạ Long', '2026-11-22'), 'italic'],
    ]);
    // The check that found the places empty finds the text now: it is not blind.
    expect(await textIn(stamped, 0, rendered.numberField.rect)).toBe('Số: 07/UBND-VP');
    expect(await textIn(stamped, 0, rendered.datelineField.rect)).toBe(
      'Hạ Long, ngày 22 tháng 11 năm 2026',
    );
  });

  it('leave the signer block on the last page, below the body, above the bottom margin', () => {
    const { signerBlock } = rendered;
    expect(signerBlock.pageIndex).toBe(rendered.pageCount - 1);
    const body = allWords.filter(
      (w) => w.pageIndex === signerBlock.pageIndex && /Thực/.test(w.text),
    );
    expect(body.length).toBeGreaterThan(0);
    for (const word of body) expect(word.rect[1]).toBeGreaterThan(signerBlock.rect[3]);
    expect(signerBlock.rect[1]).toBeGreaterThanOrEqual(MARGIN.bottom);
    expect(signerBlock.anchor.x + signerBlock.anchor.width).toBeCloseTo(
      PAGE.width - MARGIN.right,
      6,
    );
  });
});

/** The rendered PDF with texts drawn centred on the reserved lines, as a stamper would. */
async function writeIn(fields: [ReservedLine, string, 'regular' | 'italic'][]): Promise<Buffer> {
  const document = await PDFDocument.load(rendered.pdf);
  document.registerFontkit(fontkit);
  const page = document.getPage(0);
  for (const [field, text, face] of fields) {
    const font = await document.embedFont(await readFile(fontPath(face)), { subset: true });
    const width = font.widthOfTextAtSize(text, field.fontSize);
    const [x1, , x2] = field.rect;
    expect(width).toBeLessThanOrEqual(x2 - x1);
    page.drawText(text, {
      x: (x1 + x2 - width) / 2,
      y: field.baseline,
      size: field.fontSize,
      font,
      color: rgb(0, 0, 0),
    });
  }
  return Buffer.from(await document.save());
}
