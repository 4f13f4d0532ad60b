/**
 * A reasonable check of one e-mail address, not RFC 5322's full grammar: quoted local parts,
 * comments and IP-literal domains are valid there but only ever typed by mistake in a form.
 * Letters beyond ASCII are allowed (internationalised addresses, `thư@bưuđiện.vn`).
 */

/** The longest address SMTP can carry (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const LOCAL_PART_MAX_LENGTH = 64;

/** The address with its domain in lower case (domains are case-insensitive), or undefined. */
export function normaliseEmail(text: string): string | undefined {
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = text.slice(0, at);
  // Lowering case can leave a letter decomposed; compose it again so the result is a fixed point.
  const domain = text
    .slice(at + 1)
    .toLowerCase()
    .normalize('NFC');
  if (local.length > LOCAL_PART_MAX_LENGTH || !LOCAL_PART.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return undefined;
  // A top-level domain is never all digits; "a@10.0.0.1" is an IP address, not a domain.
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return undefined;
  return `${local}@${domain}`;
}
