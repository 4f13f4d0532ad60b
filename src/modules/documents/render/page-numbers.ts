/**
 * Page numbers, Appendix I: Arabic numerals, 13–14 pt, centred in the top margin, from the
 * second page on (the first is never numbered).
 */
import type { PDFPage } from 'pdf-lib';
import { drawText, widthOf, type DocumentFonts } from './document-fonts';
import { PAGE_NUMBER_BASELINE, SIZE, TEXT_LEFT, TEXT_WIDTH } from './page-geometry';

export function drawPageNumbers(pages: readonly PDFPage[], fonts: DocumentFonts): void {
  const style = { font: fonts.regular, size: SIZE.pageNumber };
  pages.forEach((page, i) => {
    if (i === 0) return;
    const text = String(i + 1);
    const x = TEXT_LEFT + (TEXT_WIDTH - widthOf(style, text)) / 2;
    drawText(page, text, style, x, PAGE_NUMBER_BASELINE);
  });
}
