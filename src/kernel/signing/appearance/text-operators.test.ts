import { describe, expect, it } from 'vitest';
import { showText } from './text-operators';
import type { ShapedGlyph, ShapedText } from './text-shaping';

const glyph = (gid: number, over: Partial<ShapedGlyph> = {}): ShapedGlyph => ({
  gid,
  text: String.fromCharCode(64 + gid),
  width: 500,
  advance: 500,
  xOffset: 0,
  yOffset: 0,
  ...over,
});
const text = (glyphs: ShapedGlyph[], unitsPerEm = 1000): ShapedText => ({
  face: 'regular',
  text: '',
  glyphs,
  advance: glyphs.reduce((s, g) => s + g.advance, 0),
  unitsPerEm,
});
const cid = (gid: number) => gid + 0x100;

describe('showText', () => {
  it('shows a run as one hex string of two-byte CIDs', () => {
    expect(showText(text([glyph(1), glyph(2)]), cid, 10)).toBe('[<01010102>] TJ');
  });

  it('puts kerning into the TJ array, in thousandths of an em, opposite in sign', () => {
    const kerned = text([glyph(1, { advance: 460 }), glyph(2)], 2000);
    expect(showText(kerned, cid, 10)).toBe('[<0101> 20 <0102>] TJ');
  });

  it('moves to a mark offset and back, and raises a mark with Ts scaled by the size', () => {
    const marked = text([
      glyph(1),
      glyph(2, { width: 0, advance: 0, xOffset: -30 }),
      glyph(3, { width: 0, advance: 0, xOffset: -20, yOffset: 100 }),
      glyph(4),
    ]);
    expect(showText(marked, cid, 10)).toBe(
      '[<0101> 30 <0102> -30 20] TJ 1 Ts [<0103>] TJ 0 Ts [-20 <0104>] TJ',
    );
  });
});
