import { describe, expect, it } from 'vitest';
import { randomBytesPooled, randomToken } from './random-token';

describe('randomToken', () => {
  it('gives base64url tokens of the asked length, never the same one twice', () => {
    // 3,000 tokens of 18 bytes draw 54,000 bytes: the pool is refilled a dozen times.
    const tokens = Array.from({ length: 3000 }, () => randomToken(18));
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('hands out bytes the pool no longer holds: a later draw cannot change an earlier one', () => {
    const first = randomBytesPooled(32);
    const copy = Buffer.from(first);
    for (let i = 0; i < 500; i += 1) randomBytesPooled(32);
    expect(first.equals(copy)).toBe(true);
  });

  it('serves a request larger than the pool', () => {
    const bytes = randomBytesPooled(10_000);
    expect(bytes.length).toBe(10_000);
    // 10,000 random bytes hold every byte value (the chance of one missing is ~e^-33).
    expect(new Set(bytes).size).toBe(256);
  });
});
