import { describe, expect, it } from 'vitest';
import { totpCode } from './totp';

describe('the test TOTP generator', () => {
  it('matches the RFC 6238 appendix B vectors (SHA-1)', () => {
    // Secret "12345678901234567890" in base32; the RFC lists 8-digit codes.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, new Date(59_000), 8)).toBe('94287082');
    expect(totpCode(secret, new Date(1_111_111_109_000), 8)).toBe('07081804');
    expect(totpCode(secret, new Date(1_234_567_890_000), 8)).toBe('89005924');
    expect(totpCode(secret, new Date(20_000_000_000_000), 8)).toBe('65353130');
  });
});
