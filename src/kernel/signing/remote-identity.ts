/**
 * Signing with a key that never leaves an HSM or a remote signing service, through the Cloud
 * Signature Consortium API (CSC v2): `credentials/info` gives the certificate chain of a
 * credential, `signatures/signHash` signs digests. Only the SHA-256 digest of the signed
 * attributes travels; the document stays here. Licensed Vietnamese CAs offer remote signing
 * ("ký số từ xa") through services of this kind.
 */
import { createHash } from 'node:crypto';
import { OID } from './oids';
import type { SigningIdentity } from './signing-identity';

export interface RemoteSigningOptions {
  /** Base URL of the service's CSC API, e.g. `https://ky-so.example.vn/csc/v2`. */
  baseUrl: string;
  /** OAuth 2.0 access token for the service. */
  accessToken: string;
  credentialId: string;
  /** Signature activation data, when the credential asks for it per signature. */
  signatureActivationData?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class RemoteSigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RemoteSigningError';
  }
}

async function call<T>(
  options: RemoteSigningOptions,
  path: string,
  body: Record<string, unknown>,
): Promise<T> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl.replace(/\/$/, '')}/${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${options.accessToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new RemoteSigningError(`the signing service cannot be reached: ${String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) {
    // CSC errors are {error, error_description}; neither carries a secret.
    throw new RemoteSigningError(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RemoteSigningError(`${path} answered something that is not JSON`);
  }
}

/** Opens a credential of the remote service as a SigningIdentity (RSA, SHA-256). */
export async function remoteIdentity(options: RemoteSigningOptions): Promise<SigningIdentity> {
  const info = await call<{ cert?: { certificates?: string[] } }>(options, 'credentials/info', {
    credentialID: options.credentialId,
    certificates: 'chain',
  });
  const [certificate, ...chain] = (info.cert?.certificates ?? []).map((b64) =>
    Buffer.from(b64, 'base64'),
  );
  if (!certificate) throw new RemoteSigningError('the credential has no certificate');
  return {
    certificate,
    chain,
    signatureAlgorithm: OID.sha256WithRSAEncryption,
    async sign(data) {
      const digest = createHash('sha256').update(data).digest('base64');
      const signed = await call<{ signatures?: string[] }>(options, 'signatures/signHash', {
        credentialID: options.credentialId,
        ...(options.signatureActivationData ? { SAD: options.signatureActivationData } : {}),
        hashes: [digest],
        hashAlgorithmOID: OID.sha256,
        signAlgo: OID.rsaEncryption,
      });
      const signature = signed.signatures?.[0];
      if (!signature) throw new RemoteSigningError('the service returned no signature');
      return Buffer.from(signature, 'base64');
    },
  };
}
