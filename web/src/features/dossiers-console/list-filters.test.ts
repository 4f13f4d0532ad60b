import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  exportUrl,
  filterParams,
  filtersFrom,
  listQuery,
  pageFrom,
} from './list-filters';

describe('the work list’s filters in the address', () => {
  it('opens on my work, by appointment, with nothing filtered', () => {
    expect(filtersFrom(new URLSearchParams())).toEqual(EMPTY_FILTERS);
    expect(filterParams(EMPTY_FILTERS).toString()).toBe('');
    expect(pageFrom(new URLSearchParams())).toBe(1);
  });

  it('reads every filter and drops what the server would refuse', () => {
    const filters = filtersFrom(
      new URLSearchParams(
        'box=late&q=+nguyen+thi&procedure=1.001193&status=received&channel=TRUC_TUYEN' +
          '&from=2026-03-01&to=2026-03-31&sort=-submitted&page=3',
      ),
    );
    expect(filters).toEqual({
      box: 'late',
      q: 'nguyen thi',
      procedure: '1.001193',
      status: 'received',
      channel: 'TRUC_TUYEN',
      from: '2026-03-01',
      to: '2026-03-31',
      sort: '-submitted',
    });
    const bad = filtersFrom(
      new URLSearchParams('box=mine&status=lost&channel=fax&from=01/03/2026&sort=random'),
    );
    expect(bad).toEqual(EMPTY_FILTERS);
    expect(filtersFrom(new URLSearchParams(`q=${'a'.repeat(300)}`)).q).toHaveLength(100);
  });

  it('writes the address back the same way, paging included', () => {
    const address =
      'box=late&q=nguyen+thi&procedure=1.001193&status=received&channel=TRUC_TUYEN' +
      '&from=2026-03-01&to=2026-03-31&sort=-submitted&page=3';
    const params = new URLSearchParams(address);
    expect(filterParams(filtersFrom(params), pageFrom(params)).toString()).toBe(address);
    expect(pageFrom(new URLSearchParams('page=0'))).toBe(1);
    expect(pageFrom(new URLSearchParams('page=2.5'))).toBe(1);
    expect(pageFrom(new URLSearchParams('page=abc'))).toBe(1);
  });

  it('says the box and order to the server and leaves empty filters out', () => {
    expect(listQuery(EMPTY_FILTERS)).toEqual({ box: 'todo', sort: 'due' });
    expect(
      listQuery({ ...EMPTY_FILTERS, box: 'all', q: '  Hạ Long ', procedure: ' 1.001193 ' }),
    ).toEqual({ box: 'all', sort: 'due', q: 'Hạ Long', procedure: '1.001193' });
  });

  it('exports the same filtered list, whole, in the chosen format', () => {
    const url = exportUrl(
      { ...EMPTY_FILTERS, box: 'finished', status: 'returned', from: '2026-01-01' },
      'xlsx',
    );
    const [path, search] = url.split('?');
    expect(path).toBe('/api/dossiers/export');
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      box: 'finished',
      sort: 'due',
      status: 'returned',
      from: '2026-01-01',
      format: 'xlsx',
    });
    expect(url).not.toContain('page');
  });
});
