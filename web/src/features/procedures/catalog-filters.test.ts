import { describe, expect, it } from 'vitest';
import {
  NO_FILTERS,
  catalogFiltersFrom,
  catalogPageFrom,
  catalogParams,
  catalogQuery,
  hasFilters,
} from './catalog-filters';

describe('the catalog search in the address', () => {
  it('reads back what it wrote, page included', () => {
    const filters = {
      q: 'khai sinh',
      field: 'HO_TICH',
      level: 'XA' as const,
      onlineLevel: 'TOAN_TRINH' as const,
      applicantType: 'CONG_DAN' as const,
      sort: 'code' as const,
    };
    const search = new URLSearchParams(catalogParams(filters, 3).toString());
    expect(search.get('page')).toBe('3');
    expect(catalogFiltersFrom(search)).toEqual(filters);
    expect(catalogPageFrom(search)).toBe(3);
  });

  it('leaves the defaults out, so the whole catalog has a plain address', () => {
    expect(catalogParams(NO_FILTERS).toString()).toBe('');
    expect(catalogParams(NO_FILTERS, 1).has('page')).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, sort: 'field' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, level: 'TINH' })).toBe(true);
  });

  it('drops what the server would refuse instead of sending it', () => {
    const filters = catalogFiltersFrom(
      new URLSearchParams(
        `level=HUYEN&onlineLevel=muc4&applicantType=ai&sort=newest&field=${'X'.repeat(41)}`,
      ),
    );
    expect(filters).toEqual(NO_FILTERS);
    expect(catalogFiltersFrom(new URLSearchParams(`q=${'a'.repeat(300)}`)).q).toHaveLength(200);
  });

  it('opens the first page for a page number that is not one', () => {
    for (const page of ['0', '-2', 'hai', '', '1e9999']) {
      expect(catalogPageFrom(new URLSearchParams({ page })), page).toBe(1);
    }
    expect(catalogPageFrom(new URLSearchParams({ page: '2.7' }))).toBe(2);
    expect(catalogPageFrom(new URLSearchParams({ page: '99999' }))).toBe(10_000);
  });

  it('asks the server only for what is chosen', () => {
    expect(catalogQuery({ ...NO_FILTERS, q: 'ho kinh doanh' }, 2, 20)).toEqual({
      page: 2,
      pageSize: 20,
      sort: 'name',
      q: 'ho kinh doanh',
    });
  });
});
