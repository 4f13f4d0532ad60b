/**
 * Text as SVG outlines, from the same Noto Serif files the PDFs embed. The demo images are
 * drawn by librsvg, which finds fonts only through fontconfig (it ignores @font-face); a CI
 * machine may have no fonts at all, so text is turned into paths here instead.
 */
import { loadFont, type FontFace } from './font-files';
import { shapeText } from './text-shaping';

export interface OutlinedGlyph {
  /** SVG path data in font units, y upwards (flip it when placing). */
  d: string;
  /** Where the glyph's origin goes, font units from the start of the line. */
  x: number;
  y: number;
  advance: number;
}

export interface OutlinedText {
  glyphs: OutlinedGlyph[];
  advance: number;
  unitsPerEm: number;
}

export function outlineText(face: FontFace, text: string): OutlinedText {
  const font = loadFont(face);
  const shaped = shapeText(face, text);
  let pen = 0;
  const glyphs = shaped.glyphs.map((glyph) => {
    const outlined = {
      d: font.getGlyph(glyph.gid).path.toSVG(),
      x: pen + glyph.xOffset,
      y: glyph.yOffset,
      advance: glyph.advance,
    };
    pen += glyph.advance;
    return outlined;
  });
  return { glyphs, advance: shaped.advance, unitsPerEm: shaped.unitsPerEm };
}
