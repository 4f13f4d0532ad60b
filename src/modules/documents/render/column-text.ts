/**
 * Centred lines, the way every part of the header, the title and the Nơi nhận column are set:
 * wrapped to a column, each line centred in it, one line height below the other.
 */
import type { PDFPage } from 'pdf-lib';
import { ascentOf, drawText, lineHeightOf, widthOf, type TextStyle } from './document-fonts';
import type { Column } from './page-geometry';
import { wrapBalanced, wrapText, type Line } from './text-wrap';

export interface DrawnLines {
  /** The bottom of the last line's box (its baseline less the font's descent). */
  bottom: number;
  /** Width of the widest line, for a rule drawn under them. */
  widest: number;
}

/** Lines as full as they go (first fit), for text set from the left. */
export function wrapIn(text: string, style: TextStyle, width: number): Line[] {
  return wrapText(text, (part) => widthOf(style, part), width);
}

/** Draws `text` in balanced lines (see wrapBalanced) centred in the column, from `top` down. */
export function drawCentred(
  page: PDFPage,
  text: string,
  style: TextStyle,
  column: Column,
  top: number,
): DrawnLines {
  const lines = wrapBalanced(text, (part) => widthOf(style, part), column.width);
  const lineHeight = lineHeightOf(style);
  const ascent = ascentOf(style);
  lines.forEach((line, i) => {
    const x = column.x + (column.width - line.width) / 2;
    drawText(page, line.words.join(' '), style, x, top - i * lineHeight - ascent);
  });
  return {
    bottom: top - lines.length * lineHeight,
    widest: Math.max(0, ...lines.map((line) => line.width)),
  };
}

/** The column's centre, where its rules are centred. */
export function centreOf(column: Column): number {
  return column.x + column.width / 2;
}
