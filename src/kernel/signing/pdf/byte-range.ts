/**
 * A signature's /ByteRange: the bytes it covers are the whole revision except the /Contents
 * hex string that holds the signature itself (§12.8.1). Hashing feeds the ranges to the hash
 * one after the other, as views, so the document is never copied to be signed or verified.
 */
import { createHash, type Hash } from 'node:crypto';
import { PdfStructureError } from './pdf-structure-error';

/** [offset1, length1, offset2, length2]; longer ranges (more pairs) are allowed by the spec. */
export type PdfByteRange = readonly number[];

function checkRange(bytes: Buffer, byteRange: PdfByteRange): void {
  if (byteRange.length === 0 || byteRange.length % 2 !== 0) {
    throw new PdfStructureError('bad-object', 'a /ByteRange needs pairs of offset and length');
  }
  for (let i = 0; i < byteRange.length; i += 2) {
    const offset = byteRange[i]!;
    const length = byteRange[i + 1]!;
    if (
      !Number.isInteger(offset) ||
      !Number.isInteger(length) ||
      offset < 0 ||
      length < 0 ||
      offset + length > bytes.length
    ) {
      throw new PdfStructureError('bad-object', 'the /ByteRange reaches outside the file');
    }
  }
}

/** Feeds the covered bytes into `hash` (which the caller then digests). */
export function updateHashWithByteRange(hash: Hash, bytes: Buffer, byteRange: PdfByteRange): Hash {
  checkRange(bytes, byteRange);
  for (let i = 0; i < byteRange.length; i += 2) {
    hash.update(bytes.subarray(byteRange[i], byteRange[i]! + byteRange[i + 1]!));
  }
  return hash;
}

/** The digest of the covered bytes, e.g. `digestByteRange(pdf, range, 'sha256')`. */
export function digestByteRange(bytes: Buffer, byteRange: PdfByteRange, algorithm: string): Buffer {
  return updateHashWithByteRange(createHash(algorithm), bytes, byteRange).digest();
}

/**
 * The covered bytes as one Buffer. This copies the document; it exists for signers that need
 * the content itself (an external CMS tool, a remote signing service), not for hashing.
 */
export function byteRangeContent(bytes: Buffer, byteRange: PdfByteRange): Buffer {
  checkRange(bytes, byteRange);
  const parts: Buffer[] = [];
  for (let i = 0; i < byteRange.length; i += 2) {
    parts.push(bytes.subarray(byteRange[i], byteRange[i]! + byteRange[i + 1]!));
  }
  return Buffer.concat(parts);
}
