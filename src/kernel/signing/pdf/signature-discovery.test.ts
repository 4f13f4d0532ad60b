import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendIncrementalUpdate, createObjectAllocator } from './pdf-incremental';
import { PdfReader } from './pdf-reader';
import { streamObjectBody, valueObjectBody } from './pdf-serialize';
import { PdfName, PdfRef, PdfStream, pdfDict } from './pdf-values';
import { encodePdfText } from './pdf-text';
import { digestSignedRange, findPdfSignatures, hashSignedRange } from './signature-discovery';
import { embedPdfSignature, pdfSignedBytes, preparePdfSignature } from './signature-placeholder';
import {
  createSigningIdentity,
  makePdf,
  opensslCms,
  signWithOpenssl,
  type SigningIdentity,
} from './test-support';

let identity: SigningIdentity;
beforeAll(() => {
  identity = createSigningIdentity();
});
afterAll(() => identity.remove());

/** Rewrites page 1's content stream in a new incremental update, as an editing tool would. */
function rewritePageContent(pdf: Buffer): Buffer {
  const reader = new PdfReader(pdf);
  const page = reader.page(0);
  const contents = page.dict.get('Contents');
  const streamRef = Array.isArray(contents) ? contents[0] : contents;
  expect(streamRef).toBeInstanceOf(PdfRef);
  const stream = reader.resolve(streamRef);
  expect(stream).toBeInstanceOf(PdfStream);
  const replaced = streamObjectBody(
    pdfDict({}),
    Buffer.from('BT /F1 24 Tf 50 700 Td (So tien: 999.000.000 VND) Tj ET'),
  );
  return appendIncrementalUpdate(reader, [{ num: (streamRef as PdfRef).num, body: replaced }])
    .bytes;
}

describe('findPdfSignatures', () => {
  it('returns the CMS exactly, without the placeholder padding', async () => {
    const prepared = preparePdfSignature(await makePdf(), { signingTime: new Date() });
    const cms = opensslCms(identity, pdfSignedBytes(prepared), true);
    const signed = embedPdfSignature(prepared, cms);
    const [signature] = findPdfSignatures(signed);
    expect(signature!.contents.equals(cms)).toBe(true);
    expect(signature!.byteRange).toEqual(prepared.byteRange);
    expect(signature!.revisionEnd).toBe(signed.length);
  });

  it('hashes the covered bytes without copying, matching a hash of the copy', async () => {
    const signed = signWithOpenssl(await makePdf({ pages: 3 }), identity);
    const [signature] = findPdfSignatures(signed);
    const range = signature!.byteRange!;
    const copy = Buffer.concat([
      signed.subarray(range[0], range[0]! + range[1]!),
      signed.subarray(range[2], range[2]! + range[3]!),
    ]);
    const expected = createHash('sha256').update(copy).digest('hex');
    expect(digestSignedRange(signed, signature!, 'sha256').toString('hex')).toBe(expected);
    expect(hashSignedRange(signed, signature!, createHash('sha256')).digest('hex')).toBe(expected);
  });

  it('finds nothing in an unsigned document, even one with a form', async () => {
    expect(findPdfSignatures(await makePdf())).toEqual([]);
    expect(findPdfSignatures(await makePdf({ textField: true }))).toEqual([]);
  });

  it('qualifies the name of a signature field that is a kid of another field', async () => {
    const signed = signWithOpenssl(await makePdf(), identity);
    const reader = new PdfReader(signed);
    const form = reader.acroForm()!;
    const widgetRef = reader.resolveArray(form.get('Fields'))![0] as PdfRef;
    const parentNum = createObjectAllocator(reader)();
    const widget = reader.resolveDict(widgetRef)!.clone().set('Parent', new PdfRef(parentNum, 0));
    const parent = pdfDict({ T: encodePdfText('Hồ sơ'), Kids: [widgetRef] });
    const formRef = reader.catalog().get('AcroForm') as PdfRef;
    const nested = appendIncrementalUpdate(reader, [
      { num: parentNum, body: valueObjectBody(parent) },
      { num: widgetRef.num, body: valueObjectBody(widget) },
      {
        num: formRef.num,
        body: valueObjectBody(form.clone().set('Fields', [new PdfRef(parentNum, 0)])),
      },
    ]).bytes;
    const [signature] = findPdfSignatures(nested);
    expect(signature!.fieldName).toBe('Hồ sơ.Signature1');
    expect(signature!.problems).toEqual([]);
    // Moving a signed field under another field is a form change no signing tool makes.
    expect(signature!.laterChangesAllowed).toBe(false);
  });

  describe('reports an insane /ByteRange as a problem of that signature', () => {
    async function signedText(): Promise<string> {
      return signWithOpenssl(await makePdf(), identity).toString('latin1');
    }
    const withRange = (text: string, edit: (range: number[]) => number[]): Buffer => {
      const match = /\/ByteRange \[([\d ]+)\]/.exec(text)!;
      const range = match[1]!.trim().split(/ +/).map(Number);
      const replacement = edit(range).join(' ').padEnd(match[1]!.length, ' ');
      return Buffer.from(text.replace(match[1]!, replacement), 'latin1');
    };

    it('when it does not start at 0', async () => {
      const pdf = withRange(await signedText(), ([, b, c, d]) => [1, b! - 1, c!, d!]);
      const [signature] = findPdfSignatures(pdf);
      expect(signature!.problems).toContain(
        '/ByteRange does not start at the beginning of the file',
      );
    });

    it('when the gap is not exactly the /Contents string', async () => {
      const pdf = withRange(await signedText(), ([a, b, c, d]) => [a!, b! + 2, c!, d!]);
      expect(findPdfSignatures(pdf)[0]!.problems).toEqual([
        'the /ByteRange gap is not exactly the /Contents hex string',
      ]);
    });

    it('when it reaches beyond the file', async () => {
      const pdf = withRange(await signedText(), ([a, b, c, d]) => [a!, b!, c!, d! + 10]);
      const [signature] = findPdfSignatures(pdf);
      expect(signature!.problems).toContain('/ByteRange reaches beyond the file');
      expect(signature!.coversWholeFile).toBe(false);
    });

    it('when it leaves part of the file out before the signature', async () => {
      const pdf = withRange(await signedText(), ([, b, c, d]) => [0, b!, c! - 4, d! + 4]);
      expect(findPdfSignatures(pdf)[0]!.problems.length).toBeGreaterThan(0);
    });
  });
});

describe('later revisions', () => {
  it.each([false, true])(
    'after a second signature are all allowed changes (object streams: %s)',
    async (objectStreams) => {
      const first = signWithOpenssl(await makePdf({ pages: 10, objectStreams }), identity);
      const second = signWithOpenssl(first, identity);
      const [signer, seal] = findPdfSignatures(second);

      expect(seal!.coversWholeFile).toBe(true);
      expect(seal!.laterRevisions).toEqual([]);
      expect(signer!.coversWholeFile).toBe(false);
      expect(signer!.problems).toEqual([]);
      expect(signer!.laterRevisions).toHaveLength(1);
      const [revision] = signer!.laterRevisions;
      expect(revision!.end).toBe(second.length);
      expect(revision!.allowed).toBe(true);
      expect(signer!.laterChangesAllowed).toBe(true);
      const kinds = revision!.changes.map((change) => change.kind).sort();
      expect(kinds).toEqual(
        [
          'signature',
          'signature-field',
          'page-annotations',
          'form',
          ...(objectStreams ? ['xref-stream'] : []),
        ].sort(),
      );
      expect(revision!.changes.filter((c) => c.change === 'added')).toHaveLength(
        objectStreams ? 3 : 2,
      );
    },
  );

  it('accepts a visible signature whose appearance adds a font and a form XObject', async () => {
    const first = signWithOpenssl(await makePdf({ indirectAnnots: true }), identity);
    const second = signWithOpenssl(first, identity, {
      appearance: ({ allocate }) => {
        const font = allocate();
        const form = allocate();
        const xobject = pdfDict({
          Type: PdfName.of('XObject'),
          Subtype: PdfName.of('Form'),
          BBox: [0, 0, 100, 30],
          Resources: pdfDict({ Font: pdfDict({ F1: new PdfRef(font, 0) }) }),
        });
        const fontDict = pdfDict({
          Type: PdfName.of('Font'),
          Subtype: PdfName.of('Type1'),
          BaseFont: PdfName.of('Helvetica'),
        });
        return {
          rect: [10, 10, 110, 40],
          objects: [
            { num: font, body: valueObjectBody(fontDict) },
            {
              num: form,
              body: streamObjectBody(xobject, Buffer.from('BT /F1 9 Tf 2 10 Td (Da ky) Tj ET')),
            },
          ],
          normalAppearance: form,
        };
      },
    });
    const [signer] = findPdfSignatures(second);
    const changes = signer!.laterRevisions[0]!.changes;
    expect(changes.filter((c) => c.kind === 'signature-appearance')).toHaveLength(2);
    // The indirect /Annots array is what changed, not the page.
    expect(changes.some((c) => c.kind === 'field-list')).toBe(true);
    expect(changes.some((c) => c.kind === 'page-annotations')).toBe(false);
    expect(signer!.laterChangesAllowed).toBe(true);
  });

  it.each([false, true])(
    'flag a rewritten page content stream as a disallowed change (object streams: %s)',
    async (objectStreams) => {
      const signed = signWithOpenssl(await makePdf({ objectStreams }), identity);
      const edited = rewritePageContent(signed);
      const [signature] = findPdfSignatures(edited);
      expect(signature!.problems).toEqual([]);
      expect(signature!.laterChangesAllowed).toBe(false);
      const changes = signature!.laterRevisions[0]!.changes;
      const content = changes.find((change) => change.kind === 'other');
      expect(content).toMatchObject({ change: 'changed', allowed: false });
    },
  );

  it('flag a non-signature annotation added to a page', async () => {
    const signed = signWithOpenssl(await makePdf(), identity);
    const reader = new PdfReader(signed);
    const page = reader.page(0);
    const noteNum = createObjectAllocator(reader)();
    const note = pdfDict({
      Type: PdfName.of('Annot'),
      Subtype: PdfName.of('Text'),
      Rect: [100, 100, 120, 120],
      Contents: encodePdfText('Sửa số tiền'),
    });
    const annots = reader.resolveArray(page.dict.get('Annots')) ?? [];
    const pageDict = page.dict.clone().set('Annots', [...annots, new PdfRef(noteNum, 0)]);
    const edited = appendIncrementalUpdate(reader, [
      { num: noteNum, body: valueObjectBody(note) },
      { num: page.ref.num, body: valueObjectBody(pageDict) },
    ]).bytes;
    const [signature] = findPdfSignatures(edited);
    expect(signature!.laterChangesAllowed).toBe(false);
    const details = signature!.laterRevisions[0]!.changes.map((c) => c.detail);
    expect(details).toContain('page /Annots: a non-signature entry was added');
  });

  it('judge each later update separately and relative to the signed revision', async () => {
    const first = signWithOpenssl(await makePdf(), identity);
    const second = signWithOpenssl(first, identity);
    const edited = rewritePageContent(second);
    const [signer, seal] = findPdfSignatures(edited);
    expect(signer!.laterRevisions.map((r) => r.allowed)).toEqual([true, false]);
    expect(seal!.laterRevisions.map((r) => r.allowed)).toEqual([false]);
    expect(signer!.laterChangesAllowed).toBe(false);
  });

  it('flags bytes appended without an update', async () => {
    const signed = signWithOpenssl(await makePdf(), identity);
    const [padded] = findPdfSignatures(Buffer.concat([signed, Buffer.from('\n  \n')]));
    expect(padded!.coversWholeFile).toBe(false);
    expect(padded!.laterChangesAllowed).toBe(true);
    const [junk] = findPdfSignatures(Buffer.concat([signed, Buffer.from('\n<script>x</script>')]));
    expect(junk!.laterChangesAllowed).toBe(false);
  });
});
