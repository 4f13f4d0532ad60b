import { describe, expect, it } from 'vitest';
import { PdfParser } from './pdf-parser';
import { serializePdfValue } from './pdf-serialize';
import { pdfValuesEqual, type PdfValue } from './pdf-values';

const parse = (text: string): PdfValue => new PdfParser(Buffer.from(text, 'latin1')).readValue();

describe('serializePdfValue', () => {
  it('writes values that parse back to equal values, strings as hex', () => {
    const text = '<</T (Ch\\353 k\\375)/N/A#20B/K[1 0 R -2.5 true]/S<00ff>>>';
    const value = parse(text);
    const written = serializePdfValue(value);
    expect(written).toContain('/N /A#20B');
    expect(written).toContain('<4368eb206bfd>');
    expect(pdfValuesEqual(parse(written), value)).toBe(true);
  });

  it('writes numbers without exponents', () => {
    expect(serializePdfValue(1e-7)).toBe('0');
    expect(serializePdfValue(0.000123)).toBe('0.000123');
    expect(serializePdfValue(1e21)).toBe('1000000000000000000000');
    expect(serializePdfValue(-0.5)).toBe('-0.5');
  });
});
