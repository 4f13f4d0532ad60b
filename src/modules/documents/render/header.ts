/**
 * The header of Appendix I, two columns on the first page. Left: the parent agency (capitals,
 * regular), the issuer (capitals, bold) with a short rule, then the number line and, for a
 * công văn, its trích yếu after "V/v". Right: the Quốc hiệu and Tiêu ngữ (bold) with a rule
 * as long as the Tiêu ngữ, then the dateline. The number line and the dateline are left
 * empty: they are written when the document is registered, after it is signed.
 */
import type { PDFPage } from 'pdf-lib';
import { centreOf, drawCentred } from './column-text';
import { numberLineText, datelineText } from './dateline';
import {
  ascentOf,
  descentOf,
  drawRule,
  widthOf,
  type DocumentFonts,
  type TextStyle,
} from './document-fonts';
import type { OfficialDocumentInput, ReservedLine } from './official-document';
import type { PageFlow } from './page-flow';
import {
  CONTENT_TOP,
  HEADER_ROW_SPACING,
  ISSUER_COLUMN,
  NATIONAL_COLUMN,
  PARAGRAPH_SPACING,
  RULE_OFFSET,
  SHORT_RULE_RATIO,
  SIZE,
  type Column,
} from './page-geometry';
import { oneLine } from './text-wrap';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * The widest number line the place must hold: registers count from 01 each year, and five
 * digits cover the busiest provincial register.
 */
const WIDEST_NUMBER = '99999';
/** The widest dateline: two-digit day and month. */
const WIDEST_DATE = '2026-12-28';

export interface HeaderFields {
  numberField: ReservedLine;
  datelineField: ReservedLine;
}

type HeaderInput = Pick<
  OfficialDocumentInput,
  'issuerParent' | 'issuerName' | 'codeNotation' | 'placeName' | 'subject'
> & {
  /** A typed document has its trích yếu under its title, not under the number. */
  typed: boolean;
};

export function drawHeader(flow: PageFlow, fonts: DocumentFonts, input: HeaderInput): HeaderFields {
  const page = flow.page;
  const capitals = (text: string) => oneLine(text).toLocaleUpperCase('vi');

  let left = CONTENT_TOP;
  const parent = input.issuerParent ? capitals(input.issuerParent) : '';
  if (parent) {
    const style = { font: fonts.regular, size: SIZE.issuerParent };
    left = drawCentred(page, parent, style, ISSUER_COLUMN, left).bottom;
  }
  const issuerStyle = { font: fonts.bold, size: SIZE.issuerName };
  const issuer = drawCentred(page, capitals(input.issuerName), issuerStyle, ISSUER_COLUMN, left);
  left = ruleUnder(page, ISSUER_COLUMN, issuer.bottom, issuer.widest * SHORT_RULE_RATIO);

  const nationalStyle = { font: fonts.bold, size: SIZE.nationalName };
  let right = drawCentred(page, NATIONAL_NAME, nationalStyle, NATIONAL_COLUMN, CONTENT_TOP).bottom;
  const mottoStyle = { font: fonts.bold, size: SIZE.motto };
  const motto = drawCentred(page, MOTTO, mottoStyle, NATIONAL_COLUMN, right);
  right = ruleUnder(page, NATIONAL_COLUMN, motto.bottom, motto.widest);

  // Number and dateline share a baseline, as the cells of one table row do.
  const numberStyle = { font: fonts.regular, size: SIZE.number };
  const notation = oneLine(input.codeNotation);
  const widestNumber = numberLineText(`${WIDEST_NUMBER}/${notation}`);
  if (widthOf(numberStyle, widestNumber) > ISSUER_COLUMN.width) {
    throw new RangeError(`the notation ${notation} is too long for the number line`);
  }
  const datelineStyle = datelineStyleFor(fonts, input.placeName);
  const rowTop = Math.min(left, right) - HEADER_ROW_SPACING;
  const baseline = rowTop - Math.max(ascentOf(numberStyle), ascentOf(datelineStyle));
  const numberField = reservedLine(ISSUER_COLUMN, baseline, numberStyle);
  const datelineField = reservedLine(NATIONAL_COLUMN, baseline, datelineStyle);

  left = numberField.rect[1];
  if (!input.typed) {
    // Appendix I: the trích yếu of a công văn is centred under the number, 6 pt below it.
    const subjectStyle = { font: fonts.regular, size: SIZE.subjectLine };
    const subject = `V/v ${oneLine(input.subject).replace(/^V\/v\s*/i, '')}`;
    left = drawCentred(page, subject, subjectStyle, ISSUER_COLUMN, left - PARAGRAPH_SPACING).bottom;
  }
  flow.moveBelow(Math.min(left, datelineField.rect[1]));
  return { numberField, datelineField };
}

/** A rule centred under lines whose box ends at `bottom`; returns the rule's lower edge. */
function ruleUnder(page: PDFPage, column: Column, bottom: number, width: number): number {
  const y = bottom - RULE_OFFSET;
  drawRule(page, centreOf(column), width, y);
  return y;
}

/** 14 pt, or 13 if the place name is too long for the column at 14 (both allowed). */
function datelineStyleFor(fonts: DocumentFonts, placeName: string): TextStyle {
  const widest = datelineText(placeName, WIDEST_DATE);
  for (const size of [SIZE.dateline, SIZE.datelineNarrow]) {
    const style = { font: fonts.italic, size };
    if (widthOf(style, widest) <= NATIONAL_COLUMN.width) return style;
  }
  throw new RangeError(`the place name ${oneLine(placeName)} is too long for the dateline`);
}

function reservedLine(column: Column, baseline: number, style: TextStyle): ReservedLine {
  return {
    pageIndex: 0,
    rect: [
      column.x,
      baseline - descentOf(style),
      column.x + column.width,
      baseline + ascentOf(style),
    ],
    baseline,
    fontSize: style.size,
  };
}
