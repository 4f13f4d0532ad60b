/**
 * The faces a slip is set in and the one way text is measured and drawn. Noto Serif stands in
 * for the Times New Roman of Decree 30 (assets/fonts/PROVENANCE.md): every Vietnamese letter is
 * in it, each face is embedded as a subset of the glyphs used, and pdf-lib writes a ToUnicode
 * map, so the text of a slip can be searched, copied and read aloud by a screen reader.
 */
import { readFile } from 'node:fs/promises';
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { fontPath, type FontFace } from '../../../kernel/signing/appearance/font-files';

export interface SlipFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
}

/**
 * No ligatures: "fi" must stay two letters for search and copy, as Word sets Times New Roman.
 */
const FEATURES = { liga: false, clig: false, dlig: false };

// Each face is read once per process; a failed read is forgotten so the next slip retries.
const files = new Map<FontFace, Promise<Buffer>>();

function fontFile(face: FontFace): Promise<Buffer> {
  let file = files.get(face);
  if (!file) {
    file = readFile(fontPath(face));
    files.set(face, file);
    file.catch(() => files.delete(face));
  }
  return file;
}

export async function embedSlipFonts(document: PDFDocument): Promise<SlipFonts> {
  document.registerFontkit(fontkit);
  const embed = async (face: FontFace) =>
    document.embedFont(await fontFile(face), { subset: true, features: FEATURES });
  const [regular, bold, italic] = await Promise.all([
    embed('regular'),
    embed('bold'),
    embed('italic'),
  ]);
  return { regular, bold, italic };
}

export function widthOf(style: TextStyle, text: string): number {
  return style.font.widthOfTextAtSize(text, style.size);
}

/** Height above the baseline, in points. */
export function ascentOf(style: TextStyle): number {
  return style.font.heightAtSize(style.size, { descender: false });
}

/**
 * Ascent plus descent: single line spacing for this face (its line gap is zero). It is 1.36
 * times the size because Noto Serif leaves room for stacked Vietnamese marks (ệ, ỗ).
 */
export function lineHeightOf(style: TextStyle): number {
  return style.font.heightAtSize(style.size);
}

const BLACK = rgb(0, 0, 0);

/** Black text with its baseline at `baseline`. */
export function drawText(
  page: PDFPage,
  text: string,
  style: TextStyle,
  x: number,
  baseline: number,
): void {
  if (!text) return;
  page.drawText(text, { x, y: baseline, size: style.size, font: style.font, color: BLACK });
}

/**
 * A black horizontal or vertical rule. It is a stroked line, not a thin filled rectangle, so
 * the only filled rectangles a slip has are the modules of its QR code.
 */
export function drawRule(
  page: PDFPage,
  from: { x: number; y: number },
  to: { x: number; y: number },
  thickness: number,
): void {
  page.drawLine({ start: from, end: to, thickness, color: BLACK });
}
