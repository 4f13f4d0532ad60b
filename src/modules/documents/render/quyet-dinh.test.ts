/**
 * A Quyết định: a typed document, whose title and bold trích yếu are centred under the header
 * and whose căn cứ open the body, with no V/v and no Kính gửi.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OfficialDocumentInput, RenderedDocument } from './official-document';
import { embedDocumentFonts } from './document-fonts';
import { MARGIN, PAGE, SIZE } from './page-geometry';
import { renderOfficialDocument } from './render-official-document';
import { lines, pageTexts, textIn, words, type Word } from './render.test-support';

const QUYET_DINH: OfficialDocumentInput = {
  issuerName: 'ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG',
  codeNotation: 'QĐ-UBND',
  placeName: 'Hạ Long',
  typeName: 'Quyết định',
  subject: 'Về việc thành lập Tổ công tác chuyển đổi số cộng đồng phường Hạ Long năm 2026',
  body: [
    'CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG',
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
    'Theo đề nghị của Chánh Văn phòng Ủy ban nhân dân phường.',
    'QUYẾT ĐỊNH:',
    'Điều 1. Thành lập Tổ công tác chuyển đổi số cộng đồng phường Hạ Long năm 2026.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
    'Điều 3. Chánh Văn phòng, các thành viên có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
  ],
  signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Trần Thị Ánh' },
  toPlaces: ['- Như Điều 3;', '- Lưu: VT, VP.'],
};

const TEXT_CENTRE = (MARGIN.left + PAGE.width - MARGIN.right) / 2;

let rendered: RenderedDocument;
let text: string[];
let allWords: Word[];

beforeAll(async () => {
  rendered = await renderOfficialDocument(QUYET_DINH);
  const [pages, found] = await Promise.all([pageTexts(rendered.pdf), words(rendered.pdf)]);
  text = lines(pages.join('\n'));
  allWords = found;
});

/** The words on the line of the one word `word`, and the centre of their span. */
function lineOf(word: string): { words: Word[]; centre: number } {
  const found = allWords.filter((each) => each.text === word);
  if (found.length !== 1) throw new Error(`${found.length} words ${word}`);
  const start = found[0]!;
  const row = allWords.filter(
    (word) => word.pageIndex === start.pageIndex && Math.abs(word.rect[1] - start.rect[1]) < 1,
  );
  const left = Math.min(...row.map((word) => word.rect[0]));
  const right = Math.max(...row.map((word) => word.rect[2]));
  return { words: row, centre: (left + right) / 2 };
}

describe('a Quyết định', () => {
  it('has the issuer without a parent agency beside the Quốc hiệu', () => {
    expect(text[0]).toBe('ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text[1]).toBe('PHƯỜNG HẠ LONG Độc lập - Tự do - Hạnh phúc');
  });

  it('centres the title in capitals and the trích yếu under it, without V/v', () => {
    const at = text.indexOf('QUYẾT ĐỊNH');
    expect(at).toBeGreaterThan(1);
    expect(text.slice(at + 1, at + 3).join(' ')).toBe(QUYET_DINH.subject);
    expect(text.join('\n')).not.toContain('V/v');
    expect(text.join('\n')).not.toContain('Kính gửi');
    expect(lineOf('ĐỊNH').centre).toBeCloseTo(TEXT_CENTRE, 0);
    expect(lineOf('Về').centre).toBeCloseTo(TEXT_CENTRE, 0);
  });

  it('puts the title below the empty number and dateline places', () => {
    const title = allWords.find((word) => word.text === 'QUYẾT')!;
    expect(title.rect[3]).toBeLessThan(rendered.numberField.rect[1]);
    expect(title.rect[3]).toBeLessThan(rendered.datelineField.rect[1]);
  });

  it('centres the capitals headings of the body and keeps the căn cứ and the articles', async () => {
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG');
    expect(text).toContain('QUYẾT ĐỊNH:');
    expect(lineOf('TỊCH').centre).toBeCloseTo(TEXT_CENTRE, 0);
    expect(lineOf('ĐỊNH:').centre).toBeCloseTo(TEXT_CENTRE, 0);
    const body = text.join(' ');
    expect(body).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(body).toContain('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.');
    expect(body).toContain('thi hành Quyết định này./.');
    // The căn cứ are in italics, the articles upright: each word is as wide as its face sets it.
    const document = await PDFDocument.create();
    document.registerFontkit(fontkit);
    const fonts = await embedDocumentFonts(document);
    const width = (word: Word) => word.rect[2] - word.rect[0];
    const basis = allWords.find((word) => word.text === 'Luật')!;
    expect(width(basis)).toBeCloseTo(fonts.italic.widthOfTextAtSize('Luật', SIZE.body), 1);
    expect(width(basis)).not.toBeCloseTo(fonts.regular.widthOfTextAtSize('Luật', SIZE.body), 1);
    const article = allWords.find((word) => word.text === 'Thành')!;
    expect(width(article)).toBeCloseTo(fonts.regular.widthOfTextAtSize('Thành', SIZE.body), 1);
  });

  it('reserves the signer block after Điều 3, and lists Nơi nhận beside it', async () => {
    const { signerBlock } = rendered;
    expect(rendered.pageCount).toBe(1);
    expect(signerBlock.pageIndex).toBe(0);
    const lastArticle = allWords.filter((word) => word.text === 'này./.')[0]!;
    expect(signerBlock.rect[3]).toBeLessThan(lastArticle.rect[1]);
    expect(await textIn(rendered.pdf, 0, signerBlock.rect)).toBe('');
    expect(text.slice(-3)).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT, VP.']);
  });
});
