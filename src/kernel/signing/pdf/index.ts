/**
 * The PDF-structure half of PAdES: placing a signature into a PDF as an incremental update and
 * finding the signatures of a PDF for verification. The CMS itself is made and checked
 * elsewhere; these functions only hand over the covered bytes and take back the DER.
 */
export { PdfStructureError, type PdfStructureErrorCode } from './pdf-structure-error';
export {
  preparePdfSignature,
  embedPdfSignature,
  hashPdfSignedBytes,
  pdfSignedBytes,
  type PdfAppearanceContext,
  type PdfSignatureAppearance,
  type PdfSignatureOptions,
  type PdfSignatureSubFilter,
  type PreparedPdfSignature,
} from './signature-placeholder';
export {
  findPdfSignatures,
  hashSignedRange,
  digestSignedRange,
  type PdfSignatureInfo,
} from './signature-discovery';
export type { PdfChangeKind, PdfLaterRevision, PdfObjectChange } from './revision-changes';
export { digestByteRange, updateHashWithByteRange, type PdfByteRange } from './byte-range';

// For building appearance objects (Form XObjects, fonts) returned by an appearance callback.
export { PdfDict, PdfName, PdfRef, PdfString, pdfDict, type PdfValue } from './pdf-values';
export { serializePdfValue, streamObjectBody, valueObjectBody } from './pdf-serialize';
export { encodePdfText } from './pdf-text';

// Lower level: reading a document and writing other incremental updates.
export { PdfReader, type PdfBox, type PdfPage } from './pdf-reader';
export {
  appendIncrementalUpdate,
  createObjectAllocator,
  type IncrementalUpdate,
  type PdfObjectWrite,
} from './pdf-incremental';
