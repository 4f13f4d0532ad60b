/**
 * The fixed geometry of an administrative document, Decree 30/2020/NĐ-CP Appendix I: A4
 * portrait, the margins, the two header columns and the type sizes of each part. Where the
 * decree gives a range, the choice and its reason are written beside it. Points throughout,
 * origin at the bottom left of the page.
 */
import { PT_PER_MM } from '../../../kernel/signing/appearance/decree30-geometry';

export const mm = (millimetres: number): number => millimetres * PT_PER_MM;

/** A4, 210 × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/**
 * Appendix I allows top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. The smallest of
 * each leaves the most room for text, and is what the provincial templates use.
 */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

export const TEXT_LEFT = MARGIN.left;
export const TEXT_RIGHT = PAGE.width - MARGIN.right;
export const TEXT_WIDTH = TEXT_RIGHT - TEXT_LEFT;
export const CONTENT_TOP = PAGE.height - MARGIN.top;
export const CONTENT_BOTTOM = MARGIN.bottom;

export interface Column {
  x: number;
  width: number;
}

/**
 * The header is a two-column table. The right column must hold "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
 * NAM" on one line: 90.4 mm in Noto Serif Bold 12 (a wider face than Times New Roman), so it
 * gets 95 mm and the issuer's column the 70 mm left. The signer's block sits in the right
 * column and the Nơi nhận list in the left one, as in the templates of Appendix I.
 */
const LEFT_COLUMN_WIDTH = mm(70);
export const ISSUER_COLUMN: Column = { x: TEXT_LEFT, width: LEFT_COLUMN_WIDTH };
export const NATIONAL_COLUMN: Column = {
  x: TEXT_LEFT + LEFT_COLUMN_WIDTH,
  width: TEXT_WIDTH - LEFT_COLUMN_WIDTH,
};
/** Nơi nhận keeps clear of the signer's column by a few millimetres. */
export const TO_PLACES_COLUMN: Column = { x: TEXT_LEFT, width: LEFT_COLUMN_WIDTH - mm(4) };
export const TEXT_COLUMN: Column = { x: TEXT_LEFT, width: TEXT_WIDTH };

/**
 * Type sizes, Appendix I. Quốc hiệu 12–13: 12, the only size at which it fits the column in
 * Noto Serif. Tiêu ngữ 13–14: one size above the Quốc hiệu, as the templates set it. Body
 * 13–14: 14, the size most provincial templates use; the title and a typed document's
 * trích yếu follow it. Dateline 13–14: 14, dropping to 13 for a long place name.
 */
export const SIZE = {
  issuerParent: 12,
  issuerName: 12,
  nationalName: 12,
  motto: 13,
  number: 13,
  subjectLine: 12,
  dateline: 14,
  datelineNarrow: 13,
  title: 14,
  typedSubject: 14,
  recipients: 14,
  body: 14,
  toPlacesHeading: 12,
  toPlacesItem: 11,
  pageNumber: 13,
} as const;

/** First-line indent 1–1.27 cm: Word's default half inch, the upper end. */
export const FIRST_LINE_INDENT = mm(12.7);
/** Appendix I: at least 6 pt between paragraphs. */
export const PARAGRAPH_SPACING = 6;
/** About one blank line between the header, the title or Kính gửi, the body and the footer. */
export const BLOCK_SPACING = 12;
/** Between the two header rows (the names above, number and dateline below). */
export const HEADER_ROW_SPACING = 6;

/** The solid rules under the issuer's name, the tiêu ngữ and a typed document's trích yếu. */
export const RULE_THICKNESS = 0.6;
/**
 * A rule's distance below the box of the line above it (its baseline less the font's
 * descent): clear of every descender and dot below, close enough to belong to the line.
 */
export const RULE_OFFSET = 2;
/**
 * The rules under the issuer's name and under a typed document's trích yếu are 1/3 to 1/2 of
 * the line above them: the middle of the range.
 */
export const SHORT_RULE_RATIO = 0.4;

/** Page numbers: centred in the top margin, their baseline 12 mm below the page's edge. */
export const PAGE_NUMBER_BASELINE = PAGE.height - mm(12);
