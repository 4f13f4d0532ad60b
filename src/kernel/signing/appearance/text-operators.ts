/**
 * Shaped glyphs to PDF text-showing operators. The font is Identity-H, so a string holds
 * two-byte CIDs written in hex. A PDF viewer moves the pen by each glyph's /W width; where
 * shaping wants another advance (kerning, zero-width marks) or an offset (a combining mark
 * placed over its base), the difference goes into the TJ array, and a vertical offset into
 * the text rise (Ts), which TJ cannot express.
 */
import { pdfNumber } from './pdf-syntax';
import type { ShapedText } from './text-shaping';

/**
 * Operators that show `shaped` at the current text position; the font must already be
 * selected at `size` (the rise, unlike TJ numbers, is not scaled by the font size).
 */
export function showText(shaped: ShapedText, cidOf: (gid: number) => number, size: number): string {
  const toThousandths = 1000 / shaped.unitsPerEm;
  const ops: string[] = [];
  let items: string[] = [];
  let hex = '';
  const flushHex = () => {
    if (hex) items.push(`<${hex}>`);
    hex = '';
  };
  const move = (fontUnits: number) => {
    // TJ numbers are subtracted from the pen position, in thousandths of an em.
    const amount = Math.round(-fontUnits * toThousandths * 100) / 100;
    if (amount === 0) return;
    flushHex();
    items.push(pdfNumber(amount));
  };
  const flushArray = () => {
    flushHex();
    if (items.length) ops.push(`[${items.join(' ')}] TJ`);
    items = [];
  };
  for (const glyph of shaped.glyphs) {
    const cid = cidOf(glyph.gid).toString(16).padStart(4, '0');
    move(glyph.xOffset);
    if (glyph.yOffset !== 0) {
      // Text rise is in unscaled text space; it takes effect for this glyph only.
      flushArray();
      const rise = (glyph.yOffset * size) / shaped.unitsPerEm;
      ops.push(`${pdfNumber(rise)} Ts`);
      hex = cid;
      flushArray();
      ops.push('0 Ts');
    } else {
      hex += cid;
    }
    move(glyph.advance - glyph.width - glyph.xOffset);
  }
  flushArray();
  return ops.join(' ');
}
