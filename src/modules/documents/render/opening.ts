/**
 * What comes between the header and the body. A typed document (Quyết định, Thông báo…) has
 * its title centred in bold capitals with the trích yếu under it in bold and a short rule
 * below. A công văn, whose trích yếu is already under its number, opens with "Kính gửi:".
 */
import { centreOf, drawCentred, wrapIn } from './column-text';
import {
  ascentOf,
  drawRule,
  drawText,
  lineHeightOf,
  widthOf,
  type DocumentFonts,
} from './document-fonts';
import type { OfficialDocumentInput } from './official-document';
import type { PageFlow } from './page-flow';
import {
  BLOCK_SPACING,
  RULE_OFFSET,
  SHORT_RULE_RATIO,
  SIZE,
  TEXT_COLUMN,
  TEXT_LEFT,
  TEXT_RIGHT,
  TEXT_WIDTH,
} from './page-geometry';
import { oneLine } from './text-wrap';

const GREETING = 'Kính gửi:';

/** Title and trích yếu of a typed document. They stay together on the first page. */
export function drawTitle(
  flow: PageFlow,
  fonts: DocumentFonts,
  typeName: string,
  subject: string,
): void {
  const titleStyle = { font: fonts.bold, size: SIZE.title };
  const subjectStyle = { font: fonts.bold, size: SIZE.typedSubject };
  const title = oneLine(typeName).toLocaleUpperCase('vi');
  const subjectText = oneLine(subject);
  const height =
    wrapIn(title, titleStyle, TEXT_WIDTH).length * lineHeightOf(titleStyle) +
    wrapIn(subjectText, subjectStyle, TEXT_WIDTH).length * lineHeightOf(subjectStyle) +
    RULE_OFFSET;
  flow.space(BLOCK_SPACING);
  const { page, top } = flow.take(height);
  const titleBottom = drawCentred(page, title, titleStyle, TEXT_COLUMN, top).bottom;
  const drawn = drawCentred(page, subjectText, subjectStyle, TEXT_COLUMN, titleBottom);
  drawRule(
    page,
    centreOf(TEXT_COLUMN),
    drawn.widest * SHORT_RULE_RATIO,
    drawn.bottom - RULE_OFFSET,
  );
}

/**
 * "Kính gửi:" then the addressees, one per line, in a column after the label; the whole block
 * centred on the page as in the công văn template of Appendix I.
 */
export function drawRecipients(
  flow: PageFlow,
  fonts: DocumentFonts,
  recipients: OfficialDocumentInput['recipientsLine'],
): void {
  const addressees = addresseesOf(recipients);
  if (addressees.length === 0) return;
  const style = { font: fonts.regular, size: SIZE.recipients };
  const labelWidth = widthOf(style, GREETING) + widthOf(style, ' ');
  const widest = Math.max(...addressees.map((text) => widthOf(style, text)));
  const blockLeft = Math.max(TEXT_LEFT, TEXT_LEFT + (TEXT_WIDTH - labelWidth - widest) / 2);
  const itemsLeft = blockLeft + labelWidth;
  const lineHeight = lineHeightOf(style);
  const ascent = ascentOf(style);

  flow.space(BLOCK_SPACING);
  let first = true;
  for (const addressee of addressees) {
    for (const line of wrapIn(addressee, style, TEXT_RIGHT - itemsLeft)) {
      const { page, top } = flow.take(lineHeight);
      if (first) drawText(page, GREETING, style, blockLeft, top - ascent);
      first = false;
      drawText(page, line.words.join(' '), style, itemsLeft, top - ascent);
    }
  }
}

function addresseesOf(recipients: OfficialDocumentInput['recipientsLine']): string[] {
  if (!recipients) return [];
  const lines = typeof recipients === 'string' ? recipients.split(/\r?\n/) : [...recipients];
  const cleaned = lines.map(oneLine);
  cleaned[0] = (cleaned[0] ?? '').replace(/^kính gửi\s*:?\s*/iu, '');
  return cleaned.filter(Boolean);
}
