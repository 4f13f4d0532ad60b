/**
 * The bridges between node:crypto's KeyObject (what the signing path uses) and WebCrypto's
 * CryptoKey (what @peculiar/x509 and pkijs want when they issue certificates and keystores).
 */
import { KeyObject, webcrypto } from 'node:crypto';
import { x509 } from './x509-library';
import * as pkijs from 'pkijs';

export const RSA_SIGNING: RsaHashedImportParams & RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
};

let installed = false;

/** Points both libraries at Node's WebCrypto, once. */
export function useNodeWebCrypto(): void {
  if (installed) return;
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  pkijs.setEngine(
    'node',
    new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }),
  );
  installed = true;
}

export async function toCryptoKey(privateKey: KeyObject): Promise<CryptoKey> {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, RSA_SIGNING, false, ['sign']);
}

export function toKeyObject(key: CryptoKey): KeyObject {
  return KeyObject.from(key);
}
