/**
 * The place and date line (địa danh và thời gian): `Hạ Long, ngày 02 tháng 3 năm 2026`, in
 * italics, centred under the Tiêu ngữ. The date is the day the paper is issued, on the wall
 * clock of the desk's time zone.
 */
import type { PDFPage } from 'pdf-lib';
import { drawCentred } from './paragraph';
import type { SlipFonts } from './slip-fonts';
import { SIZE, type Column } from './slip-geometry';
import { vietnameseDate } from './vietnamese-time';

export function datelineText(placeName: string, at: Date, timeZone?: string): string {
  const place = placeName.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!place) throw new RangeError('the place name is required');
  return `${place}, ${vietnameseDate(at, timeZone)}`;
}

/** Draws the line centred in the column from `top` down; returns the bottom of its box. */
export function drawPlaceDateLine(
  page: PDFPage,
  fonts: SlipFonts,
  text: string,
  column: Column,
  top: number,
): number {
  return drawCentred(page, text, { font: fonts.italic, size: SIZE.dateline }, column, top).bottom;
}
