/**
 * What a person (or a client) is told about a signed file: for each signature, who signed,
 * when, whether the signed content is intact, whether the certificate is trusted and was
 * valid then, whether it was revoked, and what the signature covers. Plain data, ready for
 * the API and the report page; problem codes are explained in the page's language.
 */
import type { CmsCheck } from './cms-verify';
import type { KnownCertificate } from './certificate-cache';
import { nameField } from './certificate-cache';
import type { PdfSignatureCheck, PdfVerification } from './pades-verify';

export interface CertificateView {
  commonName: string;
  organization: string | null;
  serialNumber: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
}

export interface SignatureView {
  signer: CertificateView | null;
  /** The chain from the signer's certificate up to the trusted root, when one was reached. */
  chain: CertificateView[];
  /** The time claimed by the signer (PDF /M, or CMS signing-time). */
  claimedSigningTime: string | null;
  intact: boolean;
  trusted: boolean;
  valid: boolean;
  problems: string[];
  revocation: 'not_checked' | 'good' | 'revoked';
  revokedAt: string | null;
  /** PDF only: the signature field, page, reason, place, and what it covers. */
  fieldName: string | null;
  pageIndex: number | null;
  reason: string | null;
  location: string | null;
  coverage:
    'whole_file' | 'earlier_revision_then_signatures' | 'earlier_revision_then_changes' | null;
}

export interface VerificationReport {
  kind: 'pdf' | 'cms';
  fileName: string;
  fileSha256: string;
  size: number;
  outcome: 'valid' | 'invalid' | 'unsigned';
  checkedAt: string;
  signatures: SignatureView[];
}

function certificateView(certificate: KnownCertificate): CertificateView {
  const subject = certificate.x509.subject;
  return {
    commonName: nameField(subject, 'CN') ?? subject,
    organization: nameField(subject, 'O') ?? null,
    serialNumber: certificate.serialNumber,
    issuer: nameField(certificate.x509.issuer, 'CN') ?? certificate.x509.issuer,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    fingerprint: certificate.fingerprint,
  };
}

function cmsPart(cms: CmsCheck) {
  const revocation = cms.chain?.revocation;
  return {
    signer: cms.signer ? certificateView(cms.signer) : null,
    chain: cms.chain?.chain.map(certificateView) ?? [],
    trusted: cms.chain?.trusted ?? false,
    revocation: !revocation?.checked
      ? ('not_checked' as const)
      : revocation.revoked
        ? ('revoked' as const)
        : ('good' as const),
    revokedAt:
      revocation?.checked && revocation.revoked ? revocation.revokedAt.toISOString() : null,
  };
}

function pdfSignatureView(check: PdfSignatureCheck): SignatureView {
  const laterOk = check.laterRevisions.every((revision) => revision.allowed);
  return {
    ...cmsPart(check.cms),
    claimedSigningTime: (check.cms.signingTime ?? check.claimedSigningTime)?.toISOString() ?? null,
    intact: check.intact,
    valid: check.valid,
    problems: check.problems,
    fieldName: check.fieldName,
    pageIndex: check.pageIndex,
    reason: check.reason,
    location: check.location,
    coverage: check.coversWholeFile
      ? 'whole_file'
      : laterOk
        ? 'earlier_revision_then_signatures'
        : 'earlier_revision_then_changes',
  };
}

export function pdfReport(
  file: { name: string; sha256: string; size: number },
  verification: PdfVerification,
  checkedAt: Date,
): VerificationReport {
  return {
    kind: 'pdf',
    fileName: file.name,
    fileSha256: file.sha256,
    size: file.size,
    outcome: verification.outcome,
    checkedAt: checkedAt.toISOString(),
    signatures: verification.signatures.map(pdfSignatureView),
  };
}

export function cmsReport(
  file: { name: string; sha256: string; size: number },
  cms: CmsCheck,
  checkedAt: Date,
): VerificationReport {
  return {
    kind: 'cms',
    fileName: file.name,
    fileSha256: file.sha256,
    size: file.size,
    outcome: cms.valid ? 'valid' : 'invalid',
    checkedAt: checkedAt.toISOString(),
    signatures: [
      {
        ...cmsPart(cms),
        claimedSigningTime: cms.signingTime?.toISOString() ?? null,
        intact: cms.intact,
        valid: cms.valid,
        problems: cms.problems,
        fieldName: null,
        pageIndex: null,
        reason: null,
        location: null,
        coverage: null,
      },
    ],
  };
}
