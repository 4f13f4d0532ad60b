import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';
import { encodeContent, FLATE_THRESHOLD, pdfNumber, streamBody } from './pdf-syntax';

describe('pdf syntax', () => {
  it('writes numbers as PDF reals: no exponent, three decimals at most, no -0', () => {
    expect(pdfNumber(12)).toBe('12');
    expect(pdfNumber(12.5)).toBe('12.5');
    expect(pdfNumber(1 / 3)).toBe('0.333');
    expect(pdfNumber(-0.0001)).toBe('0');
    expect(pdfNumber(1e-7)).toBe('0');
    expect(pdfNumber(123456789.1234)).toBe('123456789.123');
    expect(() => pdfNumber(Number.NaN)).toThrow(RangeError);
  });

  it('writes /Length as the byte count of the data', () => {
    const data = Buffer.from('BT ET \xff', 'latin1');
    expect(streamBody('/Type /X', data).toString('latin1')).toBe(
      '<< /Type /X /Length 7 >>\nstream\nBT ET \xff\nendstream',
    );
  });

  it('compresses content streams only when they are large', () => {
    const small = encodeContent('q Q');
    expect(small.filter).toBe('');
    const content = 'BT /F1 13 Tf [<0001>] TJ ET\n'.repeat(Math.ceil(FLATE_THRESHOLD / 20));
    const large = encodeContent(content);
    expect(large.filter).toBe(' /Filter /FlateDecode');
    expect(inflateSync(large.data).toString('latin1')).toBe(content);
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });
});
