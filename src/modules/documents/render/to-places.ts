/**
 * Nơi nhận, Appendix I: at the foot of the left column, "Nơi nhận:" in bold italic 12 pt, then
 * one recipient per line in 11 pt, each beginning with a dash. A recipient too long for the
 * column wraps under its own text, past the dash.
 */
import type { PDFPage } from 'pdf-lib';
import { wrapIn } from './column-text';
import {
  ascentOf,
  drawText,
  lineHeightOf,
  widthOf,
  type DocumentFonts,
  type TextStyle,
} from './document-fonts';
import { SIZE, TO_PLACES_COLUMN } from './page-geometry';
import { oneLine } from './text-wrap';

export const TO_PLACES_HEADING = 'Nơi nhận:';

interface PlacedLine {
  text: string;
  style: TextStyle;
  x: number;
  /** Below the list's top. */
  baselineOffset: number;
}

export interface ToPlacesLayout {
  lines: PlacedLine[];
  height: number;
}

export function layoutToPlaces(fonts: DocumentFonts, items: readonly string[]): ToPlacesLayout {
  const recipients = items.map(oneLine).filter(Boolean);
  if (recipients.length === 0) return { lines: [], height: 0 };
  const heading = { font: fonts.italic, size: SIZE.toPlacesHeading, emboldened: true };
  const item = { font: fonts.regular, size: SIZE.toPlacesItem };
  const lines: PlacedLine[] = [];
  let height = 0;
  const add = (text: string, style: TextStyle, x: number) => {
    lines.push({ text, style, x, baselineOffset: height + ascentOf(style) });
    height += lineHeightOf(style);
  };
  add(TO_PLACES_HEADING, heading, TO_PLACES_COLUMN.x);
  for (const recipient of recipients) {
    const dash = /^[-–+]\s/.exec(recipient)?.[0] ?? '';
    const hang = dash ? widthOf(item, dash) : 0;
    const rest = recipient.slice(dash.length);
    wrapIn(rest, item, TO_PLACES_COLUMN.width - hang).forEach((line, i) => {
      const words = line.words.join(' ');
      if (i === 0) add(dash + words, item, TO_PLACES_COLUMN.x);
      else add(words, item, TO_PLACES_COLUMN.x + hang);
    });
  }
  return { lines, height };
}

export function drawToPlaces(page: PDFPage, layout: ToPlacesLayout, top: number): void {
  for (const line of layout.lines) {
    drawText(page, line.text, line.style, line.x, top - line.baselineOffset);
  }
}
