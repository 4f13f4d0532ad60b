/**
 * Official documents as PDF in the layout of Decree 30/2020/NĐ-CP, Appendix I. The documents
 * module renders an outgoing document for signing with `renderOfficialDocument`; the places it
 * leaves empty are filled by signatures: the signer's block by `signerAppearance` (pass the
 * returned anchor, font size and image height), the number and dateline, once the clerk has
 * registered the document, with `numberLineText` and `datelineText` in the returned rects.
 *
 * Tables owned: none. Events: none published or consumed.
 */
export { datelineText, numberLineText } from './dateline';
export { renderOfficialDocument } from './render-official-document';
export { SIGNER_IMAGE_HEIGHT_MM } from './signer-block';
export type {
  OfficialDocumentInput,
  OfficialDocumentSigner,
  Rect,
  RenderedDocument,
  ReservedLine,
  ReservedSignerBlock,
} from './official-document';
