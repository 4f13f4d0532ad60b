/**
 * Random tokens (session tokens, API keys, reporter secrets, Open311 tokens) drawn from a pool of random
 * bytes filled a few kilobytes at a time. Each `randomBytes` call asks OpenSSL's generator
 * afresh, and OpenSSL checks on every call whether the process has forked, which is a
 * system call: on a virtual machine that traps system calls, two small tokens per filed
 * report cost more than the rest of its validation. Node pools the same way for
 * `randomUUID` and `randomInt`. Every byte is handed out once; the pool is refilled from
 * the same cryptographically secure generator.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
/** Where the unused bytes start; POOL_BYTES when the pool is spent. */
let next = POOL_BYTES;

/** `length` fresh random bytes (a new Buffer, not a view of the pool). */
export function randomBytesPooled(length: number): Buffer {
  if (length > POOL_BYTES) return randomFillSync(Buffer.alloc(length));
  if (next + length > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const bytes = Buffer.from(pool.subarray(next, next + length));
  // The bytes handed out do not stay behind in the pool.
  pool.fill(0, next, next + length);
  next += length;
  return bytes;
}

/** A token of `length` random bytes, in base64url (no padding). */
export function randomToken(length: number): string {
  return randomBytesPooled(length).toString('base64url');
}
