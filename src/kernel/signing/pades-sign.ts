/**
 * PAdES baseline B signatures on PDF: the signature goes in as an incremental update (so a
 * signer's signature survives the agency seal and any later signature), the CMS is CAdES
 * (ETSI.CAdES.detached) over the byte range, and the claimed time is the dictionary's /M.
 */
import type { SignatureAppearance } from './appearance';
import { signDetachedCms } from './cms-sign';
import {
  embedPdfSignature,
  hashPdfSignedBytes,
  preparePdfSignature,
  type PdfAppearanceContext,
  type PdfSignatureAppearance,
} from './pdf';
import type { SigningIdentity } from './signing-identity';

export interface PdfSigning {
  identity: SigningIdentity;
  /** The time the platform signs at, written to /M. */
  signingTime: Date;
  /** A visible signature (Decree 30 layout); without it the signature is invisible. */
  appearance?: SignatureAppearance;
  /** 0-based page of the widget (the layout of the document says which). Default 0. */
  pageIndex?: number;
  fieldName?: string;
  /**
   * More visible parts of the same signature on other places or pages (the agency seal's
   * number and date lines); each is a widget of the one signature field.
   */
  extraAppearances?: readonly { pageIndex: number; appearance: SignatureAppearance }[];
  /** Shown by PDF readers: who, why and where. */
  name?: string;
  reason?: string;
  location?: string;
}

/**
 * Room for the DER signature: the certificates it carries, the RSA signature (512 bytes for
 * a 4096-bit key) and the attributes, with a margin. Kept tight because every reserved byte
 * is written twice (hex) and skipped by every verifier's hash.
 */
function contentsSize(identity: SigningIdentity): number {
  const certificates = identity.chain.reduce(
    (sum, der) => sum + der.length,
    identity.certificate.length,
  );
  return certificates + 2048;
}

/** The appearance builders assume a page box at the origin; PDF pages may be offset. */
function placed(appearance: SignatureAppearance) {
  return (context: PdfAppearanceContext): PdfSignatureAppearance => {
    const drawn = appearance({
      pageWidth: context.pageWidth,
      pageHeight: context.pageHeight,
      rotate: context.rotate,
      allocate: context.allocate,
    });
    const [dx, dy] = context.pageBox;
    const [x1, y1, x2, y2] = drawn.rect;
    return { ...drawn, rect: [x1 + dx, y1 + dy, x2 + dx, y2 + dy] };
  };
}

export async function signPdf(pdf: Buffer, signing: PdfSigning): Promise<Buffer> {
  const prepared = preparePdfSignature(pdf, {
    signingTime: signing.signingTime,
    subFilter: 'ETSI.CAdES.detached',
    pageIndex: signing.pageIndex ?? 0,
    contentsSize: contentsSize(signing.identity),
    ...(signing.fieldName ? { fieldName: signing.fieldName } : {}),
    ...(signing.name ? { name: signing.name } : {}),
    ...(signing.reason ? { reason: signing.reason } : {}),
    ...(signing.location ? { location: signing.location } : {}),
    ...(signing.appearance ? { appearance: placed(signing.appearance) } : {}),
    ...(signing.extraAppearances?.length
      ? {
          extraWidgets: signing.extraAppearances.map((extra) => ({
            pageIndex: extra.pageIndex,
            appearance: placed(extra.appearance),
          })),
        }
      : {}),
  });
  const contentDigest = hashPdfSignedBytes(prepared).digest();
  const cms = await signDetachedCms({ contentDigest, identity: signing.identity });
  return embedPdfSignature(prepared, cms);
}
