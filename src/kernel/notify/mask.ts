/**
 * Recipient addresses are personal data: logs and stored error texts show them masked,
 * enough for an operator to tell two recipients apart, not enough to contact anyone.
 */

/** `nguyen.van.an@example.vn` → `ng***@example.vn`; `0912345678` → `091****678`. */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) {
    const local = recipient.slice(0, at);
    return `${local.slice(0, Math.min(2, local.length - 1))}***${recipient.slice(at)}`;
  }
  const digits = recipient.replace(/\s+/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-3)}`;
  return '***';
}

/** Replaces every occurrence of the recipient in a text (e.g. a server's error reply). */
export function maskIn(text: string, recipient: string): string {
  return recipient === '' ? text : text.split(recipient).join(maskRecipient(recipient));
}
