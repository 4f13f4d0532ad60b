/**
 * Reading a CMS SignedData (RFC 5652 §5) far enough to verify it: the certificates it
 * carries and its signer's identifier, digest algorithm, signed attributes and signature.
 * Anything else (CRLs inside the message, unsigned attributes) is left unread.
 */
import {
  children,
  contentOf,
  decodeOid,
  decodeTime,
  DerError,
  encodingOf,
  expectTag,
  readElement,
  TAG,
  type DerElement,
} from './der';
import { OID } from './oids';

export interface ParsedSignerInfo {
  /** DER of the issuer Name and serialNumber INTEGER (absent for a key-identifier sid). */
  issuer?: Buffer;
  serialNumber?: Buffer;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  /** The signed attributes re-tagged as a SET (0x31): the bytes the signature covers. */
  signedAttributes?: Buffer;
  contentType?: string;
  messageDigest?: Buffer;
  signingTime?: Date;
  /** certHash of the ESS signing-certificate-v2 attribute, if present (SHA-256 only). */
  signingCertificateHash?: Buffer;
  signature: Buffer;
}

export interface ParsedSignedData {
  encapsulatedContentType: string;
  /** True when the content is inside the message (not a detached signature). */
  hasContent: boolean;
  certificates: Buffer[];
  signers: ParsedSignerInfo[];
}

function attributeValues(attribute: DerElement): { type: string; values: DerElement[] } {
  const [type, values] = children(expectTag(attribute, TAG.sequence, 'an attribute'));
  return {
    type: decodeOid(type!),
    values: children(expectTag(values, TAG.set, 'attribute values')),
  };
}

function readSignedAttributes(element: DerElement, info: ParsedSignerInfo): void {
  const encoded = Buffer.from(encodingOf(element));
  encoded[0] = TAG.set;
  info.signedAttributes = encoded;
  for (const attribute of children(element)) {
    const { type, values } = attributeValues(attribute);
    const first = values[0];
    if (!first) throw new DerError('an attribute without a value');
    if (type === OID.contentType) info.contentType = decodeOid(first);
    else if (type === OID.messageDigest) {
      info.messageDigest = Buffer.from(contentOf(expectTag(first, TAG.octetString, 'a digest')));
    } else if (type === OID.signingTime) info.signingTime = decodeTime(first);
    else if (type === OID.signingCertificateV2) {
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }
      const certs = children(expectTag(first, TAG.sequence, 'SigningCertificateV2'))[0];
      const firstId = certs ? children(certs)[0] : undefined;
      const parts = firstId ? children(firstId) : [];
      // hashAlgorithm is optional and defaults to SHA-256; only that default is honoured.
      const hash = parts[0]?.tag === TAG.octetString ? parts[0] : undefined;
      if (hash) info.signingCertificateHash = Buffer.from(contentOf(hash));
    }
  }
}

function readSignerInfo(element: DerElement): ParsedSignerInfo {
  const parts = children(expectTag(element, TAG.sequence, 'a SignerInfo'));
  let at = 1; // skip version
  const sid = parts[at++];
  const info: ParsedSignerInfo = {
    digestAlgorithm: '',
    signatureAlgorithm: '',
    signature: Buffer.alloc(0),
  };
  if (sid?.tag === TAG.sequence) {
    const [issuer, serial] = children(sid);
    info.issuer = encodingOf(expectTag(issuer, TAG.sequence, 'issuer'));
    info.serialNumber = encodingOf(expectTag(serial, TAG.integer, 'serialNumber'));
  }
  info.digestAlgorithm = decodeOid(children(expectTag(parts[at++], TAG.sequence, 'digest'))[0]!);
  if (parts[at]?.tag === 0xa0) readSignedAttributes(parts[at++]!, info);
  info.signatureAlgorithm = decodeOid(
    children(expectTag(parts[at++], TAG.sequence, 'signatureAlgorithm'))[0]!,
  );
  info.signature = Buffer.from(contentOf(expectTag(parts[at], TAG.octetString, 'signature')));
  return info;
}

export function parseSignedData(der: Buffer): ParsedSignedData {
  const contentInfo = children(expectTag(readElement(der), TAG.sequence, 'a ContentInfo'));
  if (decodeOid(contentInfo[0]!) !== OID.signedData) throw new DerError('not a SignedData');
  const wrapper = expectTag(contentInfo[1], 0xa0, 'the [0] content');
  const parts = children(expectTag(children(wrapper)[0], TAG.sequence, 'SignedData'));
  const encapsulated = children(expectTag(parts[2], TAG.sequence, 'encapContentInfo'));
  const result: ParsedSignedData = {
    encapsulatedContentType: decodeOid(encapsulated[0]!),
    hasContent: encapsulated.length > 1,
    certificates: [],
    signers: [],
  };
  for (const part of parts.slice(3)) {
    if (part.tag === 0xa0) {
      for (const certificate of children(part)) {
        if (certificate.tag === TAG.sequence) result.certificates.push(encodingOf(certificate));
      }
    } else if (part.tag === TAG.set) {
      result.signers = children(part).map(readSignerInfo);
    }
  }
  return result;
}
