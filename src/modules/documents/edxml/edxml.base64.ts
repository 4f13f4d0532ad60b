/**
 * Attachment bytes travel as base64 inside the XML. Node's decoder silently skips characters it
 * does not know, which would turn a damaged file into a different, plausible one; this decoder
 * refuses anything that is not clean base64 (line breaks allowed, as Java's MIME encoder wraps)
 * and checks the size before allocating.
 */
import { EdxmlError } from './edxml.errors';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export function decodeBase64(text: string, path: string, maxBytes: number): Buffer {
  const compact = text.replace(/[ \t\r\n]+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw new EdxmlError('EDXML_BAD_BASE64', { path });
  }
  const padding = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  const size = (compact.length / 4) * 3 - padding;
  if (size > maxBytes) {
    throw new EdxmlError('EDXML_ATTACHMENT_TOO_LARGE', {
      path,
      reason: `${size} bytes, the limit is ${maxBytes}`,
    });
  }
  const bytes = Buffer.from(compact, 'base64');
  // Non-canonical trailing bits (e.g. `QR==` for `QQ==`) decode but do not round-trip; refuse.
  if (bytes.toString('base64') !== compact) {
    throw new EdxmlError('EDXML_BAD_BASE64', { path, reason: 'non-canonical padding bits' });
  }
  return bytes;
}

export function encodeBase64(bytes: Buffer): string {
  return bytes.toString('base64');
}
