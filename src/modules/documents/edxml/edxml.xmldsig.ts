/**
 * The XMLDSig vocabulary edXML signatures use, and the subset this system accepts. The axis
 * samples sign with RSA-SHA1 and inclusive C14N (VPCP's SDK, 2018); we sign with RSA-SHA256 and
 * exclusive C14N, and accept SHA-1 only when a caller opts in for legacy senders.
 */
export const ALG = {
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha512: 'http://www.w3.org/2001/04/xmlenc#sha512',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const;

/** Canonicalizations without comments: comments are never part of what is signed. */
export const ACCEPTED_C14N: readonly string[] = [ALG.excC14n, ALG.c14n];

export function acceptedSignatureMethods(allowSha1: boolean): readonly string[] {
  return allowSha1 ? [ALG.rsaSha256, ALG.rsaSha512, ALG.rsaSha1] : [ALG.rsaSha256, ALG.rsaSha512];
}

export function acceptedDigests(allowSha1: boolean): readonly string[] {
  return allowSha1 ? [ALG.sha256, ALG.sha512, ALG.sha1] : [ALG.sha256, ALG.sha512];
}

/** A certificate chain longer than this is not a chain but an attempt to make us work. */
export const MAX_CERTIFICATES = 10;
