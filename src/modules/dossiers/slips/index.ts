/**
 * The printed papers of the one-stop desk, as PDF (A4, Noto Serif subsets with ToUnicode, so
 * the Vietnamese text can be searched and copied). Pure functions of plain objects: they read
 * nothing and write nothing, the caller stores or sends the bytes.
 *
 * - `renderReceiptSlip`: Mẫu 01 of Circular 01/2018/TT-VPCP, with a QR code of the public
 *   tracking page (`trackingUrl`, `trackingQrMatrix` give its address and modules);
 * - `renderSupplementRequest`: Mẫu 02; `renderRefusalSlip`: Mẫu 03;
 *   `renderApologyLetter`: Mẫu 04;
 * - `renderFeeReceipt`: the receipt of fees and charges, the amount also in words;
 * - `renderResult`: the electronic result, returning with the bytes the empty band where the
 *   digital signature's appearance goes (`signatureBox`, for kernel/signing's `signPdf`).
 *
 * Dates and times are shown on the wall clock of `timezone` (Asia/Ho_Chi_Minh by default).
 */
export { renderReceiptSlip, returnMethodText, trackingQrMatrix } from './receipt-slip';
export type { ReceiptSlipInput, ReceivedDocument } from './receipt-slip';
export { renderSupplementRequest, type SupplementRequestInput } from './supplement-request';
export { renderRefusalSlip, type RefusalSlipInput } from './refusal-slip';
export {
  apologySentence,
  renderApologyLetter,
  type AgencyHead,
  type ApologyLetterInput,
} from './apology-letter';
export {
  FEE_KIND_TEXT,
  paymentMethodText,
  renderFeeReceipt,
  type FeeKind,
  type FeeLine,
  type FeePayment,
  type FeeReceiptInput,
} from './fee-receipt';
export {
  RESULT_SIGNATURE_HEIGHT,
  renderResult,
  signatureBoxRect,
  signatureLayoutOf,
  type RenderedResult,
  type ResultDocumentInput,
  type ResultFact,
  type ResultSigner,
  type SignatureBox,
} from './result-document';
export { amountInWords, formatDong, groupThousands } from './money-words';
export { datelineText } from './place-date-line';
export { vietnameseDate, vietnameseDateTime, wallClock } from './vietnamese-time';
export { qrMatrix, QR_ERROR_CORRECTION, type QrMatrix } from './qr-code';
export { trackingUrl } from './tracking-url';
export type { SlipAgency, SlipApplicant, SlipChannel, SlipTimeZone } from './slip-types';
