/**
 * The signers at the foot of a slip: in the right column whoever signs for the agency (the
 * officer who received the dossier, or the head of the agency), and, on the papers an
 * applicant signs at the desk, the applicant in the left column. Each column reads top to
 * bottom: the title in bold capitals (`KT. CHỦ TỊCH` over `PHÓ CHỦ TỊCH`, or `NGƯỜI TIẾP NHẬN
 * HỒ SƠ`), the form's note in italics (`(Ký và ghi rõ họ tên)`), an empty band where the
 * signature goes, and the full name in bold. The columns start on one line and stay on one
 * page together; the empty bands are returned, so a digital signature's appearance can be
 * put in the one of the agency.
 */
import type { PageFlow } from './page-flow';
import { drawLine } from './paragraph';
import { lineHeightOf } from './slip-fonts';
import {
  AGENCY_COLUMN,
  BLOCK_SPACING,
  NATIONAL_COLUMN,
  SIZE,
  mm,
  type Column,
} from './slip-geometry';
import { oneLine, wrapBalanced, type Line } from './text-wrap';

export interface SignerColumn {
  /** Bold capitals, one entry per line before wrapping: competence, then position or role. */
  titles: readonly string[];
  /** In italics under the titles; the forms print `(Ký và ghi rõ họ tên)`. */
  note?: string;
  /** Under the empty band, in bold, case kept; absent when the name is written by hand. */
  fullName?: string | null;
}

/** Where the empty band of a column is: page (0-based) and a rectangle in PDF points. */
export interface SignatureArea {
  pageIndex: number;
  x: number;
  /** The band's bottom edge, from the bottom of the page. */
  y: number;
  width: number;
  height: number;
}

/** Three blank lines, the room a handwritten signature takes on a printed paper. */
export const HANDWRITTEN_SIGNATURE_HEIGHT = mm(20);

interface LaidOut {
  column: Column;
  above: Line[];
  name: Line[];
  height: number;
}

export function drawSigners(
  flow: PageFlow,
  signers: { left?: SignerColumn; right: SignerColumn },
  blankHeight: number = HANDWRITTEN_SIGNATURE_HEIGHT,
): { left?: SignatureArea; right: SignatureArea } {
  const { fonts } = flow;
  const titleStyle = { font: fonts.bold, size: SIZE.signer };
  const noteStyle = { font: fonts.italic, size: SIZE.signerNote };
  const nameStyle = { font: fonts.bold, size: SIZE.signer };

  const layout = (signer: SignerColumn, column: Column): LaidOut => {
    const above = signer.titles
      .map((title) => oneLine(title).toLocaleUpperCase('vi'))
      .filter(Boolean)
      .flatMap((title) => wrapBalanced(title, titleStyle, column.width));
    if (signer.note?.trim())
      above.push(...wrapBalanced(oneLine(signer.note), noteStyle, column.width));
    const name = signer.fullName?.trim()
      ? wrapBalanced(oneLine(signer.fullName), nameStyle, column.width)
      : [];
    const sum = (lines: Line[]) => lines.reduce((total, line) => total + line.height, 0);
    // A name written by hand still needs its line.
    const nameHeight = name.length > 0 ? sum(name) : lineHeightOf(nameStyle);
    return { column, above, name, height: sum(above) + blankHeight + nameHeight };
  };

  const right = layout(signers.right, NATIONAL_COLUMN);
  const left = signers.left ? layout(signers.left, AGENCY_COLUMN) : undefined;
  flow.space(BLOCK_SPACING);
  const { page, pageIndex, top } = flow.take(Math.max(right.height, left?.height ?? 0));

  const draw = (laid: LaidOut): SignatureArea => {
    const { column } = laid;
    let y = top;
    for (const line of laid.above) {
      drawLine(page, line, column.x + (column.width - line.width) / 2, y - line.ascent);
      y -= line.height;
    }
    const area = {
      pageIndex,
      x: column.x,
      y: y - blankHeight,
      width: column.width,
      height: blankHeight,
    };
    y -= blankHeight;
    for (const line of laid.name) {
      drawLine(page, line, column.x + (column.width - line.width) / 2, y - line.ascent);
      y -= line.height;
    }
    return area;
  };
  return { right: draw(right), ...(left ? { left: draw(left) } : {}) };
}

/** The form's note under a signer's title. */
export const SIGN_AND_WRITE_NAME = '(Ký và ghi rõ họ tên)';
