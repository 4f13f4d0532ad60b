/**
 * The fixed geometry of the one-stop desk's papers: A4 portrait with the margins of Decree
 * 30/2020/NĐ-CP Appendix I (the forms of Circular 01/2018/TT-VPCP are administrative papers
 * and follow it), the two columns of the national heading, and the type sizes. Points
 * throughout, origin at the bottom left of the page.
 */
import { PT_PER_MM } from '../../../kernel/signing/appearance/decree30-geometry';

export const mm = (millimetres: number): number => millimetres * PT_PER_MM;

/** A4, 210 × 297 mm. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/** Appendix I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; the smallest of each. */
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

export const TEXT_LEFT = MARGIN.left;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_TOP = PAGE.height - MARGIN.top;
export const CONTENT_BOTTOM = MARGIN.bottom;
export const CONTENT_HEIGHT = CONTENT_TOP - CONTENT_BOTTOM;

export interface Column {
  x: number;
  width: number;
}

/**
 * The heading is a two-column table. "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" must stay on one line:
 * 90.4 mm in Noto Serif Bold 12, so the right column gets 95 mm and the agency's column the
 * 70 mm left. Signers stand in the right column, as in the forms.
 */
const LEFT_WIDTH = mm(70);
export const AGENCY_COLUMN: Column = { x: TEXT_LEFT, width: LEFT_WIDTH };
export const NATIONAL_COLUMN: Column = {
  x: TEXT_LEFT + LEFT_WIDTH,
  width: TEXT_WIDTH - LEFT_WIDTH,
};
export const TEXT_COLUMN: Column = { x: TEXT_LEFT, width: TEXT_WIDTH };

/**
 * Type sizes. Quốc hiệu 12 (the only size at which it fits its column in Noto Serif), Tiêu
 * ngữ 13, the title 14 as Appendix I sets a document's name; the body 13, the lower end of
 * Appendix I's 13–14, because a slip must usually hold on one page; the tracking address and
 * the column headings of tables 11, small print that still reads when photocopied.
 */
export const SIZE = {
  agencyParent: 12,
  agencyName: 12,
  nationalName: 12,
  motto: 13,
  dateline: 13,
  title: 14,
  subtitle: 13,
  body: 13,
  table: 12,
  tableHeader: 11,
  signer: 13,
  signerNote: 12,
  small: 11,
} as const;

/** About one blank line between the heading, the title, the body and the signers. */
export const BLOCK_SPACING = 12;
/** Between paragraphs: Appendix I asks for at least 6 pt. */
export const PARAGRAPH_SPACING = 6;
/** First-line indent of a paragraph, 1–1.27 cm in Appendix I: Word's half inch. */
export const FIRST_LINE_INDENT = mm(12.7);
/** Solid rules under the agency's name and the Tiêu ngữ. */
export const RULE_THICKNESS = 0.6;
/** A rule's distance below the box of the line above it, clear of every mark below a letter. */
export const RULE_OFFSET = 2;
/** The rule under the agency's name is 1/3 to 1/2 of the line: the middle of the range. */
export const SHORT_RULE_RATIO = 0.4;
