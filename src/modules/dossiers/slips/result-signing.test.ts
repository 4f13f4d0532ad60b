/**
 * The electronic result signed as the platform signs it: PAdES with kernel/signing, the
 * agency's seal appearance placed in the box the renderer left; the signature checked by the
 * kernel's verifier against the test root, and by poppler's pdfsig independently.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoSealPng, sealAppearance } from '../../../kernel/signing/appearance';
import { signPdf } from '../../../kernel/signing/pades-sign';
import { verifyPdf } from '../../../kernel/signing/pades-verify';
import { softwareIdentity, type SigningIdentity } from '../../../kernel/signing/signing-identity';
import { createTestPki, pdfsigIntegrity } from '../../../kernel/signing/signing.test-support';
import { TrustStore } from '../../../kernel/signing/trust-store';
import { renderResult, signatureBoxRect, signatureLayoutOf, type RenderedResult } from './index';
import { DOSSIER_CODE, flat, pageTexts } from './slips.test-support';

const AGENCY_NAME = 'Ủy ban nhân dân phường Hạ Long';

describe('a result signed in the box it leaves', () => {
  let result: RenderedResult;
  let identity: SigningIdentity;
  let trust: TrustStore;
  let signed: Buffer;

  beforeAll(async () => {
    const pki = await createTestPki();
    const agency = await pki.issue({ commonName: AGENCY_NAME, organization: AGENCY_NAME });
    identity = softwareIdentity(agency.privateKey, agency.certificate, [pki.root.certificate]);
    trust = new TrustStore([pki.root.certificate]);
    result = await renderResult({
      agency: { parentName: 'UBND tỉnh Quảng Ninh', name: AGENCY_NAME, placeName: 'Hạ Long' },
      title: 'Trích lục khai sinh',
      facts: [
        { label: 'Họ, chữ đệm, tên', value: 'Nguyễn Minh Khôi' },
        { label: 'Ngày, tháng, năm sinh', value: '14/02/2026' },
      ],
      dossierCode: DOSSIER_CODE,
      issuedAt: new Date('2026-03-02T08:00:00Z'),
      signer: {
        competence: 'TM. Ủy ban nhân dân',
        position: 'Chủ tịch',
        fullName: 'Nguyễn Văn Hùng',
      },
    });
    const seal = await sealAppearance({
      signerLayout: signatureLayoutOf(result.signatureBox),
      sealImagePng: await demoSealPng(AGENCY_NAME),
      diameterMm: 36,
    });
    signed = await signPdf(Buffer.from(result.pdf), {
      identity,
      signingTime: new Date('2026-03-02T08:05:00Z'),
      appearance: seal.appearance,
      pageIndex: result.signatureBox.page,
      name: AGENCY_NAME,
      reason: 'Ký kết quả giải quyết thủ tục hành chính',
      location: 'Hạ Long, Quảng Ninh',
    });
  }, 120_000);

  it('is valid and trusted by the kernel’s verifier, on the page of the box', () => {
    const report = verifyPdf(signed, trust);
    expect(report.outcome).toBe('valid');
    expect(report.signatures).toHaveLength(1);
    const [signature] = report.signatures;
    expect(signature!.valid).toBe(true);
    expect(signature!.coversWholeFile).toBe(true);
    expect(signature!.problems).toEqual([]);
    expect(signature!.pageIndex).toBe(result.signatureBox.page);
    expect(signature!.cms.signer?.x509.subject).toContain(`CN=${AGENCY_NAME}`);
  });

  it('is valid for poppler’s pdfsig', () => {
    expect(pdfsigIntegrity(signed)).toEqual(['Signature is Valid.']);
  });

  it('keeps the result’s text readable after signing', async () => {
    const text = flat((await pageTexts(signed)).join(' '));
    expect(text).toContain('TRÍCH LỤC KHAI SINH');
    expect(text).toContain('Nguyễn Minh Khôi');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH');
    expect(text).toContain('Nguyễn Văn Hùng');
  });

  it('shows the seal over the left third of the box, centred on its height (Decree 30)', async () => {
    const document = await PDFDocument.load(signed);
    const page = document.getPage(result.signatureBox.page);
    const widgets = page.node
      .Annots()!
      .asArray()
      .map((ref) => document.context.lookup(ref, PDFDict))
      .filter((annot) => annot.get(PDFName.of('Subtype')) === PDFName.of('Widget'));
    expect(widgets).toHaveLength(1);
    const [x1, y1, x2, y2] = document.context
      .lookup(widgets[0]!.get(PDFName.of('Rect')), PDFArray)
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    const [bx1, by1, bx2, by2] = signatureBoxRect(result.signatureBox);
    expect(x2!).toBeCloseTo(bx1 + (bx2 - bx1) / 3, 1);
    expect((y1! + y2!) / 2).toBeCloseTo((by1 + by2) / 2, 1);
    expect(x2! - x1!).toBeCloseTo(36 * (72 / 25.4), 1);
  });
});
