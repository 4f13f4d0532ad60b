/**
 * Where file content lives, addressed by its SHA-256: the same bytes are stored once, however
 * many records point at them, and a name can never be guessed from a record.
 *
 * The interface is small on purpose so an S3-compatible object store can implement it later
 * without touching any caller:
 * - `put` → a multipart upload to `<prefix>/ab/cd/<sha256>` through a hashing, counting
 *   stream (the key is only known at the end, so upload to a temporary key and
 *   CopyObject + DeleteObject it under its hash, or skip the copy when HeadObject finds it);
 * - `get` → GetObject as a stream; `has`/`stat` → HeadObject (ContentLength, LastModified);
 * - `delete` → DeleteObject. Re-putting existing content refreshes LastModified (a
 *   CopyObject onto itself), which is what the clean-up job's grace period relies on.
 */
import type { Readable } from 'node:stream';

export interface PutResult {
  sha256: string;
  size: number;
}

export interface PutOptions {
  /** Refuse content longer than this many bytes (ContentTooLargeError). */
  maxBytes?: number;
}

export interface ContentStat {
  size: number;
  /** Last time the content was written or re-put; the clean-up job leaves recent content alone. */
  lastWrittenAt: Date;
}

export interface FileStore {
  /** Stores the content and returns its address; storing known content is a cheap no-op. */
  put(content: Readable | Buffer, options?: PutOptions): Promise<PutResult>;
  /** Opens the content for reading; throws ContentNotFoundError when it is missing. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  stat(sha256: string): Promise<ContentStat | null>;
  /** Removes the content; removing missing content is not an error. */
  delete(sha256: string): Promise<void>;
  /**
   * Removes what interrupted writes left behind before `before` (a crash between the
   * temporary write and the rename). On S3: abort incomplete multipart uploads.
   */
  sweep(before: Date): Promise<number>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Addresses come from our own database, but a malformed one must never become a path. */
export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error('not a lowercase hex SHA-256 digest');
}

export class ContentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content is larger than ${maxBytes} bytes`);
    this.name = 'ContentTooLargeError';
  }
}

export class ContentNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`no stored content ${sha256}`);
    this.name = 'ContentNotFoundError';
  }
}
