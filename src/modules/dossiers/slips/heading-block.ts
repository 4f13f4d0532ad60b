/**
 * The head of every slip, in the layout of Decree 30/2020 Appendix I that the forms of
 * Circular 01/2018/TT-VPCP use: on the left the governing body (regular capitals), the agency
 * and its desk (bold capitals) with a short rule, and the paper's number if it has one; on the
 * right the Quốc hiệu and the Tiêu ngữ (bold) ruled over the Tiêu ngữ's width, and the
 * dateline in italics. Then the title, centred in bold capitals, and the lines under it.
 */
import type { PDFPage } from 'pdf-lib';
import type { PageFlow } from './page-flow';
import { drawPlaceDateLine } from './place-date-line';
import { drawCentred, drawLine } from './paragraph';
import { drawRule } from './slip-fonts';
import {
  AGENCY_COLUMN,
  BLOCK_SPACING,
  CONTENT_TOP,
  NATIONAL_COLUMN,
  PARAGRAPH_SPACING,
  RULE_OFFSET,
  RULE_THICKNESS,
  SHORT_RULE_RATIO,
  SIZE,
  TEXT_COLUMN,
  type Column,
} from './slip-geometry';
import type { SlipFonts } from './slip-fonts';
import type { SlipAgency } from './slip-types';
import { oneLine, wrapBalanced, wrapRuns, type Run } from './text-wrap';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export interface HeadingInput {
  agency: SlipAgency;
  /** `Hạ Long, ngày 02 tháng 3 năm 2026` (place-date-line.ts). */
  dateline: string;
  /** `Số: 125/BL`, under the agency, when the paper is numbered. */
  numberLine?: string;
}

function ruleUnder(page: PDFPage, column: Column, bottom: number, width: number): number {
  const y = bottom - RULE_OFFSET;
  const centre = column.x + column.width / 2;
  drawRule(page, { x: centre - width / 2, y }, { x: centre + width / 2, y }, RULE_THICKNESS);
  return y;
}

const capitals = (text: string) => oneLine(text).toLocaleUpperCase('vi');

export function drawHeading(flow: PageFlow, input: HeadingInput): void {
  const { page } = flow;
  const { fonts } = flow;
  const { agency } = input;

  let left = CONTENT_TOP;
  if (agency.parentName?.trim()) {
    const style = { font: fonts.regular, size: SIZE.agencyParent };
    left = drawCentred(page, capitals(agency.parentName), style, AGENCY_COLUMN, left).bottom;
  }
  const boldStyle = { font: fonts.bold, size: SIZE.agencyName };
  let widest = 0;
  for (const name of [agency.name, agency.unitName]) {
    if (!name?.trim()) continue;
    const drawn = drawCentred(page, capitals(name), boldStyle, AGENCY_COLUMN, left);
    left = drawn.bottom;
    widest = Math.max(widest, drawn.widest);
  }
  left = ruleUnder(page, AGENCY_COLUMN, left, widest * SHORT_RULE_RATIO);

  const nationalStyle = { font: fonts.bold, size: SIZE.nationalName };
  let right = drawCentred(page, NATIONAL_NAME, nationalStyle, NATIONAL_COLUMN, CONTENT_TOP).bottom;
  const motto = drawCentred(
    page,
    MOTTO,
    { font: fonts.bold, size: SIZE.motto },
    NATIONAL_COLUMN,
    right,
  );
  right = ruleUnder(page, NATIONAL_COLUMN, motto.bottom, motto.widest);

  // The number and the dateline start on one row, as the cells of one table row do.
  const rowTop = Math.min(left, right) - PARAGRAPH_SPACING;
  if (input.numberLine?.trim()) {
    const style = { font: fonts.regular, size: SIZE.dateline };
    left = drawCentred(page, oneLine(input.numberLine), style, AGENCY_COLUMN, rowTop).bottom;
  }
  right = drawPlaceDateLine(page, fonts, input.dateline, NATIONAL_COLUMN, rowTop);
  flow.moveBelow(Math.min(left, right));
}

/**
 * The paper's name, bold capitals centred over the text's width, and the lines that go
 * under it (`Mã hồ sơ: …`), each centred and kept whole.
 */
export function drawTitle(flow: PageFlow, title: string, below: readonly Run[][] = []): void {
  const style = { font: flow.fonts.bold, size: SIZE.title };
  const lines = wrapBalanced(capitals(title), style, TEXT_COLUMN.width);
  flow.space(BLOCK_SPACING);
  for (const line of lines) {
    const { page, top } = flow.take(line.height);
    drawLine(page, line, TEXT_COLUMN.x + (TEXT_COLUMN.width - line.width) / 2, top - line.ascent);
  }
  for (const runs of below) {
    for (const line of wrapRuns(runs, TEXT_COLUMN.width)) {
      const { page, top } = flow.take(line.height);
      drawLine(page, line, TEXT_COLUMN.x + (TEXT_COLUMN.width - line.width) / 2, top - line.ascent);
    }
  }
  flow.space(BLOCK_SPACING);
}

/** `Mã hồ sơ: 000.00.22.H49-260302-0007`, the line under the title of the desk's papers. */
export function dossierCodeLine(fonts: SlipFonts, dossierCode: string): Run[] {
  return [
    { text: 'Mã hồ sơ: ', style: { font: fonts.regular, size: SIZE.subtitle } },
    { text: oneLine(dossierCode), style: { font: fonts.bold, size: SIZE.subtitle } },
  ];
}
