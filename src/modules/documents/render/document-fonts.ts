/**
 * The faces a document is set in and the one way text is measured and drawn. Noto Serif
 * stands in for the Times New Roman of Decree 30 (see assets/fonts/PROVENANCE.md); each face is
 * embedded as a subset, so the PDF carries every Vietnamese letter it shows and a ToUnicode
 * map that lets readers copy and search the text.
 */
import { readFile } from 'node:fs/promises';
import {
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { fontPath, type FontFace } from '../../../kernel/signing/appearance/font-files';
import { RULE_THICKNESS } from './page-geometry';

export interface DocumentFonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

export interface TextStyle {
  font: PDFFont;
  size: number;
  /**
   * Stroke the outlines as well as fill them: bold for a face that has no bold file. Only the
   * "Nơi nhận:" heading needs it (bold italic), and there is no Noto Serif Bold Italic in
   * assets/fonts; office software makes the same synthetic bold when a face lacks one.
   */
  emboldened?: boolean;
}

/**
 * Official documents are set without ligatures (Word forms none in Times New Roman), so each
 * letter stays a glyph of its own for copying and searching, as in the signature appearance.
 */
const FEATURES = { liga: false, clig: false, dlig: false };

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

export async function embedDocumentFonts(document: PDFDocument): Promise<DocumentFonts> {
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

/** Height above the baseline (the font's ascent), in points. */
export function ascentOf(style: TextStyle): number {
  return style.font.heightAtSize(style.size, { descender: false });
}

/** Depth below the baseline (the font's descent), positive, in points. */
export function descentOf(style: TextStyle): number {
  return style.font.heightAtSize(style.size) - ascentOf(style);
}

/**
 * A line's height: ascent plus descent, which is Word's single line spacing for this face
 * (its line gap is zero) and the least Appendix I allows. It is 1.36 times the size, more
 * than Times New Roman's 1.15, because Noto Serif leaves room for stacked Vietnamese marks.
 */
export function lineHeightOf(style: TextStyle): number {
  return style.font.heightAtSize(style.size);
}

/** Black text with its baseline at `baseline`. */
export function drawText(
  page: PDFPage,
  text: string,
  style: TextStyle,
  x: number,
  baseline: number,
): void {
  if (!text) return;
  if (style.emboldened) {
    page.pushOperators(
      pushGraphicsState(),
      setTextRenderingMode(TextRenderingMode.FillAndOutline),
      setLineWidth(style.size * 0.03),
      setStrokingColor(rgb(0, 0, 0)),
    );
  }
  page.drawText(text, { x, y: baseline, size: style.size, font: style.font, color: rgb(0, 0, 0) });
  if (style.emboldened) page.pushOperators(popGraphicsState());
}

/** A horizontal rule centred on `centre`. */
export function drawRule(page: PDFPage, centre: number, width: number, y: number): void {
  page.drawLine({
    start: { x: centre - width / 2, y },
    end: { x: centre + width / 2, y },
    thickness: RULE_THICKNESS,
    color: rgb(0, 0, 0),
  });
}
