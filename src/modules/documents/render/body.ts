/**
 * The body (nội dung), Appendix I: 14 pt, justified, the first line of each paragraph indented
 * 1.27 cm, single line spacing and 6 pt between paragraphs, flowing over as many pages as it
 * needs. Plain text carries no styles, so two conventions of the templates are recognised:
 *
 * - a paragraph in capitals is a heading, in bold: centred (`QUYẾT ĐỊNH:`, the issuing
 *   authority of a Quyết định) or, when numbered (`I. MỤC ĐÍCH, YÊU CẦU`), in place;
 * - in a typed document, the căn cứ (legal bases) that open the body, paragraphs beginning
 *   `Căn cứ` or `Theo đề nghị`, are in italics, as Appendix I sets them.
 */
import type { PDFPage } from 'pdf-lib';
import { drawCentred, wrapIn } from './column-text';
import {
  ascentOf,
  drawText,
  lineHeightOf,
  widthOf,
  type DocumentFonts,
  type TextStyle,
} from './document-fonts';
import type { OfficialDocumentInput } from './official-document';
import type { PageFlow } from './page-flow';
import {
  BLOCK_SPACING,
  FIRST_LINE_INDENT,
  PARAGRAPH_SPACING,
  SIZE,
  TEXT_COLUMN,
  TEXT_LEFT,
  TEXT_WIDTH,
} from './page-geometry';
import { oneLine, wrapText, type Line } from './text-wrap';

export function drawBody(
  flow: PageFlow,
  fonts: DocumentFonts,
  body: OfficialDocumentInput['body'],
  typed: boolean,
): void {
  const regular = { font: fonts.regular, size: SIZE.body };
  const italic = { font: fonts.italic, size: SIZE.body };
  const bold = { font: fonts.bold, size: SIZE.body };
  let opening = typed;
  flow.space(BLOCK_SPACING);
  for (const paragraph of paragraphsOf(body)) {
    const heading = isCapitals(paragraph);
    // The căn cứ follow the title and the issuing authority; the first other text ends them.
    opening &&= heading || LEGAL_BASIS.test(paragraph);
    if (opening && !heading) drawParagraph(flow, paragraph, italic, true);
    else if (!heading) drawParagraph(flow, paragraph, regular, true);
    else if (NUMBERED.test(paragraph)) drawParagraph(flow, paragraph, bold, false);
    else drawHeading(flow, paragraph, bold);
    flow.space(PARAGRAPH_SPACING);
  }
}

/** Paragraphs of an array as they are, of a text between blank lines; empty ones dropped. */
export function paragraphsOf(body: OfficialDocumentInput['body']): string[] {
  const parts = typeof body === 'string' ? body.split(/\r?\n[ \t]*\r?\n/) : body;
  return parts.map(oneLine).filter(Boolean);
}

const NUMBERED = /^([IVXLCDM]+|\d+|[A-Z])[.)]\s/u;
const LEGAL_BASIS = /^(Căn cứ|Theo đề nghị)\s/u;

function isCapitals(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}

/** Indented first line; every line but the last spread to both margins if `justify`. */
function drawParagraph(flow: PageFlow, text: string, style: TextStyle, justify: boolean): void {
  const lines = wrapText(
    text,
    (part) => widthOf(style, part),
    TEXT_WIDTH - FIRST_LINE_INDENT,
    TEXT_WIDTH,
  );
  const lineHeight = lineHeightOf(style);
  const ascent = ascentOf(style);
  lines.forEach((line, i) => {
    const { page, top } = flow.take(lineHeight);
    const x = TEXT_LEFT + (i === 0 ? FIRST_LINE_INDENT : 0);
    const width = TEXT_WIDTH - (i === 0 ? FIRST_LINE_INDENT : 0);
    const spread = justify && i < lines.length - 1 && line.words.length > 1;
    if (spread) drawJustified(page, line, style, x, width, top - ascent);
    else drawText(page, line.words.join(' '), style, x, top - ascent);
  });
}

/**
 * Each word at its own place, the slack shared among the gaps. Word spacing (Tw) cannot do it:
 * PDF applies it only to the one-byte space of simple fonts, and these fonts are two-byte CID.
 */
function drawJustified(
  page: PDFPage,
  line: Line,
  style: TextStyle,
  x: number,
  width: number,
  baseline: number,
): void {
  const widths = line.words.map((word) => widthOf(style, word));
  const gap = (width - widths.reduce((sum, w) => sum + w, 0)) / (line.words.length - 1);
  let at = x;
  line.words.forEach((word, i) => {
    drawText(page, word, style, at, baseline);
    at += (widths[i] ?? 0) + gap;
  });
}

/** Centred; a heading of several lines keeps them together. */
function drawHeading(flow: PageFlow, text: string, style: TextStyle): void {
  const height = wrapIn(text, style, TEXT_WIDTH).length * lineHeightOf(style);
  const { page, top } = flow.take(height);
  drawCentred(page, text, style, TEXT_COLUMN, top);
}
