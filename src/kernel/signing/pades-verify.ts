/**
 * Verifying every signature of a PDF: for each, whether the bytes it covers are unchanged and
 * signed by its certificate's key, whether that certificate chains to a trusted root and was
 * valid (and not revoked) at the signing time, and what it covers — the whole file, or an
 * earlier revision followed by updates that only added signatures, or by other changes.
 */
import { verifyDetachedCms, type CmsCheck, type SignatureProblem } from './cms-verify';
import { digestSignedRange, findPdfSignatures, type PdfSignatureInfo } from './pdf';
import type { TrustStore } from './trust-store';

export type PdfSignatureProblem =
  | SignatureProblem
  /** /ByteRange or /Contents do not frame the file the way a signature must. */
  | 'BAD_BYTE_RANGE'
  /** Later revisions changed more than signatures (content, annotations, form values…). */
  | 'CHANGED_AFTER_SIGNING';

export interface PdfSignatureCheck {
  fieldName: string;
  subFilter: string | null;
  /** /M: when the signer claims to have signed. */
  claimedSigningTime: Date | null;
  reason: string | null;
  location: string | null;
  pageIndex: number | null;
  /** The covered bytes are unchanged and the certificate's key signed them. */
  intact: boolean;
  /** Intact, trusted, and nothing but signatures added after it. */
  valid: boolean;
  problems: PdfSignatureProblem[];
  cms: CmsCheck;
  /** Bytes of the file this signature covers (its revision), and whether that is all of it. */
  revisionLength: number | null;
  coversWholeFile: boolean;
  /** Updates after this signature's revision, each with what it changed. */
  laterRevisions: PdfSignatureInfo['laterRevisions'];
}

export interface PdfVerification {
  /** 'unsigned' when the file has no signature at all. */
  outcome: 'valid' | 'invalid' | 'unsigned';
  signatures: PdfSignatureCheck[];
}

function checkOne(pdf: Buffer, info: PdfSignatureInfo, trust: TrustStore, now?: Date) {
  const structural: PdfSignatureProblem[] = info.problems.length > 0 ? ['BAD_BYTE_RANGE'] : [];
  const cms = verifyDetachedCms({
    cms: info.contents,
    digestOf: (algorithm) =>
      info.byteRange ? digestSignedRange(pdf, info, algorithm) : Buffer.alloc(0),
    trust,
    ...(info.signingTimeClaimed ? { claimedTime: info.signingTimeClaimed } : {}),
    ...(now ? { now } : {}),
  });
  const problems: PdfSignatureProblem[] = [...structural, ...cms.problems];
  if (!info.laterChangesAllowed) problems.push('CHANGED_AFTER_SIGNING');
  const intact = cms.intact && structural.length === 0;
  const check = {
    fieldName: info.fieldName,
    subFilter: info.subFilter,
    claimedSigningTime: info.signingTimeClaimed,
    reason: info.reason,
    location: info.location,
  };
  Object.defineProperty(check, SIGNATURE_INFO, { value: info });
  Object.defineProperty(check, 'pageIndex', PAGE_INDEX);
  // Added after pageIndex, so that the properties keep the order of the interface.
  return Object.assign(check, {
    intact,
    valid: intact && cms.valid && info.laterChangesAllowed,
    problems,
    cms,
    revisionLength: info.revisionEnd,
    coversWholeFile: info.coversWholeFile,
    laterRevisions: info.laterRevisions,
  } satisfies Omit<PdfSignatureCheck, keyof typeof check | 'pageIndex'>) as PdfSignatureCheck;
}

/** The signature's description, a non-enumerable property of its check. */
const SIGNATURE_INFO = Symbol('signatureInfo');

/**
 * A check's `pageIndex` is the description's, read only when asked for (it is looked up in
 * the page tree). One getter serves every check, for the reason given in
 * signature-discovery: a getter in the object literal costs the GC far more.
 */
const PAGE_INDEX: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: { [SIGNATURE_INFO]: PdfSignatureInfo }): number | null {
    return this[SIGNATURE_INFO].pageIndex;
  },
};

/** Throws PdfStructureError when the file is not a readable PDF. */
export function verifyPdf(pdf: Buffer, trust: TrustStore, now?: Date): PdfVerification {
  const found = findPdfSignatures(pdf);
  const signatures = found.map((info) => checkOne(pdf, info, trust, now));
  const outcome =
    signatures.length === 0 ? 'unsigned' : signatures.every((s) => s.valid) ? 'valid' : 'invalid';
  return { outcome, signatures };
}
