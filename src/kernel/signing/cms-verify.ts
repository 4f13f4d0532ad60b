/**
 * Verifying a detached CMS signature: integrity (the content's digest equals the signed
 * message-digest attribute, and the signer's key made the signature over the attributes),
 * the binding of the certificate (ESS signing-certificate-v2), then trust through the chain.
 */
import { verify as cryptoVerify } from 'node:crypto';
import { certificateFields } from './certificate-fields';
import { knownCertificate, type KnownCertificate } from './certificate-cache';
import { parseSignedData, type ParsedSignerInfo } from './cms-parse';
import { DIGEST_NAMES, OID, SIGNATURE_ALGORITHMS } from './oids';
import type { ChainProblem, ChainResult, TrustStore } from './trust-store';

export type IntegrityProblem =
  | 'MALFORMED'
  | 'NOT_DETACHED'
  | 'NO_SIGNER'
  | 'SIGNER_CERTIFICATE_MISSING'
  | 'NO_SIGNED_ATTRIBUTES'
  | 'UNSUPPORTED_ALGORITHM'
  | 'DIGEST_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'CERTIFICATE_BINDING_MISMATCH';

export type SignatureProblem = IntegrityProblem | ChainProblem;

export interface CmsCheck {
  /** Nothing covered by the signature changed, and the certificate's key made it. */
  intact: boolean;
  /** Intact, and the signer's certificate chains to a trusted root, valid at signing time. */
  valid: boolean;
  problems: SignatureProblem[];
  signer?: KnownCertificate;
  /** The signing-time attribute, if the signature has one. */
  signingTime?: Date;
  /** The time certificates were judged at: the signing time, else the claimed one, else now. */
  judgedAt: Date;
  digestAlgorithm?: string;
  chain?: ChainResult;
}

export interface DetachedCmsInput {
  cms: Buffer;
  /** The content's digest with the named node:crypto algorithm (sha256, sha384, sha512). */
  digestOf: (algorithm: string) => Buffer;
  trust: TrustStore;
  /** A time claimed outside the CMS (a PDF's /M), used when there is no signing-time. */
  claimedTime?: Date;
  now?: Date;
}

function findSigner(signer: ParsedSignerInfo, certificates: readonly Buffer[]) {
  if (!signer.issuer || !signer.serialNumber) return undefined;
  return certificates.find((der) => {
    const fields = certificateFields(der);
    return fields.serialNumber.equals(signer.serialNumber!) && fields.issuer.equals(signer.issuer!);
  });
}

function failure(problem: IntegrityProblem, judgedAt: Date): CmsCheck {
  return { intact: false, valid: false, problems: [problem], judgedAt };
}

export function verifyDetachedCms(input: DetachedCmsInput): CmsCheck {
  const now = input.now ?? new Date();
  let parsed;
  try {
    parsed = parseSignedData(input.cms);
  } catch {
    return failure('MALFORMED', input.claimedTime ?? now);
  }
  if (parsed.hasContent) return failure('NOT_DETACHED', input.claimedTime ?? now);
  const signer = parsed.signers[0];
  if (!signer) return failure('NO_SIGNER', input.claimedTime ?? now);
  const judgedAt = signer.signingTime ?? input.claimedTime ?? now;
  const certificateDer = findSigner(signer, parsed.certificates);
  if (!certificateDer) return failure('SIGNER_CERTIFICATE_MISSING', judgedAt);
  const certificate = knownCertificate(certificateDer);
  const result: CmsCheck = {
    intact: false,
    valid: false,
    problems: [],
    signer: certificate,
    judgedAt,
    ...(signer.signingTime ? { signingTime: signer.signingTime } : {}),
  };
  const digestName = DIGEST_NAMES[signer.digestAlgorithm];
  const algorithm = SIGNATURE_ALGORITHMS[signer.signatureAlgorithm];
  if (!digestName || !algorithm) return { ...result, problems: ['UNSUPPORTED_ALGORITHM'] };
  result.digestAlgorithm = digestName;
  // Without signed attributes the signature is over the content itself, which a detached
  // check by digest cannot verify; PAdES and CAdES both require the attributes anyway.
  if (!signer.signedAttributes || !signer.messageDigest || signer.contentType !== OID.data) {
    return { ...result, problems: ['NO_SIGNED_ATTRIBUTES'] };
  }
  const problems: SignatureProblem[] = [];
  if (!input.digestOf(digestName).equals(signer.messageDigest)) problems.push('DIGEST_MISMATCH');
  const signatureDigest = algorithm.digest ?? digestName;
  let signatureOk: boolean;
  try {
    signatureOk = cryptoVerify(
      signatureDigest,
      signer.signedAttributes,
      certificate.x509.publicKey,
      signer.signature,
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) problems.push('BAD_SIGNATURE');
  // The certificate's fingerprint is the SHA-256 of its DER, the ESS attribute's certHash.
  if (
    signer.signingCertificateHash &&
    signer.signingCertificateHash.toString('hex') !== certificate.fingerprint
  ) {
    problems.push('CERTIFICATE_BINDING_MISMATCH');
  }
  result.intact = problems.length === 0;
  const chain = input.trust.validate(certificateDer, parsed.certificates, judgedAt);
  result.chain = chain;
  problems.push(...chain.problems);
  result.problems = problems;
  result.valid = result.intact && chain.trusted;
  return result;
}
