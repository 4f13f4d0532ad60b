import { describe, expect, it } from 'vitest';
import { loadFont } from './font-files';
import { forFont, measureText, shapeText, textWidth } from './text-shaping';

describe('forFont', () => {
  const all = () => true;

  it('normalises decomposed Vietnamese to NFC', () => {
    const decomposed = 'Nguyễn Văn Hùng'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(15);
    expect(forFont(decomposed, all)).toBe('Nguyễn Văn Hùng'.normalize('NFC'));
  });

  it('rebuilds a letter the font lacks from the nearest precomposed one and marks', () => {
    const lacks = (missing: string[]) => (cp: number) =>
      !missing.includes(String.fromCodePoint(cp));
    // ệ = e + dot below + circumflex: without ệ, ẹ + circumflex; without ẹ too, ê + dot below.
    expect(forFont('ệ', lacks(['ệ']))).toBe('ẹ\u0302');
    expect(forFont('ệ', lacks(['ệ', 'ẹ']))).toBe('ê\u0323');
    expect(forFont('ệ', lacks(['ệ', 'ẹ', 'ê']))).toBe('e\u0323\u0302');
    // A mark the font lacks as well: keep the letter (it shows as the missing glyph).
    expect(forFont('ệ', lacks(['ệ', 'ẹ', 'ê', '\u0302']))).toBe('ệ');
  });
});

describe('shapeText', () => {
  it('uses one precomposed glyph per Vietnamese letter, whatever the input form', () => {
    const nfc = shapeText('bold', 'Nguyễn');
    const nfd = shapeText('bold', 'Nguyễn'.normalize('NFD'));
    expect(nfc.glyphs.map((g) => g.gid)).toEqual(nfd.glyphs.map((g) => g.gid));
    expect(nfc.glyphs.map((g) => g.text)).toEqual(['N', 'g', 'u', 'y', 'ễ', 'n']);
    expect(nfc.glyphs.every((g) => g.gid !== 0)).toBe(true);
  });

  it('places combining marks where no precomposed letter exists', () => {
    // x with dot below and circumflex has no code point of its own.
    const shaped = shapeText('regular', 'x\u0323\u0302');
    expect(shaped.glyphs).toHaveLength(3);
    const [base, ...marks] = shaped.glyphs;
    expect(base!.advance).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.gid).not.toBe(0);
      expect(mark.advance).toBe(0);
    }
    expect(marks.map((m) => m.text)).toEqual(['\u0323', '\u0302']);
    expect(shaped.advance).toBe(base!.advance);
  });

  it('measures text from the advances, proportionally to the size', () => {
    const font = loadFont('bold');
    const shaped = shapeText('bold', 'CHỦ TỊCH');
    const sum = shaped.glyphs.reduce((s, g) => s + g.advance, 0);
    expect(textWidth(shaped, 13)).toBeCloseTo((sum * 13) / font.unitsPerEm);
    expect(measureText('bold', 'CHỦ TỊCH', 26)).toBeCloseTo(
      2 * measureText('bold', 'CHỦ TỊCH', 13),
    );
    expect(measureText('bold', 'CHỦ TỊCH', 13)).toBeGreaterThan(
      measureText('regular', 'CHỦ TỊCH', 13),
    );
  });

  it('forms no ligatures: official documents are set without them', () => {
    expect(shapeText('regular', 'fi').glyphs.map((g) => g.text)).toEqual(['f', 'i']);
  });
});
