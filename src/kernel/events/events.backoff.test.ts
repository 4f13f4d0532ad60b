import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './events.backoff';

describe('retry delay', () => {
  const middle = () => 0.5;

  it('doubles from one second', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, undefined, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('is capped', () => {
    expect(retryDelayMs(40, { baseMs: 1000, maxMs: 60_000 }, middle)).toBe(60_000);
  });

  it('spreads retries over ±25 %', () => {
    expect(retryDelayMs(3, undefined, () => 0)).toBe(3000);
    expect(retryDelayMs(3, undefined, () => 0.999999)).toBe(5000);
  });

  it('retries at once when the base is zero', () => {
    expect(retryDelayMs(7, { baseMs: 0, maxMs: 1000 }, Math.random)).toBe(0);
  });
});
