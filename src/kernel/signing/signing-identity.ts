/**
 * Who signs: a certificate and something that can make signatures with its private key.
 *
 * The software identity holds the key in memory (from a PKCS#12 keystore: development and
 * small deployments). Production can put the key in an HSM or a remote signing service by
 * implementing `sign` over the network; nothing else in the signing code touches the key.
 */
import { createPublicKey, sign as cryptoSign, X509Certificate, type KeyObject } from 'node:crypto';
import { OID } from './oids';

export interface SigningIdentity {
  /** The signer's certificate, DER. */
  readonly certificate: Buffer;
  /** Certificates between the signer's and a trusted root (nearest first), DER; may be empty. */
  readonly chain: readonly Buffer[];
  /** Signature algorithm OID written into the SignerInfo. */
  readonly signatureAlgorithm: string;
  /** Signs `data` with SHA-256 and the identity's key; a remote signer sends only the digest. */
  sign(data: Buffer): Promise<Buffer>;
}

export function signatureAlgorithmFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return OID.sha256WithRSAEncryption;
  if (key.asymmetricKeyType === 'ec') return OID.ecdsaWithSHA256;
  throw new Error(`keys of type ${key.asymmetricKeyType ?? 'unknown'} cannot sign CMS here`);
}

/** An identity whose private key is in this process. */
export function softwareIdentity(
  privateKey: KeyObject,
  certificate: Buffer,
  chain: readonly Buffer[] = [],
): SigningIdentity {
  // A key that does not match the certificate makes signatures nobody can verify; say so now.
  if (!createPublicKey(privateKey).equals(new X509Certificate(certificate).publicKey)) {
    throw new Error('the private key does not belong to the certificate');
  }
  const signatureAlgorithm = signatureAlgorithmFor(privateKey);
  return {
    certificate,
    chain,
    signatureAlgorithm,
    async sign(data) {
      return cryptoSign('sha256', data, privateKey);
    },
  };
}
