/**
 * PKCS#12 keystores (RFC 7292): the software keystore of one signer or one agency seal.
 *
 * Written the way OpenSSL 3 writes them by default (PBES2 with PBKDF2-SHA-256 and
 * AES-256-CBC for the key and the certificates, an HMAC-SHA-256 integrity MAC), so an
 * operator can inspect or move them with `openssl pkcs12` and import them into other tools.
 */
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { useNodeWebCrypto } from './webcrypto';

const BAG_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERTIFICATE = '1.2.840.113549.1.12.10.1.3';
/** PBKDF2 rounds for the encrypted bags; the MAC uses PKCS#12's own KDF, computed in JS. */
const PBKDF2_ITERATIONS = 100_000;
const MAC_ITERATIONS = 2048;

export class KeystoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeystoreError';
  }
}

interface ShroudedKeyBagReader {
  parseInternalValues(parameters: { password: ArrayBuffer }): Promise<void>;
  parsedValue?: pkijs.PrivateKeyInfo;
}

export interface KeystoreContents {
  privateKey: KeyObject;
  /** The key's own certificate, DER. */
  certificate: Buffer;
  /** The other certificates in the store (the issuing chain), DER. */
  chain: Buffer[];
}

/** pkijs wants ArrayBuffers that are exactly the bytes (a Buffer may view a shared pool). */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

export async function writePkcs12(contents: KeystoreContents, password: string): Promise<Buffer> {
  useNodeWebCrypto();
  // pkijs turns the UTF-8 password into the BMPString PKCS#12's MAC needs by itself.
  const passwordBytes = arrayBuffer(new TextEncoder().encode(password));
  const keyInfo = pkijs.PrivateKeyInfo.fromBER(
    arrayBuffer(contents.privateKey.export({ type: 'pkcs8', format: 'der' })),
  );
  const certificateBags = [contents.certificate, ...contents.chain].map(
    (der) =>
      new pkijs.SafeBag({
        bagId: BAG_CERTIFICATE,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(arrayBuffer(der)) }),
      }),
  );
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        {
          privacyMode: 0,
          value: new pkijs.SafeContents({
            safeBags: [new pkijs.SafeBag({ bagId: BAG_SHROUDED_KEY, bagValue: keyBag })],
          }),
        },
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certificateBags }) },
      ],
    },
  });
  const encryption: Parameters<pkijs.PKCS8ShroudedKeyBag['makeInternalValues']>[0] = {
    password: passwordBytes,
    // The type asks for an IV, but pkijs draws a fresh random one for every encryption and
    // ignores this field.
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256, iv: new Uint8Array(16) },
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: PBKDF2_ITERATIONS,
  };
  await keyBag.makeInternalValues(encryption);
  await authenticatedSafe.makeInternalValues({ safeContents: [{}, encryption] });
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues({
    password: passwordBytes,
    iterations: MAC_ITERATIONS,
    pbkdf2HashAlgorithm: 'SHA-256',
    hmacHashAlgorithm: 'SHA-256',
  });
  return Buffer.from(pfx.toSchema().toBER(false));
}

export async function readPkcs12(der: Buffer, password: string): Promise<KeystoreContents> {
  useNodeWebCrypto();
  const passwordBytes = arrayBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(arrayBuffer(der));
  } catch {
    throw new KeystoreError('not a PKCS#12 keystore');
  }
  try {
    await pfx.parseInternalValues({ password: passwordBytes, checkIntegrity: true });
  } catch {
    throw new KeystoreError('wrong password or damaged keystore');
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new KeystoreError('the keystore holds no authenticated safe');
  // Each SafeContents is either plain (privacy mode 0) or password-encrypted (mode 1).
  await safe.parseInternalValues({
    safeContents: safe.safeContents.map(() => ({ password: passwordBytes })),
  });
  let privateKey: KeyObject | undefined;
  const certificates: Buffer[] = [];
  for (const contents of safe.parsedValue.safeContents) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagId === BAG_SHROUDED_KEY) {
        // pkijs declares the decrypting step protected, though it is the only way to reach
        // the key of a shrouded bag read from a file.
        const shrouded = bag.bagValue as unknown as ShroudedKeyBagReader;
        await shrouded.parseInternalValues({ password: passwordBytes });
        const info = shrouded.parsedValue;
        if (!info) throw new KeystoreError('the private key could not be decrypted');
        privateKey = createPrivateKey({
          key: Buffer.from(info.toSchema().toBER(false)),
          format: 'der',
          type: 'pkcs8',
        });
      } else if (bag.bagId === BAG_CERTIFICATE) {
        const certBag = bag.bagValue as pkijs.CertBag;
        certificates.push(
          Buffer.from((certBag.parsedValue as pkijs.Certificate).toSchema().toBER(false)),
        );
      }
    }
  }
  if (!privateKey) throw new KeystoreError('the keystore holds no private key');
  const publicKey = createPublicKey(privateKey);
  const own = certificates.findIndex((der) => new X509Certificate(der).publicKey.equals(publicKey));
  if (own < 0) throw new KeystoreError('the keystore holds no certificate for its key');
  const certificate = certificates[own]!;
  certificates.splice(own, 1);
  return { privateKey, certificate, chain: certificates };
}
