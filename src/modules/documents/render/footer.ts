/**
 * The foot of the last page: Nơi nhận in the left column and, beside it in the right column,
 * the room for the signer's block. The two start on one line, as the cells of one table row,
 * and go together: if what is left of the page cannot hold the taller, both move to a new one.
 */
import type { DocumentFonts } from './document-fonts';
import type { OfficialDocumentInput, ReservedSignerBlock, Rect } from './official-document';
import { CONTENT_HEIGHT, type PageFlow } from './page-flow';
import { BLOCK_SPACING, NATIONAL_COLUMN } from './page-geometry';
import { SIGNER_FONT_SIZE, SIGNER_IMAGE_HEIGHT_MM, signerBlockRect } from './signer-block';
import { drawToPlaces, layoutToPlaces } from './to-places';

export function drawFooter(
  flow: PageFlow,
  fonts: DocumentFonts,
  input: Pick<OfficialDocumentInput, 'signer' | 'toPlaces'>,
): ReservedSignerBlock {
  const column = { x: NATIONAL_COLUMN.x, width: NATIONAL_COLUMN.width };
  const block = signerBlockRect(fonts, input.signer, { ...column, y: 0 });
  const toPlaces = layoutToPlaces(fonts, input.toPlaces);
  const height = Math.max(block[3] - block[1], toPlaces.height);
  if (height > CONTENT_HEIGHT) {
    throw new RangeError('the Nơi nhận list is too long to share a page with the signer');
  }
  flow.space(BLOCK_SPACING);
  const { page, pageIndex, top } = flow.take(height);
  drawToPlaces(page, toPlaces, top);
  const rect: Rect = [block[0], block[1] + top, block[2], block[3] + top];
  return {
    pageIndex,
    anchor: { ...column, y: top },
    rect,
    fontSize: SIGNER_FONT_SIZE,
    imageHeightMm: SIGNER_IMAGE_HEIGHT_MM,
  };
}
