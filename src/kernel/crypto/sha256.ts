/**
 * SHA-256 of a text, in hex, in one call (`crypto.hash`): a request hashes its API key, its
 * idempotency scope and fingerprint and a new reporter's secret, and creating a Hash object
 * for each costs more than hashing a few dozen bytes.
 */
import { hash } from 'node:crypto';

export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}
