import { describe, expect, it } from 'vitest';
import { PdfParser } from './pdf-parser';
import { PdfStructureError } from './pdf-structure-error';
import {
  PdfDict,
  PdfRef,
  PdfStream,
  type PdfName,
  type PdfString,
  type PdfValue,
} from './pdf-values';

const parse = (text: string): PdfValue => new PdfParser(Buffer.from(text, 'latin1')).readValue();

describe('PdfParser.readValue', () => {
  it('reads numbers, booleans and null', () => {
    expect(parse('42')).toBe(42);
    expect(parse('-17')).toBe(-17);
    expect(parse('+3.5')).toBe(3.5);
    expect(parse('-.002')).toBe(-0.002);
    expect(parse('4.')).toBe(4);
    expect(parse('true')).toBe(true);
    expect(parse('false')).toBe(false);
    expect(parse('null')).toBe(null);
  });

  it('tells an indirect reference from two integers', () => {
    const array = parse('[1 0 R 2 3 4 5 R 6]') as PdfValue[];
    expect(array).toEqual([new PdfRef(1, 0), 2, 3, new PdfRef(4, 5), 6]);
    // "R" must be a whole token: "1 0 Rx" is not a reference.
    expect(() => parse('[1 0 Rx]')).toThrow(PdfStructureError);
  });

  it('decodes #xx escapes in names', () => {
    expect((parse('/A#20B#23') as PdfName).name).toBe('A B#');
    expect((parse('/Adobe.PPKLite') as PdfName).name).toBe('Adobe.PPKLite');
    // A name ends at a delimiter.
    expect((parse('[/Type/Sig]') as PdfName[]).map((n) => n.name)).toEqual(['Type', 'Sig']);
  });

  it('reads literal strings with balanced parentheses, escapes and octal codes', () => {
    const value = parse('(a(b)c\\)\\n\\t\\053\\7x\\\\\\\r\nend\r\nline)') as PdfString;
    expect(value.bytes.toString('latin1')).toBe('a(b)c)\n\t+\x07x\\end\nline');
    expect(() => parse('(unbalanced (')).toThrow(PdfStructureError);
  });

  it('reads hex strings as raw bytes, ignoring white-space and padding an odd digit', () => {
    expect((parse('<FEFF 0054>') as PdfString).bytes).toEqual(Buffer.from([0xfe, 0xff, 0, 0x54]));
    expect((parse('<41 4>') as PdfString).bytes).toEqual(Buffer.from([0x41, 0x40]));
    expect((parse('<3082abcd>') as PdfString).bytes).toEqual(Buffer.from('3082abcd', 'hex'));
    expect(() => parse('<41 zz>')).toThrow(PdfStructureError);
  });

  it('decodes a long hex string lazily, and only its head when asked', () => {
    const hex = `3082 0004 ${'ab'.repeat(4)}${'0'.repeat(1000)}`;
    const value = parse(`<${hex}>`) as PdfString;
    expect(value.sourceOffset).toBe(0);
    expect(value.sourceEnd).toBe(hex.length + 2);
    expect(value.head(4)).toEqual(Buffer.from('30820004', 'hex'));
    expect(value.bytes).toEqual(Buffer.from(hex.replaceAll(' ', ''), 'hex'));
    // A bad digit in a long string surfaces, as a structure error, when it is decoded.
    const bad = parse(`<${'00'.repeat(300)}zz>`) as PdfString;
    expect(() => bad.bytes).toThrow(PdfStructureError);
  });

  it('reads nested dictionaries and drops null entries', () => {
    const dict = parse('<</Type/Annot/Rect[0 0 10.5 20]/AP<</N 7 0 R>>/X null % comment\n>>');
    expect(dict).toBeInstanceOf(PdfDict);
    const d = dict as PdfDict;
    expect(d.nameOf('Type')).toBe('Annot');
    expect(d.get('Rect')).toEqual([0, 0, 10.5, 20]);
    expect((d.get('AP') as PdfDict).get('N')).toEqual(new PdfRef(7, 0));
    expect(d.has('X')).toBe(false);
  });

  it('fails on nesting deep enough to exhaust the stack, rather than crashing', () => {
    expect(() => parse('['.repeat(100_000))).toThrow(PdfStructureError);
  });
});

describe('PdfParser.readIndirectObject', () => {
  it('reads a stream whose /Length is an indirect reference', () => {
    const data = Buffer.from('7 0 obj\n<</Length 9 0 R>>\nstream\r\nabc\nendstream\nendobj\n');
    const object = new PdfParser(data).readIndirectObject((ref) => (ref.num === 9 ? 3 : undefined));
    expect(object.num).toBe(7);
    expect(object.value).toBeInstanceOf(PdfStream);
    expect((object.value as PdfStream).raw.toString()).toBe('abc');
  });

  it('falls back to endstream when /Length is wrong', () => {
    const data = Buffer.from('1 0 obj\n<</Length 2>>\nstream\nabcdef\nendstream\nendobj\n');
    const object = new PdfParser(data).readIndirectObject();
    expect((object.value as PdfStream).raw.toString()).toBe('abcdef');
  });
});
