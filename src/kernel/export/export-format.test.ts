import { describe, expect, it } from 'vitest';
import { asciiSlug, exportContentType, exportExtension, exportFileName } from './export-format';

describe('exportFileName', () => {
  it('slugs a Vietnamese name to ASCII and dates it by the day in Vietnam', () => {
    // 18:00 UTC on the 20th is 01:00 on the 21st in Hà Nội.
    const at = new Date('2026-11-20T18:00:00Z');
    expect(exportFileName('Phản ánh', 'xlsx', at)).toBe('phan-anh-2026-11-21.xlsx');
    expect(exportFileName('Phản ánh', 'csv', at)).toBe('phan-anh-2026-11-21.csv');
    expect(exportFileName('Phản ánh', 'csv', at, 'UTC')).toBe('phan-anh-2026-11-20.csv');
  });

  it('turns đ into d and anything else into single hyphens', () => {
    expect(asciiSlug('Đơn đề nghị – Sở Tài nguyên & Môi trường')).toBe(
      'don-de-nghi-so-tai-nguyen-moi-truong',
    );
    expect(asciiSlug('  Hồ sơ  (TTHC)/2026 ')).toBe('ho-so-tthc-2026');
    expect(asciiSlug('Phản ánh'.normalize('NFD'))).toBe('phan-anh');
  });

  it('falls back to a neutral name and stays short', () => {
    const at = new Date('2026-01-05T03:00:00Z');
    expect(exportFileName('—', 'csv', at)).toBe('xuat-du-lieu-2026-01-05.csv');
    const name = exportFileName('Danh sách '.repeat(30), 'xlsx', at);
    expect(name).toMatch(/^[a-z0-9-]+-2026-01-05\.xlsx$/);
    expect(name.length).toBeLessThanOrEqual(80 + '-2026-01-05.xlsx'.length);
    expect(name).not.toContain('--');
  });
});

describe('export formats', () => {
  it('name their media types and extensions', () => {
    expect(exportContentType('csv')).toBe('text/csv; charset=utf-8');
    expect(exportContentType('xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(exportExtension('csv')).toBe('csv');
    expect(exportExtension('xlsx')).toBe('xlsx');
  });
});
