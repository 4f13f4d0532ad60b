/**
 * The one error the PDF structure code throws for input it cannot use. Signing and verifying
 * accept files from citizens and other agencies, so a damaged or unsupported file must end in
 * a reportable error with a stable code, never in a TypeError from deep inside a parser.
 */
export type PdfStructureErrorCode =
  /** No `%PDF-` header near the start: not a PDF at all. */
  | 'not-pdf'
  /** The cross-reference data (startxref, xref table or stream, trailer) cannot be read. */
  | 'bad-xref'
  /** An object is missing, does not parse, or has the wrong type where the structure needs it. */
  | 'bad-object'
  /** The file uses /Encrypt: signing it would need the password and the security handler. */
  | 'encrypted'
  /** Valid PDF, but using a feature this code deliberately does not implement. */
  | 'unsupported'
  /** The caller asked for something the document does not have (e.g. page 12 of 10). */
  | 'invalid-request';

export class PdfStructureError extends Error {
  constructor(
    readonly code: PdfStructureErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfStructureError';
  }
}
