import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';
import { hotp, otpauthUri, totp, totpStep, verifyTotp, type OtpAlgorithm } from './totp';

// RFC 6238 Appendix B: seeds are the ASCII digits repeated to the hash's block size.
const SEEDS: Record<OtpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const VECTORS: Array<[number, string, OtpAlgorithm]> = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at %i s gives %s with %s', (seconds, expected, algorithm) => {
    const at = new Date(seconds * 1000);
    expect(totp(SEEDS[algorithm], at, { digits: 8, algorithm })).toBe(expected);
  });

  it('matches the HOTP values of RFC 4226 Appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314'];
    expect(expected.map((_, i) => hotp(SEEDS.sha1, i))).toEqual(expected);
  });

  it('accepts one step of drift either side and nothing further', () => {
    const key = SEEDS.sha1;
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const at = (offset: number) => new Date(now.getTime() + offset * 30_000);
    expect(verifyTotp(key, totp(key, at(-1)), now, null)).toBe(step - 1);
    expect(verifyTotp(key, totp(key, now), now, null)).toBe(step);
    expect(verifyTotp(key, totp(key, at(1)), now, null)).toBe(step + 1);
    expect(verifyTotp(key, totp(key, at(-2)), now, null)).toBeNull();
    expect(verifyTotp(key, totp(key, at(2)), now, null)).toBeNull();
  });

  it('refuses a code whose step was already used', () => {
    const key = SEEDS.sha1;
    const now = new Date(1_700_000_000_000);
    const code = totp(key, now);
    const step = verifyTotp(key, code, now, null);
    expect(step).not.toBeNull();
    expect(verifyTotp(key, code, now, step)).toBeNull();
    expect(verifyTotp(key, totp(key, new Date(now.getTime() - 30_000)), now, step)).toBeNull();
  });

  it('refuses malformed codes', () => {
    const now = new Date();
    expect(verifyTotp(SEEDS.sha1, '12345', now, null)).toBeNull();
    expect(verifyTotp(SEEDS.sha1, '12345a', now, null)).toBeNull();
  });

  it('builds an otpauth URI that carries the base32 secret and the issuer', () => {
    const uri = new URL(otpauthUri(SEEDS.sha1, 'Tỉnh số', 'ng.van.a@example.vn'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Tỉnh số:ng.van.a@example.vn');
    expect(uri.searchParams.get('secret')).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(uri.searchParams.get('issuer')).toBe('Tỉnh số');
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
  });
});

describe('base32', () => {
  it('follows RFC 4648 §10', () => {
    const cases: Array<[string, string]> = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw 6ytb oi==').toString()).toBe('foobar');
    expect(() => base32Decode('MZ1')).toThrow();
  });
});
