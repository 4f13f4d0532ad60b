import { describe, expect, it } from 'vitest';
import { PdfReader } from './pdf-reader';
import { PdfStructureError, type PdfStructureErrorCode } from './pdf-structure-error';
import { PdfDict, PdfStream } from './pdf-values';
import { readCrossReference } from './pdf-xref';
import { A4, makeHybridPdf, makePdf } from './test-support';

function structureError(action: () => unknown): PdfStructureError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(PdfStructureError);
    return error as PdfStructureError;
  }
  throw new Error('expected a PdfStructureError');
}

function expectCode(action: () => unknown, code: PdfStructureErrorCode): void {
  expect(structureError(action).code).toBe(code);
}

describe('PdfReader over pdf-lib output', () => {
  it.each([false, true])('reads a 10-page document (object streams: %s)', async (objectStreams) => {
    const pdf = await makePdf({ pages: 10, objectStreams, rotatedLastPage: true });
    const reader = new PdfReader(pdf);
    expect(reader.xref.sections[0]!.kind).toBe(objectStreams ? 'stream' : 'table');
    if (objectStreams) {
      // The catalog really comes out of an object stream here.
      expect(reader.xref.entries.get(reader.rootRef.num)?.type).toBe('compressed');
    }
    expect(reader.catalog().nameOf('Type')).toBe('Catalog');
    expect(reader.pageCount()).toBe(10);
    const first = reader.page(0);
    expect(first.dict.nameOf('Type')).toBe('Page');
    expect(first.mediaBox).toEqual([0, 0, A4[0], A4[1]]);
    expect(first.rotate).toBe(0);
    const last = reader.page(9);
    expect(last.mediaBox).toEqual([0, 0, A4[1], A4[0]]);
    expect(last.rotate).toBe(90);
    expect(reader.pageIndexOf(last.ref.num)).toBe(9);
    expect(reader.allPageRefs().map((ref) => ref.num)).toHaveLength(10);
    expectCode(() => reader.page(10), 'invalid-request');
    // Content streams are readable streams (their /Length is honoured).
    const contents = reader.resolveArray(first.dict.get('Contents')) ?? [];
    expect(contents.length).toBeGreaterThan(0);
    for (const part of contents) expect(reader.resolve(part)).toBeInstanceOf(PdfStream);
  });

  it('finds an existing AcroForm and its fields', async () => {
    const reader = new PdfReader(await makePdf({ textField: true }));
    const form = reader.acroForm();
    expect(form).toBeInstanceOf(PdfDict);
    expect(reader.resolveArray(form!.get('Fields'))).toHaveLength(1);
  });
});

describe('PdfReader over a hybrid-reference file', () => {
  it('reads objects listed only by /XRefStm and decodes the PNG predictor', () => {
    const pdf = makeHybridPdf();
    const xref = readCrossReference(pdf);
    expect(xref.sections).toHaveLength(1);
    expect(xref.sections[0]!.kind).toBe('table');
    expect(xref.sections[0]!.hybridStreamPosition).toBeGreaterThan(0);
    expect(xref.entries.get(1)).toEqual({ type: 'compressed', streamNum: 6, index: 0 });
    expect(xref.entries.get(4)).toEqual({ type: 'compressed', streamNum: 6, index: 3 });
    const reader = new PdfReader(pdf);
    expect(reader.catalog().nameOf('Type')).toBe('Catalog');
    expect(reader.pageCount()).toBe(2);
  });

  it('inherits /MediaBox and /Rotate from the page tree, and lets a page override them', () => {
    const reader = new PdfReader(makeHybridPdf());
    const first = reader.page(0);
    expect(first.mediaBox).toEqual([0, 0, 842, 595]);
    expect(first.cropBox).toEqual([0, 0, 842, 595]);
    expect(first.rotate).toBe(90);
    const second = reader.page(1);
    expect(second.mediaBox).toEqual([0, 0, 300, 400]);
    expect(second.rotate).toBe(0);
  });
});

describe('tolerated oddities', () => {
  it('reads a file with junk before %PDF whose offsets count from the header', async () => {
    const original = await makePdf({ pages: 2 });
    const junk = Buffer.from('\r\n\r\nJUNK FROM A MAIL GATEWAY\r\n');
    const reader = new PdfReader(Buffer.concat([junk, original]));
    expect(reader.xref.shift).toBe(junk.length);
    expect(reader.pageCount()).toBe(2);
    expect(reader.page(1).dict.nameOf('Type')).toBe('Page');
  });

  it('reads a file with trailing white-space after %%EOF', async () => {
    const pdf = Buffer.concat([await makePdf(), Buffer.from('\n\n   \n')]);
    expect(new PdfReader(pdf).pageCount()).toBe(1);
  });
});

describe('malformed input', () => {
  it('refuses what is not a PDF', () => {
    expectCode(() => new PdfReader(Buffer.from('<html><body>not a pdf</body></html>')), 'not-pdf');
    expectCode(() => new PdfReader(Buffer.alloc(0)), 'not-pdf');
  });

  it('refuses a truncated file', async () => {
    const pdf = await makePdf({ pages: 3 });
    expectCode(() => new PdfReader(pdf.subarray(0, Math.floor(pdf.length / 2))), 'bad-xref');
    expectCode(() => new PdfReader(pdf.subarray(0, 20)), 'bad-xref');
  });

  it('refuses a startxref that points nowhere', async () => {
    const pdf = await makePdf();
    const text = pdf.toString('latin1');
    const at = text.lastIndexOf('startxref');
    const broken = Buffer.from(`${text.slice(0, at)}startxref\n12\n%%EOF\n`, 'latin1');
    const error = structureError(() => new PdfReader(broken));
    expect(error.code).toBe('bad-xref');
    expect(error.message).toMatch(/startxref points to byte 12/);
    const missing = Buffer.from(`${text.slice(0, at)}startxref\n%%EOF\n`, 'latin1');
    expectCode(() => new PdfReader(missing), 'bad-xref');
  });

  it('refuses an encrypted file', async () => {
    const text = (await makePdf()).toString('latin1');
    const trailer = text.lastIndexOf('trailer');
    const encrypted =
      text.slice(0, trailer) + text.slice(trailer).replace('/Root', '/Encrypt 99 0 R\n/Root');
    const error = structureError(() => new PdfReader(Buffer.from(encrypted, 'latin1')));
    expect(error.code).toBe('encrypted');
    expect(error.message).toMatch(/encrypted/);
  });

  it('reports a /Prev loop by stopping, not by hanging', async () => {
    const text = (await makePdf()).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(-64))![1]);
    const trailer = text.lastIndexOf('trailer');
    const looping =
      text.slice(0, trailer) + text.slice(trailer).replace('/Root', `/Prev ${startxref}\n/Root`);
    expect(new PdfReader(Buffer.from(looping, 'latin1')).xref.sections).toHaveLength(1);
  });
});
