/**
 * The visible digital signatures of Decree 30/2020/NĐ-CP, Appendix I:
 *
 * - the signer's signature on the main document (signer-appearance.ts);
 * - the agency's seal over it (seal-appearance.ts);
 * - the agency's stamp on an attachment in a separate file (attachment-stamp.ts).
 *
 * Times New Roman is replaced by Noto Serif, a close serif that has every Vietnamese letter.
 * Each builder prepares what does not depend on the target document (font subset, image,
 * content stream) and returns a `SignatureAppearance` for the PDF writer to call per document.
 */
export {
  signerAppearance,
  SIGNATURE_IMAGE_HEIGHT_MM,
  SIGNER_FONT_SIZE,
  type SignerAppearanceOptions,
  type SignerLayout,
} from './signer-appearance';
export { sealAppearance, type SealAppearanceOptions } from './seal-appearance';
export {
  attachmentStampAppearance,
  STAMP_FONT_SIZE,
  type AttachmentStampOptions,
} from './attachment-stamp';
