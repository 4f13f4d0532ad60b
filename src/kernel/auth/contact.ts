/**
 * Email addresses and phone numbers: one canonical form for storage and look-up, and the
 * masked form shown in staff lists (personal data is masked wherever a full value is not
 * needed).
 */

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Vietnamese numbers in E.164: `0912 345 678`, `+84 912.345.678` and `84912345678` all give
 * `+84912345678`. Mobile numbers have 9 digits after the country code (3x, 5x, 7x, 8x, 9x);
 * landlines since 2017 have 10 (2xx area code). Anything else is null.
 */
export function normalisePhone(phone: string): string | null {
  const compact = phone.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (/^\+84\d+$/.test(compact)) national = compact.slice(3);
  else if (/^84\d{9,10}$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return null;
  if (national.startsWith('0')) national = national.slice(1);
  if (/^[35789]\d{8}$/.test(national) || /^2\d{9}$/.test(national)) return `+84${national}`;
  return null;
}

/** `nguyen.van.a@gmail.com` → `ng***@gmail.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '***';
  const local = email.slice(0, at);
  const visible = [...local].slice(0, local.length > 2 ? 2 : 1).join('');
  return `${visible}***${email.slice(at)}`;
}

/** `+84912345123` → `+84 9** *** 123`: the network digit and the last three stay. */
export function maskPhone(phone: string): string {
  const national = phone.replace(/^\+84/, '');
  if (national.length < 5) return '+84 ***';
  const masked = `${national[0]}${'*'.repeat(national.length - 4)}${national.slice(-3)}`;
  // Grouped like the number is read aloud: the last two groups have three digits.
  const head = masked.slice(0, masked.length - 6);
  return `+84 ${head} ${masked.slice(-6, -3)} ${masked.slice(-3)}`;
}
