/**
 * Text to positioned glyphs. Vietnamese arrives in either Unicode form (a keyboard driver or
 * a copy from Word may send decomposed tone marks), so text is NFC-normalised first and drawn
 * with the font's precomposed letters; where a font lacks one, the letter is split into a
 * base it has plus combining marks, which the font's GPOS `mark` feature then places.
 */
import type { Font } from '@pdf-lib/fontkit';
import { loadFont, type FontFace } from './font-files';
import { LruCache } from './lru-cache';

export interface ShapedGlyph {
  /** Glyph id in the full font. */
  gid: number;
  /** The text this glyph stands for, for the ToUnicode map. */
  text: string;
  /** The glyph's own advance (hmtx), font units: what a PDF viewer moves after showing it. */
  width: number;
  /** Where shaping wants the pen to move (kerning applied, marks zeroed), font units. */
  advance: number;
  xOffset: number;
  yOffset: number;
}

export interface ShapedText {
  face: FontFace;
  /** The text as drawn: NFC, with letters the font lacks decomposed. */
  text: string;
  glyphs: readonly ShapedGlyph[];
  /** Sum of the advances, font units. */
  advance: number;
  unitsPerEm: number;
}

/**
 * Official documents are set without ligatures (Word does not form them in Times New Roman);
 * shaping keeps kerning and mark positioning.
 */
const FEATURES = { liga: false, clig: false, dlig: false };

// Shaping a line costs about half a millisecond in fontkit, more than the whole budget of a
// cached signature appearance; the lines of a signer's block repeat on every document.
const shapedCache = new LruCache<string, ShapedText>(512);

export function shapeText(face: FontFace, text: string): ShapedText {
  const key = `${face}\u0000${text}`;
  const cached = shapedCache.get(key);
  if (cached) return cached;
  const font = loadFont(face);
  const prepared = forFont(text, (cp) => font.hasGlyphForCodePoint(cp));
  const shaped = layout(face, font, prepared);
  shapedCache.set(key, shaped);
  return shaped;
}

/** Width of shaped text in points at a font size. */
export function textWidth(shaped: ShapedText, size: number): number {
  return (shaped.advance * size) / shaped.unitsPerEm;
}

/** Width in points of a text set in a face at a size. */
export function measureText(face: FontFace, text: string, size: number): number {
  return textWidth(shapeText(face, text), size);
}

/**
 * NFC, then every code point the font has no glyph for is rebuilt from the longest
 * precomposed form the font does have plus the remaining combining marks (`ệ` may become
 * `ẹ` + U+0302, or `e` + U+0323 + U+0302). A code point with no usable decomposition is
 * kept and will show as the font's missing-glyph box.
 */
export function forFont(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0) ?? 0;
    out += hasGlyph(cp) ? char : decomposeFor(char, hasGlyph);
  }
  return out;
}

function decomposeFor(char: string, hasGlyph: (codePoint: number) => boolean): string {
  const [base, ...marks] = [...char.normalize('NFD')];
  if (base === undefined || marks.length === 0) return char;
  let current = base;
  const leftover: string[] = [];
  for (const mark of marks) {
    const composed = (current + mark).normalize('NFC');
    const single = [...composed].length === 1;
    if (single && hasGlyph(composed.codePointAt(0) ?? 0)) current = composed;
    else leftover.push(mark);
  }
  const parts = [current, ...leftover];
  return parts.every((part) => hasGlyph(part.codePointAt(0) ?? 0)) ? parts.join('') : char;
}

function layout(face: FontFace, font: Font, text: string): ShapedText {
  const run = font.layout(text, FEATURES);
  // The text each glyph stands for (its ToUnicode entry) comes from the cmap, not from
  // glyph.codePoints: fontkit caches glyph objects, and one first made by id (to draw an
  // outline or read a width) keeps an empty codePoints list for ever after.
  const charOf = new Map<number, string>();
  for (const char of text) {
    const gid = font.glyphForCodePoint(char.codePointAt(0) ?? 0).id;
    if (!charOf.has(gid)) charOf.set(gid, char);
  }
  const glyphs: ShapedGlyph[] = run.glyphs.map((glyph, i) => {
    const position = run.positions[i];
    return {
      gid: glyph.id,
      text: charOf.get(glyph.id) ?? String.fromCodePoint(...glyph.codePoints),
      width: glyph.advanceWidth,
      advance: position?.xAdvance ?? glyph.advanceWidth,
      xOffset: position?.xOffset ?? 0,
      yOffset: position?.yOffset ?? 0,
    };
  });
  const advance = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
  return { face, text, glyphs, advance, unitsPerEm: font.unitsPerEm };
}
