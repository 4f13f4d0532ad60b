/**
 * Visible digital signatures on PDF, as Decree 30/2020/NĐ-CP Appendix I prescribes them: the
 * signer's block with the handwritten signature image, the agency's seal over its left third,
 * and the agency's stamp at the top right of an attachment in a separate file.
 *
 * Tables owned: none. Events: none published or consumed.
 *
 * Each builder is async (it may decode an image or subset a font the first time) and returns
 * a synchronous `SignatureAppearance` that the PDF writer (`../pdf/`) calls once per document
 * with the target page's size and /Rotate and an object-number allocator:
 *
 *   const signer = await signerAppearance({
 *     anchor: { x: 320, y: 300, width: 220 }, // reader space, points: top left and width
 *     competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Nguyễn Văn Hùng',
 *     signatureImagePng,
 *   });
 *   const seal = await sealAppearance({ signerLayout: signer.layout, sealImagePng, diameterMm: 38 });
 *   const { rect, objects, normalAppearance } = signer.appearance({
 *     pageWidth, pageHeight, rotate, allocate,
 *   });
 *
 * Text is real text (Noto Serif subsets, Identity-H, with ToUnicode), so it can be copied and
 * searched; what does not depend on the document is prepared once and cached.
 */
export type {
  AppearanceContext,
  AppearanceObjects,
  PdfObject,
  Rect,
  SignatureAppearance,
} from './appearance-types';
export {
  attachmentStampAppearance,
  sealAppearance,
  signerAppearance,
  SIGNATURE_IMAGE_HEIGHT_MM,
  SIGNER_FONT_SIZE,
  STAMP_FONT_SIZE,
  type AttachmentStampOptions,
  type SealAppearanceOptions,
  type SignerAppearanceOptions,
  type SignerLayout,
} from './decree30-layout';
export { PT_PER_MM, type Anchor } from './decree30-geometry';
export { textLineAppearance, type TextLineOptions } from './text-line-appearance';
export { imageAppearance, type ImageAppearanceOptions } from './image-appearance';
export { DEMO_SEAL_PIXELS, demoSealPng, demoSignaturePng } from './demo-images';
export { isoWithOffset, VIETNAM_OFFSET_MINUTES } from './iso-time';
export { measureText } from './text-shaping';
export type { FontFace } from './font-files';
