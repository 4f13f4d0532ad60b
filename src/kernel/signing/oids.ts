/** Object identifiers of the algorithms and attributes that CMS and PAdES signatures use. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signature. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  ecdsaWithSHA384: '1.2.840.10045.4.3.3',
  ecPublicKey: '1.2.840.10045.2.1',
} as const;

/** Digest algorithm OID → the name node:crypto knows it by. */
export const DIGEST_NAMES: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/**
 * Signature algorithm OID → the digest it implies (undefined: the digest comes from the
 * SignerInfo's digestAlgorithm, as with plain rsaEncryption).
 */
export const SIGNATURE_ALGORITHMS: Readonly<
  Record<string, { key: 'rsa' | 'ec'; digest?: string }>
> = {
  [OID.rsaEncryption]: { key: 'rsa' },
  [OID.sha256WithRSAEncryption]: { key: 'rsa', digest: 'sha256' },
  [OID.sha384WithRSAEncryption]: { key: 'rsa', digest: 'sha384' },
  [OID.sha512WithRSAEncryption]: { key: 'rsa', digest: 'sha512' },
  [OID.ecdsaWithSHA256]: { key: 'ec', digest: 'sha256' },
  [OID.ecdsaWithSHA384]: { key: 'ec', digest: 'sha384' },
};
