/**
 * XML signatures of edXML packets: one enveloped signature inside `edXMLHeader`, whose single
 * reference (URI "") covers the whole document — header, manifest and the encoded files — minus
 * the signature itself. The signer's certificate, and the chain if given, go in KeyInfo.
 *
 * Verifying refuses every shape that lets signed content and acted-on content differ (XML
 * signature wrapping): a second signature, a signature elsewhere than in the header, a
 * reference to anything but the whole document, transforms that could drop content, and
 * content inside the signature that the signature does not cover. As a last guard, the content
 * the signature library verified is compared with our own strict parse of the same bytes, so a
 * difference between two XML parsers cannot be exploited either.
 *
 * Trust is not decided here: the caller checks the returned certificates against its roots.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { C14nCanonicalization, ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { EdxmlError } from './edxml.errors';
import { locateEnvelope, type EnvelopeParts } from './edxml.envelope';
import { DSIG_NS, EDXML_NS } from './edxml.names';
import {
  ACCEPTED_C14N,
  ALG,
  MAX_CERTIFICATES,
  acceptedDigests,
  acceptedSignatureMethods,
} from './edxml.xmldsig';
import { elementChildren, parseXml, stripBom } from './xml-reader';

export interface SignOptions {
  /** RSA private key of the signer, as a KeyObject or PEM. */
  privateKey: KeyObject | string;
  /** The signer's certificate first, then its chain (PEM; a bundle in one string is fine). */
  certificateChainPem: string[];
}

export type VerifyFailure =
  | 'unsigned'
  | 'malformed'
  | 'dtd-forbidden'
  | 'not-edxml'
  | 'multiple-signatures'
  | 'signature-misplaced'
  | 'unexpected-signature-content'
  | 'bad-reference'
  | 'bad-transforms'
  | 'unsupported-algorithm'
  | 'no-certificate'
  | 'bad-certificate'
  | 'digest-mismatch'
  | 'signature-mismatch'
  | 'signed-content-mismatch';

export interface VerifyResult {
  valid: boolean;
  reason?: VerifyFailure;
  /** Certificates from KeyInfo, the one that verified the signature first. Empty if none. */
  signerCertificatesDer: Buffer[];
}

export interface VerifyOptions {
  /** Accept RSA-SHA1 and SHA-1 digests, as the axis samples of 2018 use. Default false. */
  allowSha1?: boolean;
}

// ---------------------------------------------------------------- signing

export function signEdxml(input: string, options: SignOptions): string {
  const xml = stripBom(input);
  const doc = parseXml(xml);
  const parts = locateEnvelope(doc);
  if (doc.getElementsByTagNameNS(DSIG_NS, 'Signature').length > 0) {
    throw new EdxmlError('EDXML_ALREADY_SIGNED');
  }
  const certificates = readCertificates(options.certificateChainPem);
  const key = toPrivateKey(options.privateKey);
  if (!certificates[0]!.checkPrivateKey(key)) {
    throw new EdxmlError('EDXML_SIGNING_KEY_INVALID', {
      reason: 'the private key does not belong to the first certificate',
    });
  }
  const signer = new SignedXml({
    privateKey: key,
    signatureAlgorithm: ALG.rsaSha256,
    canonicalizationAlgorithm: ALG.excC14n,
    getKeyInfoContent: ({ prefix } = {}) => x509Data(prefix ?? '', certificates),
  });
  signer.addReference({
    xpath: '/*',
    transforms: [ALG.envelopedSignature, ALG.excC14n],
    digestAlgorithm: ALG.sha256,
    isEmptyUri: true,
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: headerXPath(parts), action: 'append' },
  });
  return signer.getSignedXml();
}

function readCertificates(pems: string[]): X509Certificate[] {
  const blocks = pems.flatMap(
    (pem) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [],
  );
  if (blocks.length === 0 || blocks.length > MAX_CERTIFICATES) {
    throw new EdxmlError('EDXML_SIGNING_KEY_INVALID', {
      reason: `give 1 to ${MAX_CERTIFICATES} PEM certificates, the signer's first`,
    });
  }
  return blocks.map((pem) => {
    try {
      return new X509Certificate(pem);
    } catch {
      throw new EdxmlError('EDXML_SIGNING_KEY_INVALID', { reason: 'a certificate does not parse' });
    }
  });
}

function toPrivateKey(key: KeyObject | string): KeyObject {
  let object: KeyObject;
  try {
    object = typeof key === 'string' ? createPrivateKey(key) : key;
  } catch {
    throw new EdxmlError('EDXML_SIGNING_KEY_INVALID', { reason: 'the private key does not parse' });
  }
  if (object.type !== 'private' || object.asymmetricKeyType !== 'rsa') {
    throw new EdxmlError('EDXML_SIGNING_KEY_INVALID', { reason: 'an RSA private key is required' });
  }
  return object;
}

function x509Data(prefix: string, certificates: X509Certificate[]): string {
  const p = prefix ? `${prefix}:` : '';
  const certs = certificates
    .map((c) => `<${p}X509Certificate>${c.raw.toString('base64')}</${p}X509Certificate>`)
    .join('');
  return `<${p}X509Data>${certs}</${p}X509Data>`;
}

function headerXPath(parts: EnvelopeParts): string {
  const step = (name: string) => `*[local-name()='${name}' and namespace-uri()='${EDXML_NS}']`;
  const steps = [parts.root, parts.envelope, parts.header]
    .filter((c, i, all) => all.indexOf(c) === i)
    .map((c) => step(c.element.localName));
  return `/${steps.join('/')}`;
}

// ---------------------------------------------------------------- verifying

class Refusal extends Error {
  constructor(readonly reason: VerifyFailure) {
    super(reason);
  }
}

export function verifyEdxml(xml: string, options: VerifyOptions = {}): VerifyResult {
  try {
    return verifyOrThrow(xml, options.allowSha1 ?? false);
  } catch (error) {
    if (error instanceof Refusal) {
      return { valid: false, reason: error.reason, signerCertificatesDer: [] };
    }
    if (error instanceof EdxmlError) {
      const reason: VerifyFailure =
        error.code === 'EDXML_DTD_FORBIDDEN'
          ? 'dtd-forbidden'
          : error.code === 'EDXML_MALFORMED'
            ? 'malformed'
            : 'not-edxml';
      return { valid: false, reason, signerCertificatesDer: [] };
    }
    throw error;
  }
}

function verifyOrThrow(input: string, allowSha1: boolean): VerifyResult {
  const xml = stripBom(input);
  const doc = parseXml(xml);
  const parts = locateEnvelope(doc);
  const signatures = doc.getElementsByTagNameNS(DSIG_NS, 'Signature');
  if (signatures.length === 0) throw new Refusal('unsigned');
  if (signatures.length > 1) throw new Refusal('multiple-signatures');
  const signature = signatures.item(0)!;
  if (signature.parentNode !== parts.header.element) throw new Refusal('signature-misplaced');

  const shape = checkShape(signature, allowSha1);
  const certificates = shape.certificates.map((der) => {
    try {
      return new X509Certificate(der);
    } catch {
      throw new Refusal('bad-certificate');
    }
  });

  // The signer is whichever listed certificate verifies; it is returned first.
  for (const [index, certificate] of certificates.entries()) {
    const checked = checkWith(xml, signature, certificate);
    if (checked === 'digest-mismatch') throw new Refusal('digest-mismatch');
    if (checked === 'signature-mismatch') continue;
    if (checked.signedContent !== canonicalWithoutSignature(doc, signature, shape)) {
      throw new Refusal('signed-content-mismatch');
    }
    const ordered = [certificate, ...certificates.filter((_, i) => i !== index)];
    return { valid: true, signerCertificatesDer: ordered.map((c) => c.raw) };
  }
  throw new Refusal('signature-mismatch');
}

interface SignatureShape {
  certificates: Buffer[];
  transforms: string[];
  /** Exclusive C14N's InclusiveNamespaces PrefixList, which changes the canonical form. */
  inclusivePrefixes: string[];
}

/** Text inside the signature is not signed either (only SignedInfo is): allow layout only. */
function refuseText(parent: Element): void {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === 3 || n.nodeType === 4) && (n.nodeValue ?? '').trim() !== '') {
      throw new Refusal('unexpected-signature-content');
    }
  }
}

/** Element children in the XMLDSig namespace with the given names, in this order, and nothing else. */
function dsigChildren(parent: Element, expected: string[], optional: string[] = []): Element[] {
  refuseText(parent);
  const children = elementChildren(parent);
  const names = children.map((c) =>
    c.namespaceURI === DSIG_NS ? c.localName : `{${c.namespaceURI}}`,
  );
  const wanted = expected.filter((name) => names.includes(name) || !optional.includes(name));
  if (names.length !== wanted.length || names.some((name, i) => name !== wanted[i])) {
    throw new Refusal('unexpected-signature-content');
  }
  return children;
}

const algorithmOf = (element: Element | undefined): string =>
  element?.getAttribute('Algorithm') ?? '';

function checkShape(signature: Element, allowSha1: boolean): SignatureShape {
  const [signedInfo, , keyInfo] = dsigChildren(signature, [
    'SignedInfo',
    'SignatureValue',
    'KeyInfo',
  ]);
  return { ...checkSignedInfo(signedInfo!, allowSha1), certificates: readKeyInfo(keyInfo!) };
}

function checkSignedInfo(
  signedInfo: Element,
  allowSha1: boolean,
): Omit<SignatureShape, 'certificates'> {
  const references = elementChildren(signedInfo).filter((e) => e.localName === 'Reference');
  if (references.length !== 1) throw new Refusal('bad-reference');
  const [c14n, method, reference] = dsigChildren(signedInfo, [
    'CanonicalizationMethod',
    'SignatureMethod',
    'Reference',
  ]);
  if (!ACCEPTED_C14N.includes(algorithmOf(c14n))) throw new Refusal('unsupported-algorithm');
  if (!acceptedSignatureMethods(allowSha1).includes(algorithmOf(method))) {
    throw new Refusal('unsupported-algorithm');
  }
  // Only the whole document: a URI naming an element is what wrapping attacks redirect.
  if (reference!.getAttribute('URI') !== '' || !reference!.hasAttribute('URI')) {
    throw new Refusal('bad-reference');
  }
  const parts = dsigChildren(
    reference!,
    ['Transforms', 'DigestMethod', 'DigestValue'],
    ['Transforms'],
  );
  const digest = parts.find((e) => e.localName === 'DigestMethod');
  if (!acceptedDigests(allowSha1).includes(algorithmOf(digest))) {
    throw new Refusal('unsupported-algorithm');
  }
  return checkTransforms(parts.find((e) => e.localName === 'Transforms'));
}

/**
 * The signature sits inside what it signs, so the enveloped-signature transform must come
 * first; after it at most one canonicalization. Anything else (XPath, XSLT) could leave signed
 * content out of the digest while the receiver still reads it.
 */
function checkTransforms(
  transformsElement: Element | undefined,
): Omit<SignatureShape, 'certificates'> {
  const elements = transformsElement ? elementChildren(transformsElement) : [];
  const transforms = elements.map((t) => {
    if (t.namespaceURI !== DSIG_NS || t.localName !== 'Transform') {
      throw new Refusal('bad-transforms');
    }
    return algorithmOf(t);
  });
  if (
    transforms[0] !== ALG.envelopedSignature ||
    transforms.length > 2 ||
    (transforms.length === 2 && !ACCEPTED_C14N.includes(transforms[1]!))
  ) {
    throw new Refusal('bad-transforms');
  }
  const inclusivePrefixes = elements
    .flatMap((t) => elementChildren(t))
    .filter((e) => e.namespaceURI === ALG.excC14n && e.localName === 'InclusiveNamespaces')
    .flatMap((e) => (e.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean));
  return { transforms, inclusivePrefixes };
}

/** The certificates of KeyInfo/X509Data. KeyName and KeyValue are tolerated and ignored. */
function readKeyInfo(keyInfo: Element): Buffer[] {
  refuseText(keyInfo);
  const x509 = elementChildren(keyInfo).filter((e) => {
    if (e.namespaceURI !== DSIG_NS || !['X509Data', 'KeyName', 'KeyValue'].includes(e.localName)) {
      throw new Refusal('unexpected-signature-content');
    }
    return e.localName === 'X509Data';
  });
  if (x509.length !== 1) throw new Refusal('no-certificate');
  const certificates: Buffer[] = [];
  for (const item of elementChildren(x509[0]!)) {
    if (item.namespaceURI !== DSIG_NS) throw new Refusal('unexpected-signature-content');
    if (item.localName === 'X509Certificate') {
      const text = (item.textContent ?? '').replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Refusal('bad-certificate');
      certificates.push(Buffer.from(text, 'base64'));
    } else if (!['X509SubjectName', 'X509IssuerSerial', 'X509SKI'].includes(item.localName)) {
      throw new Refusal('unexpected-signature-content');
    }
  }
  if (certificates.length === 0) throw new Refusal('no-certificate');
  if (certificates.length > MAX_CERTIFICATES) throw new Refusal('bad-certificate');
  return certificates;
}

type CheckOutcome = { signedContent: string } | 'digest-mismatch' | 'signature-mismatch';

/**
 * Runs xml-crypto with one candidate certificate. Returns the canonical content it verified,
 * or which check failed. Its own KeyInfo resolution is switched off: the key is ours to choose.
 */
function checkWith(xml: string, signature: Element, certificate: X509Certificate): CheckOutcome {
  const verifier = new SignedXml({
    publicCert: certificate.toString(),
    getCertFromKeyInfo: () => null,
  });
  verifier.loadSignature(signature);
  let valid: boolean;
  try {
    valid = verifier.checkSignature(xml);
  } catch (error) {
    if (String(error).includes('invalid signature')) return 'signature-mismatch';
    throw new Refusal('bad-reference');
  }
  if (!valid) return 'digest-mismatch';
  const signed = verifier.getSignedReferences();
  if (signed.length !== 1) throw new Refusal('bad-reference');
  return { signedContent: signed[0]! };
}

/** Our own canonical form of the document minus its signature, from our strict parse. */
function canonicalWithoutSignature(
  doc: Document,
  signature: Element,
  shape: SignatureShape,
): string {
  // Find the signature in a copy by its position, so the parsed document stays untouched.
  const positions: number[] = [];
  for (let n: Node = signature; n.parentNode && n !== doc.documentElement; n = n.parentNode) {
    let index = 0;
    for (let s = n.previousSibling; s; s = s.previousSibling) index++;
    positions.unshift(index);
  }
  const root = doc.documentElement.cloneNode(true) as Element;
  let copy: Node = root;
  for (const index of positions) copy = copy.childNodes[index]!;
  copy.parentNode!.removeChild(copy);
  removeComments(root);
  const algorithm = shape.transforms[1] ?? ALG.c14n;
  const canonicalizer =
    algorithm === ALG.excC14n ? new ExclusiveCanonicalization() : new C14nCanonicalization();
  return canonicalizer.process(root, { inclusiveNamespacesPrefixList: shape.inclusivePrefixes });
}

function removeComments(node: Node): void {
  for (let child = node.firstChild; child;) {
    const next = child.nextSibling;
    if (child.nodeType === 8) node.removeChild(child);
    else removeComments(child);
    child = next;
  }
}
