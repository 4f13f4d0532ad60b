/**
 * Signing and verifying as a receiving system sees it: a genuine package verifies and names its
 * signer; any change, a swapped certificate, or a rearranged document (signature wrapping) does
 * not verify, whatever the attacker kept intact.
 */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignedXml } from 'xml-crypto';
import { buildEdxml } from './edxml.build';
import { EdxmlError } from './edxml.errors';
import { parseEdxml } from './edxml.parse';
import { signEdxml, verifyEdxml } from './edxml.signature';
import { buildStatus, parseStatus } from './edxml.status';
import { makeSigner, samplePackage, sampleStatus, type TestSigner } from './edxml.test-support';
import { ALG } from './edxml.xmldsig';

let signer: TestSigner;
let other: TestSigner;
let signed: string;

beforeAll(async () => {
  [signer, other] = await Promise.all([makeSigner(), makeSigner('Kẻ mạo danh')]);
  signed = signEdxml(buildEdxml(samplePackage()), {
    privateKey: signer.privateKey,
    certificateChainPem: [signer.certificatePem, ...signer.chainPem],
  });
});

const derOf = (pem: string) => new X509Certificate(pem).raw;
const expectRefused = (xml: string, reason: string) =>
  expect(verifyEdxml(xml)).toEqual({ valid: false, reason, signerCertificatesDer: [] });

/** Signs with xml-crypto directly, to make signatures our own signer would never produce. */
function signOtherwise(
  xml: string,
  setup: (sig: SignedXml) => void,
  signatureAlgorithm: string = ALG.rsaSha256,
): string {
  const cert = derOf(signer.certificatePem).toString('base64');
  const sig = new SignedXml({
    privateKey: signer.privateKey,
    signatureAlgorithm,
    canonicalizationAlgorithm: ALG.excC14n,
    getKeyInfoContent: ({ prefix } = {}) =>
      `<${prefix}:X509Data><${prefix}:X509Certificate>${cert}</${prefix}:X509Certificate></${prefix}:X509Data>`,
  });
  setup(sig);
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: "//*[local-name()='edXMLHeader']", action: 'append' },
  });
  return sig.getSignedXml();
}

describe('edXML signatures', () => {
  it('verifies a package it signed and returns the signer certificate first, then the chain', () => {
    const result = verifyEdxml(signed);
    expect(result.valid).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.signerCertificatesDer).toEqual([
      derOf(signer.certificatePem),
      derOf(signer.chainPem[0]!),
    ]);
    // The signature sits at the end of edXMLHeader and names the whole document.
    expect(signed).toMatch(
      /<ds:Signature xmlns:ds="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#">[\s\S]*<\/ds:Signature><\/edXML:edXMLHeader>/,
    );
    expect(signed).toContain('<ds:Reference URI="">');
    expect(signed).toContain(ALG.rsaSha256);
    expect(signed).toContain(ALG.sha256);
    expect(parseEdxml(signed)).toEqual(samplePackage());
  });

  it('verifies a signed package read from bytes with a byte-order mark', () => {
    expect(verifyEdxml(`\uFEFF${signed}`).valid).toBe(true);
  });

  it('reports an unsigned package as such', () => {
    expectRefused(buildEdxml(samplePackage()), 'unsigned');
  });

  it('refuses a package with one character of the Subject changed', () => {
    const tampered = signed.replace('Chính quyền số', 'Chính quyền sô');
    expect(tampered).not.toBe(signed);
    expectRefused(tampered, 'digest-mismatch');
  });

  it('covers the attachments: one changed byte of a file breaks the signature', () => {
    const encoded = Buffer.from('%PDF-1.4 công văn 123/UBND-VP', 'utf8').toString('base64');
    const altered = Buffer.from('%PDF-1.4 công văn 124/UBND-VP', 'utf8').toString('base64');
    expect(signed).toContain(encoded);
    expectRefused(signed.replace(encoded, altered), 'digest-mismatch');
  });

  it('refuses a package whose certificate was swapped for another', () => {
    const mine = derOf(signer.certificatePem).toString('base64');
    const theirs = derOf(other.certificatePem).toString('base64');
    expectRefused(signed.replace(mine, theirs), 'signature-mismatch');
  });

  it('refuses a package re-signed by someone else over forged content only if their key is not trusted: it reports that signer', () => {
    // Verification proves who signed, not whether to trust them: the caller checks the chain.
    const forged = buildEdxml({
      ...samplePackage(),
      header: { ...samplePackage().header, subject: 'Giả mạo' },
    });
    const result = verifyEdxml(
      signEdxml(forged, {
        privateKey: other.privateKey,
        certificateChainPem: [other.certificatePem],
      }),
    );
    expect(result.valid).toBe(true);
    expect(result.signerCertificatesDer[0]).toEqual(derOf(other.certificatePem));
    expect(result.signerCertificatesDer[0]).not.toEqual(derOf(signer.certificatePem));
  });

  it('keeps comments out of the signature without letting them truncate a value', () => {
    const commented = signed.replace('Chính quyền số', 'Chính quyền<!-- chú thích --> số');
    expect(verifyEdxml(commented).valid).toBe(true);
    expect(parseEdxml(commented).header.subject).toBe(samplePackage().header.subject);
  });

  it('signs and verifies status packets the same way', () => {
    const status = signEdxml(buildStatus(sampleStatus()), {
      privateKey: signer.privateKeyPem,
      certificateChainPem: [signer.certificatePem],
    });
    expect(verifyEdxml(status)).toEqual({
      valid: true,
      signerCertificatesDer: [derOf(signer.certificatePem)],
    });
    expect(parseStatus(status)).toEqual(sampleStatus());
    expectRefused(status.replace('Đã vào sổ văn bản đến', 'Đã hoàn thành'), 'digest-mismatch');
  });

  it('refuses to sign twice or with a key that is not the certificate’s', () => {
    const options = { privateKey: signer.privateKey, certificateChainPem: [signer.certificatePem] };
    expect(() => signEdxml(signed, options)).toThrow(EdxmlError);
    expect(() => signEdxml(signed, options)).toThrow(
      expect.objectContaining({ code: 'EDXML_ALREADY_SIGNED' }),
    );
    expect(() =>
      signEdxml(buildEdxml(samplePackage()), {
        privateKey: other.privateKey,
        certificateChainPem: [signer.certificatePem],
      }),
    ).toThrow(expect.objectContaining({ code: 'EDXML_SIGNING_KEY_INVALID' }));
    expect(() =>
      signEdxml(buildEdxml(samplePackage()), {
        privateKey: signer.privateKey,
        certificateChainPem: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'EDXML_SIGNING_KEY_INVALID' }));
  });

  it('accepts legacy RSA-SHA1 signatures of the 2018 axis samples only when asked to', () => {
    const sha1 = signOtherwise(
      buildEdxml(samplePackage()),
      (sig) =>
        sig.addReference({
          xpath: '/*',
          transforms: [ALG.envelopedSignature, ALG.c14n],
          digestAlgorithm: ALG.sha1,
          isEmptyUri: true,
        }),
      ALG.rsaSha1,
    );
    expectRefused(sha1, 'unsupported-algorithm');
    expect(verifyEdxml(sha1, { allowSha1: true }).valid).toBe(true);
  });
});

describe('edXML signature wrapping defences', () => {
  const envelopeOf = (xml: string) =>
    /<edXML:edXMLEnvelope>[\s\S]*<\/edXML:edXMLEnvelope>/.exec(xml)![0];
  const signatureOf = (xml: string) => /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(xml)![0];
  const forgedEnvelope = (xml: string) =>
    envelopeOf(xml)
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace('Chính quyền số', 'Chính quyền giả');

  it('refuses the signed envelope moved under another element with a forged one in its place', () => {
    const original = envelopeOf(signed);
    const wrapped = signed.replace(
      original,
      `${forgedEnvelope(signed)}<edXML:Wrapper>${original}</edXML:Wrapper>`,
    );
    // The receiver would read the forged subject; the verifier must not vouch for it.
    expect(() => parseEdxml(wrapped)).not.toThrow();
    expect(parseEdxml(wrapped).header.subject).toContain('Chính quyền giả');
    expectRefused(wrapped, 'signature-misplaced');
  });

  it('refuses a forged envelope carrying a copy of the genuine signature', () => {
    const original = envelopeOf(signed);
    const forged = forgedEnvelope(signed).replace(
      '</edXML:edXMLHeader>',
      `${signatureOf(signed)}</edXML:edXMLHeader>`,
    );
    expectRefused(
      signed.replace(original, `${forged}<edXML:Wrapper>${original}</edXML:Wrapper>`),
      'multiple-signatures',
    );
    // With the genuine envelope's signature moved rather than copied, the digest gives it away.
    const moved = signed.replace(
      original,
      `${forged}<edXML:Wrapper>${original.replace(signatureOf(signed), '')}</edXML:Wrapper>`,
    );
    expectRefused(moved, 'digest-mismatch');
  });

  it('refuses the genuine content hidden in a ds:Object the signature does not cover', () => {
    const forged = signed
      .replace('Chính quyền số', 'Chính quyền giả')
      .replace('</ds:KeyInfo>', `</ds:KeyInfo><ds:Object>${forgedEnvelope(signed)}</ds:Object>`);
    expectRefused(forged, 'unexpected-signature-content');
  });

  it('refuses a signature that has left the header', () => {
    const sig = signatureOf(signed);
    const moved = signed.replace(sig, '').replace('</edXML:edXML>', `${sig}</edXML:edXML>`);
    expectRefused(moved, 'signature-misplaced');
  });

  it('refuses a valid signature whose reference names one element instead of the whole document', () => {
    const xml = buildEdxml(samplePackage()).replace(
      '<edXML:MessageHeader>',
      '<edXML:MessageHeader Id="hdr">',
    );
    const partial = signOtherwise(xml, (sig) =>
      sig.addReference({
        xpath: "//*[@Id='hdr']",
        transforms: [ALG.excC14n],
        digestAlgorithm: ALG.sha256,
      }),
    );
    expect(partial).toContain('URI="#hdr"');
    expectRefused(partial, 'bad-reference');
    // What that signature would have allowed: rewriting everything outside MessageHeader.
    expectRefused(partial.replace('Trần Thị Hoa', 'Kẻ gian'), 'bad-reference');
  });

  it('refuses a second reference next to the whole-document one', () => {
    const xml = buildEdxml(samplePackage()).replace(
      '<edXML:MessageHeader>',
      '<edXML:MessageHeader Id="hdr">',
    );
    const two = signOtherwise(xml, (sig) => {
      sig.addReference({
        xpath: '/*',
        transforms: [ALG.envelopedSignature, ALG.excC14n],
        digestAlgorithm: ALG.sha256,
        isEmptyUri: true,
      });
      sig.addReference({
        xpath: "//*[@Id='hdr']",
        transforms: [ALG.excC14n],
        digestAlgorithm: ALG.sha256,
      });
    });
    expectRefused(two, 'bad-reference');
  });

  it('refuses transforms other than enveloped-signature and canonicalization', () => {
    const xpathTransform = signed.replace(
      `<ds:Transform Algorithm="${ALG.excC14n}"/>`,
      '<ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::edXML:AttachmentEncoded)</ds:XPath></ds:Transform>',
    );
    expect(xpathTransform).not.toBe(signed);
    expectRefused(xpathTransform, 'bad-transforms');
  });

  it('refuses text smuggled into the signature element', () => {
    expectRefused(
      signed.replace('</ds:SignatureValue>', '</ds:SignatureValue>Đã duyệt'),
      'unexpected-signature-content',
    );
  });

  it('refuses hostile XML instead of verifying it', () => {
    expectRefused(
      `<!DOCTYPE x [<!ENTITY a "a">]>${signed.slice(signed.indexOf('<edXML:edXML'))}`,
      'dtd-forbidden',
    );
    expectRefused(signed.slice(0, -20), 'malformed');
    expectRefused('<a xmlns="urn:other"/>', 'not-edxml');
  });
});
