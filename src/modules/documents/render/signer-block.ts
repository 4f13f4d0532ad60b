/**
 * The room left for the signer's visible signature. The renderer draws nothing there: the
 * signer's appearance (kernel/signing/appearance) writes the competence, the position, the
 * handwritten signature and the name when the document is signed, so the block is measured
 * with the very geometry that appearance uses and reserved whole, never split over pages.
 */
import {
  PT_PER_MM,
  signerBlockGeometry,
  type Anchor,
} from '../../../kernel/signing/appearance/decree30-geometry';
import { SIGNER_FONT_SIZE } from '../../../kernel/signing/appearance/signer-appearance';
import { wrapIn } from './column-text';
import { ascentOf, descentOf, widthOf, type DocumentFonts } from './document-fonts';
import type { OfficialDocumentSigner, Rect } from './official-document';
import { oneLine } from './text-wrap';

/**
 * The signature image's height. The kernel's default (20 mm, three blank lines) suits a
 * signature alone; an agency's seal, 35–42 mm across, is later centred on the image's left
 * third, and 35 mm between the position and the name keeps most of the seal off both lines.
 */
export const SIGNER_IMAGE_HEIGHT_MM = 35;
export { SIGNER_FONT_SIZE };

/** The rect the signer's appearance will cover when its block's top left is `anchor`. */
export function signerBlockRect(
  fonts: DocumentFonts,
  signer: OfficialDocumentSigner,
  anchor: Anchor,
): Rect {
  const style = { font: fonts.bold, size: SIGNER_FONT_SIZE };
  // As the appearance sets them: capitals, each line wrapped to the block's width.
  const headings = [...competenceLines(signer.competence), signer.position]
    .map((line) => oneLine(line).toLocaleUpperCase('vi'))
    .filter(Boolean)
    .flatMap((line) => wrapIn(line, style, anchor.width));
  const geometry = signerBlockGeometry({
    anchor,
    fontSize: SIGNER_FONT_SIZE,
    metrics: {
      ascent: ascentOf(style) / SIGNER_FONT_SIZE,
      descent: descentOf(style) / SIGNER_FONT_SIZE,
    },
    headingWidths: headings.map((line) => line.width),
    nameWidth: widthOf(style, oneLine(signer.fullName)),
    // Any signature no wider than the column keeps the full height: reserve for that case.
    imagePixels: { width: 1, height: 1 },
    imageHeight: SIGNER_IMAGE_HEIGHT_MM * PT_PER_MM,
  });
  return geometry.rect;
}

function competenceLines(competence: OfficialDocumentSigner['competence']): string[] {
  if (competence === undefined) return [];
  return typeof competence === 'string' ? competence.split('\n') : [...competence];
}
