/**
 * Interoperability with xmlsec1 (the XMLDSig reference tool of libxml2/OpenSSL, which much of
 * the axis software ultimately relies on): it must verify what we sign, and we must verify what
 * it signs. Needs xmlsec1 installed (`apt-get install xmlsec1`, as .ci/run does); without it
 * these tests fail rather than skip, so a missing verifier never passes for a verified one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEdxml } from './edxml.build';
import { signEdxml, verifyEdxml } from './edxml.signature';
import { buildStatus } from './edxml.status';
import { makeSigner, samplePackage, sampleStatus, type TestSigner } from './edxml.test-support';
import { ALG } from './edxml.xmldsig';

describe('edXML signatures and xmlsec1', () => {
  let dir: string;
  let signer: TestSigner;
  const file = (name: string, content?: string) => {
    const p = path.join(dir, name);
    if (content !== undefined) fs.writeFileSync(p, content);
    return p;
  };
  const xmlsec = (...args: string[]) => spawnSync('xmlsec1', args, { encoding: 'utf8' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edxml-xmlsec-'));
    signer = await makeSigner();
    file('ca.pem', signer.chainPem[0]);
    file('cert.pem', signer.certificatePem);
    file('key.pem', signer.privateKeyPem);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('xmlsec1 verifies a package and a status packet we signed, and refuses them altered', () => {
    const options = {
      privateKey: signer.privateKey,
      certificateChainPem: [signer.certificatePem, ...signer.chainPem],
    };
    const pkg = signEdxml(buildEdxml(samplePackage()), options);
    const status = signEdxml(buildStatus(sampleStatus()), options);
    for (const [name, xml, needle] of [
      ['package.xml', pkg, 'Chính quyền số'],
      ['status.xml', status, 'Đã vào sổ'],
    ] as const) {
      const ok = xmlsec('--verify', '--trusted-pem', file('ca.pem'), file(name, xml));
      expect(ok.status, ok.stderr).toBe(0);
      const bad = xmlsec(
        '--verify',
        '--trusted-pem',
        file('ca.pem'),
        file(`bad-${name}`, xml.replace(needle, 'Giả mạo')),
      );
      expect(bad.status).not.toBe(0);
    }
  });

  it('we verify a package xmlsec1 signed from a template, and name its signer', () => {
    const template = buildEdxml(samplePackage()).replace(
      '</edXML:edXMLHeader>',
      `<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
        <ds:SignedInfo>
          <ds:CanonicalizationMethod Algorithm="${ALG.excC14n}"/>
          <ds:SignatureMethod Algorithm="${ALG.rsaSha256}"/>
          <ds:Reference URI="">
            <ds:Transforms>
              <ds:Transform Algorithm="${ALG.envelopedSignature}"/>
              <ds:Transform Algorithm="${ALG.excC14n}"/>
            </ds:Transforms>
            <ds:DigestMethod Algorithm="${ALG.sha256}"/>
            <ds:DigestValue/>
          </ds:Reference>
        </ds:SignedInfo>
        <ds:SignatureValue/>
        <ds:KeyInfo><ds:X509Data/></ds:KeyInfo>
      </ds:Signature></edXML:edXMLHeader>`,
    );
    const keys = [file('key.pem'), file('cert.pem'), file('ca.pem')].join(',');
    const signed = xmlsec(
      '--sign',
      '--privkey-pem',
      keys,
      '--output',
      file('out.xml'),
      file('template.xml', template),
    );
    expect(signed.status, signed.stderr).toBe(0);
    const xml = fs.readFileSync(file('out.xml'), 'utf8');
    const result = verifyEdxml(xml);
    expect(result.valid).toBe(true);
    expect(result.signerCertificatesDer[0]).toEqual(new X509Certificate(signer.certificatePem).raw);
    expect(verifyEdxml(xml.replace('Chính quyền số', 'Chính quyền sô'))).toMatchObject({
      valid: false,
      reason: 'digest-mismatch',
    });
  });
});
