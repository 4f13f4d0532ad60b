/**
 * File names from clients are text to display, nothing more: they are cleaned before being
 * stored, and sent back in a Content-Disposition header that every browser decodes the same
 * way (RFC 6266 with the RFC 5987 `filename*` parameter for Vietnamese names).
 */

const MAX_NAME_LENGTH = 150;
// Control characters, path separators and characters Windows refuses in file names.
const UNSAFE = /[\p{Cc}\p{Cf}<>:"/\\|?*]/gu;

/**
 * A display-safe name: Unicode NFC, no directory part, no control or reserved characters,
 * at most 150 characters, and ending in the extension of the type actually stored.
 */
export function sanitiseFileName(raw: string | undefined, extension: string): string {
  const normalised = (raw ?? '').normalize('NFC');
  const lastSegment = normalised.split(/[/\\]/).pop() ?? '';
  let base = lastSegment.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim();
  // Drop the client's extension: the stored type decides it.
  const dot = base.lastIndexOf('.');
  if (dot > 0) base = base.slice(0, dot);
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (base === '' || /^_+$/.test(base)) base = 'tep';
  const chars = Array.from(base);
  if (chars.length > MAX_NAME_LENGTH) base = chars.slice(0, MAX_NAME_LENGTH).join('').trim();
  return `${base}.${extension}`;
}

/** ASCII stand-in for clients that ignore `filename*`: diacritics removed, đ → d. */
export function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
}

/** RFC 5987 percent-encoding: everything but attr-chars is encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
