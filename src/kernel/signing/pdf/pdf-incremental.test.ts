import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendIncrementalUpdate, createObjectAllocator } from './pdf-incremental';
import { PdfReader } from './pdf-reader';
import { PdfStructureError } from './pdf-structure-error';
import { valueObjectBody } from './pdf-serialize';
import { PdfDict, PdfRef, PdfStream, PdfString, pdfDict, pdfValuesEqual } from './pdf-values';
import { decodePdfText, encodePdfText } from './pdf-text';
import {
  createSigningIdentity,
  makeHybridPdf,
  makePdf,
  poppler,
  type SigningIdentity,
} from './test-support';

// Only used for its temporary directory: poppler reads files.
let identity: SigningIdentity;
beforeAll(() => {
  identity = createSigningIdentity();
});
afterAll(() => identity.remove());

/** Replaces the document information dictionary's /Title and adds one new object. */
function retitle(pdf: Buffer, title: string): { bytes: Buffer; newNum: number } {
  const reader = new PdfReader(pdf);
  const infoRef = reader.trailer.get('Info');
  expect(infoRef).toBeInstanceOf(PdfRef);
  const info = reader.resolveDict(infoRef)!.clone().set('Title', encodePdfText(title));
  const newNum = createObjectAllocator(reader)();
  const update = appendIncrementalUpdate(reader, [
    { num: (infoRef as PdfRef).num, body: valueObjectBody(info) },
    { num: newNum, body: valueObjectBody(pdfDict({ Note: encodePdfText('added') })) },
  ]);
  return { bytes: update.bytes, newNum };
}

function titleOf(pdf: Buffer): string {
  const reader = new PdfReader(pdf);
  const title = reader.resolveDict(reader.trailer.get('Info'))?.get('Title');
  return title instanceof PdfString ? decodePdfText(title.bytes) : '';
}

describe('appendIncrementalUpdate', () => {
  it.each([
    ['table', false],
    ['stream', true],
  ] as const)('answers a %s with the same kind of section', async (kind, objectStreams) => {
    const original = await makePdf({ pages: 2, objectStreams });
    const before = new PdfReader(original);
    const { bytes, newNum } = retitle(original, 'Quyết định số 12/QĐ-UBND');

    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    const after = new PdfReader(bytes);
    expect(after.xref.sections).toHaveLength(before.xref.sections.length + 1);
    expect(after.xref.sections[0]!.kind).toBe(kind);
    expect(after.trailer.get('Prev')).toBe(before.xref.startxref);
    expect(after.trailer.get('Size')).toBe(newNum + (kind === 'stream' ? 2 : 1));
    expect(after.trailer.get('Root')).toEqual(before.trailer.get('Root'));
    expect(after.resolveDict(new PdfRef(newNum, 0))).toBeInstanceOf(PdfDict);
    expect(titleOf(bytes)).toBe('Quyết định số 12/QĐ-UBND');
    if (kind === 'stream') {
      // The xref stream lists itself.
      const section = after.xref.sections[0]!;
      const self = [...section.entries].find(
        ([num]) => after.getObject(num) instanceof PdfStream && num > newNum,
      );
      expect(self?.[1]).toEqual({ type: 'offset', offset: section.position, gen: 0 });
    }

    // Independent readers see the new title and the same pages.
    const info = poppler(identity, 'pdfinfo', bytes);
    expect(info.status).toBe(0);
    expect(info.output).toMatch(/^Title:\s+Quyết định số 12\/QĐ-UBND$/m);
    expect(info.output).toMatch(/^Pages:\s+2$/m);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('Quyết định số 12/QĐ-UBND');

    // A second update chains onto the first.
    const again = retitle(bytes, 'Lần hai').bytes;
    expect(new PdfReader(again).xref.sections).toHaveLength(before.xref.sections.length + 2);
    expect(titleOf(again)).toBe('Lần hai');
    expect(poppler(identity, 'pdfinfo', again).output).toMatch(/^Title:\s+Lần hai$/m);
  });

  it('keeps /ID and /Info in the new trailer', async () => {
    const text = (await makePdf()).toString('latin1');
    const trailer = text.lastIndexOf('trailer');
    const withId =
      text.slice(0, trailer) +
      text
        .slice(trailer)
        .replace('/Root', '/ID [<00112233445566778899aabbccddeeff> <0011>]\n/Root');
    const reader = new PdfReader(Buffer.from(withId, 'latin1'));
    const update = appendIncrementalUpdate(reader, [
      { num: reader.size, body: Buffer.from('<<>>') },
    ]);
    const after = new PdfReader(update.bytes);
    // Same value (the parsed strings differ only in where they were read from).
    expect(pdfValuesEqual(after.trailer.get('ID'), reader.trailer.get('ID'))).toBe(true);
    expect((after.trailer.get('ID') as PdfString[])[0]!.bytes.toString('hex')).toBe(
      '00112233445566778899aabbccddeeff',
    );
    expect(after.trailer.get('Info')).toEqual(reader.trailer.get('Info'));
  });

  it('writes a table after a hybrid file, which readers still follow into /XRefStm', () => {
    const original = makeHybridPdf();
    const reader = new PdfReader(original);
    const catalog = reader.catalog().clone().set('Lang', encodePdfText('vi-VN'));
    const update = appendIncrementalUpdate(reader, [
      { num: reader.rootRef.num, body: valueObjectBody(catalog) },
    ]);
    const after = new PdfReader(update.bytes);
    expect(after.xref.sections.map((s) => s.kind)).toEqual(['table', 'table']);
    expect(after.catalog().get('Lang')).toBeInstanceOf(PdfString);
    expect(after.page(1).mediaBox).toEqual([0, 0, 300, 400]);
    const info = poppler(identity, 'pdfinfo', update.bytes);
    expect(info.status).toBe(0);
    expect(info.output).toMatch(/^Pages:\s+2$/m);
  });

  it('keeps the offset convention of a file with junk before its header', async () => {
    const junk = Buffer.from('JUNK\n');
    const original = Buffer.concat([junk, await makePdf()]);
    const { bytes } = retitle(original, 'Có rác ở đầu');
    const after = new PdfReader(bytes);
    expect(after.xref.shift).toBe(junk.length);
    expect(titleOf(bytes)).toBe('Có rác ở đầu');
  });

  it('refuses an update without objects or with a duplicate number', async () => {
    const reader = new PdfReader(await makePdf());
    expect(() => appendIncrementalUpdate(reader, [])).toThrow(PdfStructureError);
    const body = Buffer.from('<<>>');
    expect(() =>
      appendIncrementalUpdate(reader, [
        { num: reader.size, body },
        { num: reader.size, body },
      ]),
    ).toThrow(PdfStructureError);
  });
});
