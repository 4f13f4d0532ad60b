/**
 * Text strings and dates as PDF stores them (§7.9.2, §7.9.4). Vietnamese names and reasons do
 * not fit PDFDocEncoding, so text is written as UTF-16BE with a byte-order mark; reading also
 * accepts PDFDocEncoding and the UTF-8 form PDF 2.0 added.
 */
import { PdfString } from './pdf-values';

/** PDFDocEncoding (Annex D) where it differs from Latin-1: 0x18–0x1F, 0x80–0x9F and 0xA0. */
const PDF_DOC_LOW = '˘ˇˆ˙˝˛˚˜';
const PDF_DOC_HIGH = '•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\uFFFD';

function isPdfDocAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Encodes text for a text-string entry: plain ASCII stays as is, anything else is UTF-16BE. */
export function encodePdfText(text: string): PdfString {
  if (isPdfDocAscii(text)) return new PdfString(Buffer.from(text, 'latin1'));
  const utf16 = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return new PdfString(utf16.swap16());
}

export function decodePdfText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return body.swap16().toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return bytes.toString('utf8', 3);
  }
  let text = '';
  for (const byte of bytes) {
    if (byte >= 0x18 && byte <= 0x1f) text += PDF_DOC_LOW[byte - 0x18];
    else if (byte >= 0x80 && byte <= 0x9f) text += PDF_DOC_HIGH[byte - 0x80];
    else if (byte === 0xa0) text += '€';
    else text += String.fromCharCode(byte);
  }
  return text;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * `D:YYYYMMDDHHmmSS+HH'mm'` for `date` as seen at `offsetMinutes` east of UTC. The offset is
 * given rather than taken from the process because the server's zone is not the signer's
 * (Vietnam is +07:00 all year).
 */
export function formatPdfDate(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `D:${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}'${pad(abs % 60)}'`
  );
}

const PDF_DATE =
  /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?/;

const datePart = (match: RegExpExecArray, i: number, fallback: number): number =>
  match[i] === undefined ? fallback : Number(match[i]);

/** Reads a PDF date; null when it is not one (the claim is then simply absent). */
export function parsePdfDate(text: string): Date | null {
  const match = PDF_DATE.exec(text.trim());
  if (!match) return null;
  const year = datePart(match, 1, 0);
  const month = datePart(match, 2, 1);
  const day = datePart(match, 3, 1);
  const hour = datePart(match, 4, 0);
  const minute = datePart(match, 5, 0);
  const second = datePart(match, 6, 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  let offset = 0;
  const sign = match[7];
  if (sign === '+' || sign === '-') {
    offset = (datePart(match, 8, 0) * 60 + datePart(match, 9, 0)) * (sign === '-' ? -1 : 1);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return new Date(utc);
}
