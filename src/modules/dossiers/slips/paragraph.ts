/**
 * Paragraphs of a slip's body: runs of text wrapped to a column and placed line by line, so a
 * long reason or a long list goes on over the page break. Labels are regular and the facts
 * after them bold, as the filled-in forms set them apart from the form's own words.
 */
import type { PDFPage } from 'pdf-lib';
import type { PageFlow } from './page-flow';
import { drawText, lineHeightOf, widthOf, type SlipFonts, type TextStyle } from './slip-fonts';
import {
  FIRST_LINE_INDENT,
  PARAGRAPH_SPACING,
  SIZE,
  TEXT_COLUMN,
  type Column,
} from './slip-geometry';
import { paragraphsOf, wrapBalanced, wrapRuns, type Line, type Run } from './text-wrap';

export interface BodyStyles {
  regular: TextStyle;
  bold: TextStyle;
  italic: TextStyle;
}

export function bodyStyles(fonts: SlipFonts, size: number = SIZE.body): BodyStyles {
  return {
    regular: { font: fonts.regular, size },
    bold: { font: fonts.bold, size },
    italic: { font: fonts.italic, size },
  };
}

export interface ParagraphOptions {
  column?: Column;
  /** Indent of the first line and of the lines after it, from the column's left edge. */
  firstIndent?: number;
  restIndent?: number;
  align?: 'left' | 'center';
  /** Space above the paragraph; PARAGRAPH_SPACING unless told. */
  spaceBefore?: number;
}

/** Draws the runs as one paragraph; returns its lines (none for an empty text). */
export function drawParagraph(
  flow: PageFlow,
  runs: readonly Run[],
  options: ParagraphOptions = {},
): Line[] {
  const column = options.column ?? TEXT_COLUMN;
  const firstIndent = options.firstIndent ?? 0;
  const restIndent = options.restIndent ?? 0;
  const lines = wrapRuns(runs, column.width - firstIndent, column.width - restIndent);
  flow.space(options.spaceBefore ?? PARAGRAPH_SPACING);
  lines.forEach((line, i) => {
    const { page, top } = flow.take(line.height);
    const indent = i === 0 ? firstIndent : restIndent;
    const x =
      options.align === 'center' ? column.x + (column.width - line.width) / 2 : column.x + indent;
    drawLine(page, line, x, top - line.ascent);
  });
  return lines;
}

export function drawLine(page: PDFPage, line: Line, x: number, baseline: number): void {
  for (const piece of line.pieces) drawText(page, piece.text, piece.style, x + piece.x, baseline);
}

/** `Label: value`, the value in bold; nothing when the value is empty. */
export function drawLabelled(
  flow: PageFlow,
  styles: BodyStyles,
  label: string,
  value: string | null | undefined,
  options: ParagraphOptions = {},
): void {
  if (!value?.trim()) return;
  drawParagraph(
    flow,
    [
      { text: `${label}: `, style: styles.regular },
      { text: value, style: styles.bold },
    ],
    options,
  );
}

/**
 * An item of a numbered list: `1. ` then the text, the lines after the first aligned with the
 * text rather than the number (a hanging indent), so the numbers stand out down the margin.
 */
export function drawNumberedItem(
  flow: PageFlow,
  number: string,
  runs: readonly Run[],
  options: ParagraphOptions & { numberStyle: TextStyle },
): void {
  const marker = `${number} `;
  const hang = (options.firstIndent ?? 0) + widthOf(options.numberStyle, marker);
  drawParagraph(flow, [{ text: marker, style: options.numberStyle }, ...runs], {
    ...options,
    restIndent: hang,
  });
}

/**
 * Lines in balanced breaks (text-wrap.ts), each centred in the column, from `top` down, on
 * the page given: the heading's cells, which sit side by side outside the flow.
 */
export function drawCentred(
  page: PDFPage,
  text: string,
  style: TextStyle,
  column: Column,
  top: number,
): { bottom: number; widest: number } {
  const lines = wrapBalanced(text, style, column.width);
  const height = lineHeightOf(style);
  lines.forEach((line, i) => {
    drawLine(
      page,
      line,
      column.x + (column.width - line.width) / 2,
      top - i * height - line.ascent,
    );
  });
  return { bottom: top - lines.length * height, widest: Math.max(0, ...lines.map((l) => l.width)) };
}

/**
 * A label followed by a text typed in a form (a reason, a note), which may hold several
 * paragraphs: the first goes on after the label, the others start lines of their own with
 * the first-line indent of Appendix I.
 */
export function drawLabelledText(
  flow: PageFlow,
  styles: BodyStyles,
  label: string,
  text: string,
  options: ParagraphOptions = {},
): void {
  const [first = '', ...rest] = paragraphsOf(text);
  drawParagraph(
    flow,
    [
      { text: `${label}: `, style: styles.regular },
      { text: first, style: styles.regular },
    ],
    options,
  );
  for (const paragraph of rest) {
    drawParagraph(flow, [{ text: paragraph, style: styles.regular }], {
      ...options,
      firstIndent: FIRST_LINE_INDENT,
    });
  }
}
