/**
 * The whole signing flow against an independent verifier: prepare here, make a real CMS with
 * openssl over the covered bytes, embed, and let poppler's pdfsig (-nocert: integrity only,
 * no trust in the throwaway certificate) say whether each signature is valid.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendIncrementalUpdate, createObjectAllocator } from './pdf-incremental';
import { PdfReader } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { streamObjectBody, valueObjectBody } from './pdf-serialize';
import { PdfName, PdfRef, pdfDict } from './pdf-values';
import { findPdfSignatures } from './signature-discovery';
import {
  embedPdfSignature,
  hashPdfSignedBytes,
  pdfSignedBytes,
  preparePdfSignature,
  type PdfAppearanceContext,
} from './signature-placeholder';
import {
  createSigningIdentity,
  makeHybridPdf,
  makePdf,
  opensslCms,
  pdfsigVerdicts,
  poppler,
  signWithOpenssl,
  type SigningIdentity,
} from './test-support';

let identity: SigningIdentity;
beforeAll(() => {
  identity = createSigningIdentity();
});
afterAll(() => identity.remove());

const VALID = 'Signature is Valid.';
const signingTime = new Date('2026-03-15T02:30:00Z');

function pdfsig(pdf: Buffer): string {
  const { output, status } = poppler(identity, 'pdfsig', pdf, ['-nocert']);
  expect(status).toBe(0);
  return output;
}

async function expectReadable(pdf: Buffer, pages: number): Promise<void> {
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(pages);
  const info = poppler(identity, 'pdfinfo', pdf);
  expect(info.status).toBe(0);
  expect(info.output).toMatch(new RegExp(`^Pages:\\s+${pages}$`, 'm'));
  const text = poppler(identity, 'pdftotext', pdf);
  expect(text.status).toBe(0);
  expect(text.output).toContain(`Trang ${pages}, dong 1`);
}

describe('one signature', () => {
  it.each([
    ['classic xref table', false],
    ['xref stream and object streams', true],
  ])('is valid for pdfsig on a 10-page document with a %s', async (_kind, objectStreams) => {
    const original = await makePdf({ pages: 10, objectStreams });
    const signed = signWithOpenssl(original, identity, {
      reason: 'Phê duyệt hồ sơ',
      location: 'UBND tỉnh Quảng Ninh',
    });

    // An incremental update: the original is untouched at the start of the signed file.
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    const tail = signed.subarray(original.length).toString('latin1');
    if (objectStreams) {
      expect(tail).toContain('/Type /XRef');
      expect(tail).not.toContain('trailer');
    } else {
      expect(tail).toMatch(/\nxref\n/);
      expect(tail).toContain('trailer');
    }
    expect(tail.endsWith('%%EOF\n')).toBe(true);

    const output = pdfsig(signed);
    expect(pdfsigVerdicts(output)).toEqual([VALID]);
    expect(output).toContain('Signature Type: ETSI.CAdES.detached');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Signature Field Name: Signature1');
    await expectReadable(signed, 10);
  });

  it('writes the claims of the signature dictionary as a verifier reads them back', async () => {
    const signed = signWithOpenssl(await makePdf(), identity, {
      signingTime,
      name: 'Nguyễn Thị Hồng Nhung',
      reason: 'Đồng ý phê duyệt',
      location: 'Hạ Long',
      contactInfo: 'vanthu@quangninh.gov.vn',
    });
    expect(signed.toString('latin1')).toContain("/M (D:20260315093000+07'00')");
    const [signature] = findPdfSignatures(signed);
    expect(signature).toMatchObject({
      fieldName: 'Signature1',
      filter: 'Adobe.PPKLite',
      subFilter: 'ETSI.CAdES.detached',
      name: 'Nguyễn Thị Hồng Nhung',
      reason: 'Đồng ý phê duyệt',
      location: 'Hạ Long',
      contactInfo: 'vanthu@quangninh.gov.vn',
      coversWholeFile: true,
      pageIndex: 0,
      rect: [0, 0, 0, 0],
      problems: [],
    });
    expect(signature!.signingTimeClaimed?.toISOString()).toBe(signingTime.toISOString());
  });

  it('supports adbe.pkcs7.detached for older verifiers', async () => {
    const signed = signWithOpenssl(await makePdf(), identity, { subFilter: 'adbe.pkcs7.detached' });
    const output = pdfsig(signed);
    expect(pdfsigVerdicts(output)).toEqual([VALID]);
    expect(output).toContain('Signature Type: adbe.pkcs7.detached');
  });

  it('signs a hybrid-reference file, answering with a classic table', async () => {
    const original = makeHybridPdf();
    const signed = signWithOpenssl(original, identity, { pageIndex: 1 });
    expect(signed.subarray(original.length).toString('latin1')).toContain('trailer');
    expect(pdfsigVerdicts(pdfsig(signed))).toEqual([VALID]);
    const reader = new PdfReader(signed);
    expect(reader.pageCount()).toBe(2);
    expect(findPdfSignatures(signed)[0]!.pageIndex).toBe(1);
  });

  it('keeps an existing form field and its value', async () => {
    const signed = signWithOpenssl(await makePdf({ textField: true }), identity);
    expect(pdfsigVerdicts(pdfsig(signed))).toEqual([VALID]);
    const form = (await PDFDocument.load(signed)).getForm();
    expect(form.getTextField('applicant.name').getText()).toBe('Nguyen Van A');
    expect(form.getFields().map((field) => field.getName())).toEqual([
      'applicant.name',
      'Signature1',
    ]);
  });

  it('appends to an indirect /Annots array without rewriting the page', async () => {
    const original = await makePdf({ indirectAnnots: true });
    const before = new PdfReader(original);
    const page = before.page(0);
    const annotsRef = page.dict.get('Annots');
    expect(annotsRef).toBeInstanceOf(PdfRef);

    const signed = signWithOpenssl(original, identity);
    const after = new PdfReader(signed);
    const update = after.xref.sections[0]!.entries;
    expect(update.has((annotsRef as PdfRef).num)).toBe(true);
    expect(update.has(page.ref.num)).toBe(false);
    expect(after.resolveArray(after.page(0).dict.get('Annots'))).toHaveLength(1);
    expect(pdfsigVerdicts(pdfsig(signed))).toEqual([VALID]);
  });

  it('draws a visible appearance on a rotated landscape page', async () => {
    const original = await makePdf({ pages: 2, rotatedLastPage: true });
    let seen: Omit<PdfAppearanceContext, 'allocate'> | undefined;
    const signed = signWithOpenssl(original, identity, {
      pageIndex: 1,
      appearance: ({ allocate, ...context }) => {
        seen = context;
        const form = allocate();
        const drawing = Buffer.from('0 0 1 rg 0 0 180 60 re f 0 0 0 RG 2 w 1 1 178 58 re S');
        const dict = pdfDict({
          Type: PdfName.of('XObject'),
          Subtype: PdfName.of('Form'),
          BBox: [0, 0, 180, 60],
        });
        return {
          rect: [400, 40, 580, 100],
          objects: [{ num: form, body: streamObjectBody(dict, drawing) }],
          normalAppearance: form,
        };
      },
    });
    expect(seen).toEqual({
      pageWidth: 841.89,
      pageHeight: 595.28,
      pageBox: [0, 0, 841.89, 595.28],
      rotate: 90,
    });
    expect(pdfsigVerdicts(pdfsig(signed))).toEqual([VALID]);
    const [signature] = findPdfSignatures(signed);
    expect(signature!.rect).toEqual([400, 40, 580, 100]);
    expect(signature!.pageIndex).toBe(1);
    // pdftoppm is not needed: poppler reads the appearance stream, pdf-lib sees its widget.
    const doc = await PDFDocument.load(signed);
    expect(doc.getPage(1).node.Annots()?.size()).toBe(1);
  });
});

describe('signatures in sequence', () => {
  it.each([false, true])(
    'leaves both the signer and the seal valid (object streams: %s)',
    async (objectStreams) => {
      const original = await makePdf({ pages: 10, objectStreams });
      const bySigner = signWithOpenssl(original, identity, { reason: 'Người ký' });
      const sealed = signWithOpenssl(bySigner, identity, { reason: 'Đóng dấu cơ quan' });

      const output = pdfsig(sealed);
      expect(pdfsigVerdicts(output)).toEqual([VALID, VALID]);
      const signatures = output.split(/^Signature #\d+:$/m).slice(1);
      expect(signatures[0]).toContain('Not total document signed');
      expect(signatures[1]).toContain('Total document signed');
      expect(output).toContain('Signature Field Name: Signature2');

      // The first signature covers exactly the file as it was after signing.
      const [first, second] = findPdfSignatures(sealed);
      expect(first!.revisionEnd).toBe(bySigner.length);
      expect(second!.coversWholeFile).toBe(true);
      await expectReadable(sealed, 10);

      // An attachment gets a third signature; all three remain valid.
      const third = signWithOpenssl(sealed, identity, { fieldName: 'Signature2' });
      expect(pdfsigVerdicts(pdfsig(third))).toEqual([VALID, VALID, VALID]);
      expect(findPdfSignatures(third).map((s) => s.fieldName)).toEqual([
        'Signature1',
        'Signature2',
        'Signature2_2',
      ]);
    },
  );
});

describe('tampering', () => {
  it('is caught by pdfsig, and the covered-bytes digest changes', async () => {
    const signed = signWithOpenssl(await makePdf({ pages: 2 }), identity);
    const [before] = findPdfSignatures(signed);
    const digest = (pdf: Buffer): string => {
      const hash = createHash('sha256');
      const range = before!.byteRange!;
      hash.update(pdf.subarray(range[0], range[0]! + range[1]!));
      hash.update(pdf.subarray(range[2], range[2]! + range[3]!));
      return hash.digest('hex');
    };

    // A byte of the binary comment after the header: covered, but the file still parses.
    const tampered = Buffer.from(signed);
    expect(tampered.toString('latin1', 0, 10)).toBe('%PDF-1.7\n%');
    tampered[11]! ^= 0x01;

    expect(pdfsigVerdicts(pdfsig(tampered))).toEqual(['Digest Mismatch.']);
    const [after] = findPdfSignatures(tampered);
    expect(after!.fieldName).toBe('Signature1');
    expect(after!.byteRange).toEqual(before!.byteRange);
    expect(digest(tampered)).not.toBe(digest(signed));
  });
});

describe('the placeholder', () => {
  it('reserves a fixed /Contents and an exact /ByteRange around it', async () => {
    const original = await makePdf();
    const prepared = preparePdfSignature(original, { signingTime, contentsSize: 8192 });
    const { bytes, byteRange, contentsHexOffset, contentsHexLength } = prepared;
    expect(contentsHexLength).toBe(16_384);
    expect(byteRange[0]).toBe(0);
    expect(byteRange[1]).toBe(contentsHexOffset - 1);
    expect(bytes[byteRange[1]]).toBe(0x3c);
    expect(bytes[byteRange[2] - 1]).toBe(0x3e);
    expect(byteRange[2] - byteRange[1]).toBe(contentsHexLength + 2);
    expect(byteRange[2] + byteRange[3]).toBe(bytes.length);
    // The /ByteRange written in the file is the one returned.
    const written = /\/ByteRange \[([\d ]+)\]/.exec(bytes.toString('latin1'));
    expect(written![1]!.trim().split(/ +/).map(Number)).toEqual(byteRange);

    const covered = pdfSignedBytes(prepared);
    expect(covered.length).toBe(bytes.length - contentsHexLength - 2);
    expect(hashPdfSignedBytes(prepared).digest('hex')).toBe(
      createHash('sha256').update(covered).digest('hex'),
    );
  });

  it('refuses a signature larger than the placeholder, naming the sizes', async () => {
    const prepared = preparePdfSignature(await makePdf(), { signingTime, contentsSize: 100 });
    expect(() => embedPdfSignature(prepared, Buffer.alloc(101, 1))).toThrow(
      /101 bytes but only 100/,
    );
    expect(() => embedPdfSignature(prepared, Buffer.alloc(100, 1))).not.toThrow();
  });

  it('creates the AcroForm with /SigFlags 3 and writes no /Perms', async () => {
    const signed = signWithOpenssl(await makePdf(), identity);
    const reader = new PdfReader(signed);
    expect(reader.acroForm()?.get('SigFlags')).toBe(3);
    expect(reader.catalog().has('Perms')).toBe(false);
    const widget = reader.resolveDict(reader.resolveArray(reader.acroForm()!.get('Fields'))![0]);
    expect(widget?.get('F')).toBe(132);
    expect(widget?.nameOf('FT')).toBe('Sig');
  });

  it('rejects an appearance that writes an object it did not allocate', async () => {
    const pdf = await makePdf();
    expect(() =>
      preparePdfSignature(pdf, {
        signingTime,
        appearance: () => ({
          rect: [0, 0, 10, 10],
          objects: [{ num: 1, body: Buffer.from('<<>>') }],
          normalAppearance: 1,
        }),
      }),
    ).toThrow(PdfStructureError);
  });

  it('refuses a document certified with no changes allowed, and only that', async () => {
    const certify = async (permission: number): Promise<Buffer> => {
      const reader = new PdfReader(await makePdf());
      const allocate = createObjectAllocator(reader);
      const sigNum = allocate();
      const certification = pdfDict({
        Type: PdfName.of('Sig'),
        Reference: [
          pdfDict({
            TransformMethod: PdfName.of('DocMDP'),
            TransformParams: pdfDict({ P: permission, V: PdfName.of('1.2') }),
          }),
        ],
      });
      const catalog = reader
        .catalog()
        .clone()
        .set('Perms', pdfDict({ DocMDP: new PdfRef(sigNum, 0) }));
      return appendIncrementalUpdate(reader, [
        { num: sigNum, body: valueObjectBody(certification) },
        { num: reader.rootRef.num, body: valueObjectBody(catalog) },
      ]).bytes;
    };
    expect(() => preparePdfSignature(Buffer.alloc(0), { signingTime })).toThrow(PdfStructureError);
    const locked = await certify(1);
    expect(() => preparePdfSignature(locked, { signingTime })).toThrow(/DocMDP P=1/);
    const formFillingAllowed = await certify(2);
    expect(() => preparePdfSignature(formFillingAllowed, { signingTime })).not.toThrow();
  });

  it('signs with a CMS made over exactly the covered bytes', async () => {
    // Guards the helper itself: a CMS over other bytes must fail in pdfsig.
    const prepared = preparePdfSignature(await makePdf(), { signingTime });
    const wrong = opensslCms(identity, Buffer.from('other content'), true);
    expect(pdfsigVerdicts(pdfsig(embedPdfSignature(prepared, wrong)))).toEqual([
      'Digest Mismatch.',
    ]);
  });
});
