import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedSlipFonts, widthOf, type TextStyle } from './slip-fonts';
import { wrapBalanced, wrapRuns, type Line } from './text-wrap';

let regular: TextStyle;
let bold: TextStyle;

beforeAll(async () => {
  const fonts = await embedSlipFonts(await PDFDocument.create());
  regular = { font: fonts.regular, size: 13 };
  bold = { font: fonts.bold, size: 13 };
});

const textOf = (line: Line) => line.pieces.map((piece) => piece.text).join('');

describe('wrapping runs of text', () => {
  it('breaks between words, each line within its width, nothing lost', () => {
    const text =
      'Giấy chứng nhận kết hôn của cha, mẹ nộp kèm là bản chụp không có chứng thực, không đọc ' +
      'được số và ngày đăng ký; đề nghị Ông/Bà nộp bản sao có chứng thực.';
    const lines = wrapRuns([{ text, style: regular }], 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(200 + 1e-6);
      expect(widthOf(regular, textOf(line))).toBeCloseTo(line.width, 6);
    }
    expect(lines.map(textOf).join(' ')).toBe(text);
  });

  it('keeps the space between a label and its value, and punctuation with its word', () => {
    const lines = wrapRuns(
      [
        { text: 'Mã hồ sơ: ', style: regular },
        { text: '000.00.22.H49-260302-0007', style: bold },
        { text: '.', style: regular },
      ],
      500,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]!.pieces.map((piece) => [piece.text, piece.style === bold])).toEqual([
      ['Mã hồ sơ:', false],
      [' 000.00.22.H49-260302-0007', true],
      ['.', false],
    ]);
    // A word and the punctuation joined to it move to the next line together.
    const width = widthOf(regular, 'Mã hồ sơ:') + widthOf(regular, ' ') + widthOf(bold, 'X');
    const narrow = wrapRuns(
      [
        { text: 'Mã hồ sơ: ', style: regular },
        { text: 'X', style: bold },
        { text: '.', style: regular },
      ],
      width + 0.5,
    );
    expect(narrow.map(textOf)).toEqual(['Mã hồ sơ:', 'X.']);
  });

  it('cuts a word wider than a line between letters, adding no space', () => {
    const url = 'https://dichvucong.quangninh.gov.vn/tra-cuu-ho-so?ma=000.00.22.H49-260302-0007';
    const lines = wrapRuns([{ text: url, style: regular }], 150, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.map(textOf).join('')).toBe(url);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150 + 1e-6);
  });

  it('balances centred lines: as few as first fit, but even', () => {
    const lines = wrapBalanced('ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG', bold, 180);
    expect(lines.map(textOf)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẠ LONG']);
  });
});
