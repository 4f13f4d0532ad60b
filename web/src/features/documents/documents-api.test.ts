import { describe, expect, it } from 'vitest';
import { exportUrl, filterParams, filtersFrom } from './documents-api';

describe('register list filters in the address and on the wire', () => {
  it('reads the address, dropping unknown boxes, statuses and malformed days', () => {
    const outgoing = filtersFrom(
      new URLSearchParams('box=to_sign&status=issued&type=QĐ&from=2026-11-01&to=30/11/2026&q=bao'),
      'outgoing',
    );
    expect(outgoing).toEqual({
      box: 'to_sign',
      q: 'bao',
      status: 'issued',
      type: 'QĐ',
      from: '2026-11-01',
      to: '',
    });
    const incoming = filtersFrom(
      new URLSearchParams('box=to_sign&status=issued&type=QĐ'),
      'incoming',
    );
    // Those are outgoing boxes and statuses; an incoming list has no kind filter.
    expect(incoming).toMatchObject({ box: 'all', status: '', type: '' });
    expect(filtersFrom(new URLSearchParams('box=overdue'), 'incoming').box).toBe('overdue');
  });

  it('keeps the default box out of the address and sends the same filters to the export', () => {
    const filters = filtersFrom(
      new URLSearchParams('q=%20so%20tan%20&from=2026-11-01'),
      'outgoing',
    );
    expect(filterParams(filters).toString()).toBe('q=+so+tan+&from=2026-11-01');
    expect(exportUrl('outgoing', filters, 'xlsx')).toBe(
      '/api/documents/outgoing/export?box=all&q=so+tan&from=2026-11-01&format=xlsx',
    );
    const register = { ...filters, box: 'register', q: '' };
    expect(exportUrl('incoming', register, 'csv')).toBe(
      '/api/documents/incoming/export?box=register&from=2026-11-01&format=csv',
    );
  });
});
