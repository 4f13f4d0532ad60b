import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  dayEnd,
  dayStart,
  hasFilters,
  listFiltersFrom,
  listParams,
  statusesOf,
} from './list-filters';

describe('the public list filters in the address', () => {
  it('read back what they wrote', () => {
    const filters = {
      q: 'o ga',
      categoryCode: 'road_pavement',
      communeCode: '06688',
      status: 'open' as const,
      from: '2026-10-01',
      to: '2026-10-31',
      sort: 'deadlineAt' as const,
    };
    const search = listParams(filters, 3);
    expect(search.get('page')).toBe('3');
    expect(listFiltersFrom(new URLSearchParams(search.toString()))).toEqual(filters);
  });

  it('leave defaults out of the address, so the plain list has a plain address', () => {
    expect(listParams(NO_FILTERS).toString()).toBe('');
    expect(hasFilters({ ...NO_FILTERS, sort: 'submittedAt' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: 'x' })).toBe(true);
  });

  it('ignore what the server would refuse', () => {
    const filters = listFiltersFrom(
      new URLSearchParams(
        'categoryCode=Bad Code&communeCode=123&status=lost&from=2026-02-30&to=tomorrow&sort=name',
      ),
    );
    expect(filters).toEqual({ ...NO_FILTERS, sort: DEFAULT_SORT });
  });

  it('turn "open" into the three open statuses', () => {
    expect(statusesOf('open')).toEqual(['new', 'received', 'in_progress']);
    expect(statusesOf('resolved')).toEqual(['resolved']);
  });

  it('bound days on the Vietnamese clock, the end exclusive and across months and years', () => {
    expect(dayStart('2026-11-21')).toBe('2026-11-21T00:00:00+07:00');
    expect(dayEnd('2026-11-21')).toBe('2026-11-22T00:00:00+07:00');
    expect(dayEnd('2026-02-28')).toBe('2026-03-01T00:00:00+07:00');
    expect(dayEnd('2026-12-31')).toBe('2027-01-01T00:00:00+07:00');
  });
});
