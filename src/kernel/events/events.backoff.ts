/**
 * When a failed delivery is tried again: exponential backoff (1 s, 2 s, 4 s … up to a cap)
 * with jitter, so handlers failing together on a shared outage do not retry in lockstep.
 */
export interface BackoffOptions {
  /** Delay after the first failure (default 1000 ms). 0 retries at once, e.g. in tests. */
  baseMs: number;
  /** Longest delay (default 5 minutes). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 5 * 60 * 1000 };

/**
 * Delay before attempt `failedAttempts + 1`: base·2^(n−1), capped, then spread over
 * ±25 % ("random" is injectable so tests can pin it).
 */
export function retryDelayMs(
  failedAttempts: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  const nominal = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(nominal * (0.75 + random() * 0.5));
}
