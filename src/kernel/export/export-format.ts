/**
 * The file formats a list can be exported to, with what a download needs to know about each:
 * its media type, its extension, and a file name such as `phan-anh-2026-11-21.xlsx`.
 */
import { DEFAULT_TIMEZONE } from '../calendar/working-calendar';
import { WallClock } from './wall-clock';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const MAX_SLUG_LENGTH = 80;

export function exportContentType(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}

export function exportExtension(format: ExportFormat): string {
  return format;
}

/** Lower-case ASCII words joined by hyphens: "Phản ánh – Đà Nẵng" → "phan-anh-da-nang". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}

/**
 * `<slug of base>-<day in the platform's zone>.<extension>`. The day is the local one: an
 * export made at 06:00 in Hà Nội is dated that day, though it is still yesterday in UTC.
 */
export function exportFileName(
  base: string,
  format: ExportFormat,
  at: Date,
  timezone: string = DEFAULT_TIMEZONE,
): string {
  const day = new Date(new WallClock(timezone).wallMs(at)).toISOString().slice(0, 10);
  const slug = asciiSlug(base) || 'xuat-du-lieu';
  return `${slug}-${day}.${exportExtension(format)}`;
}
