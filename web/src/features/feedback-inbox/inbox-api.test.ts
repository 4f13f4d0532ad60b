import { describe, expect, it } from 'vitest';
import { exportUrl, filterParams, filtersFrom, serverFilters, viewFrom } from './inbox-api';

const ME = '0b9a4c0e-5d0c-4f8e-9a53-3c1f1f3f2a10';
const AGENCY = '7d7f2c9e-1a2b-4c3d-8e9f-001122334455';

describe('inbox filters in the address and on the wire', () => {
  it('reads the address, dropping what is malformed', () => {
    const filters = filtersFrom(
      new URLSearchParams(
        `q=den&status=new&status=bogus&communeCode=06688&agencyId=${AGENCY}&assignee=me` +
          '&from=2026-03-01&to=31/03/2026&overdue=true&view=map',
      ),
    );
    expect(filters).toMatchObject({
      q: 'den',
      status: ['new'],
      communeCode: '06688',
      agencyId: AGENCY,
      assignee: 'me',
      from: '2026-03-01',
      to: '',
      overdue: true,
      escalated: false,
    });
    expect(filtersFrom(new URLSearchParams('communeCode=1; drop&agencyId=x')).agencyId).toBe('');
    expect(viewFrom(new URLSearchParams('view=map'))).toBe('map');
    expect(viewFrom(new URLSearchParams('view=globe'))).toBe('list');
  });

  it('keeps the address readable and gives the server whole Vietnam days and an id', () => {
    const filters = filtersFrom(
      new URLSearchParams('assignee=me&from=2026-02-27&to=2026-02-28&status=received'),
    );
    expect(filterParams(filters).toString()).toBe(
      'status=received&assignee=me&from=2026-02-27&to=2026-02-28',
    );
    // The last day is included: the bound is the next midnight, across the month's end.
    expect(serverFilters(filters, ME)).toEqual({
      status: ['received'],
      assigneeId: ME,
      from: '2026-02-27T00:00:00+07:00',
      to: '2026-03-01T00:00:00+07:00',
    });
  });

  it('exports exactly what the list shows', () => {
    const filters = filtersFrom(
      new URLSearchParams(
        `q=ngap&status=new&status=in_progress&communeCode=06688&agencyId=${AGENCY}` +
          '&assignee=me&from=2026-03-01&to=2026-03-31&escalated=true&sort=deadlineAt',
      ),
    );
    const url = new URL(exportUrl(filters, ME, 'xlsx'), 'https://tinhso.example');
    expect(url.pathname).toBe('/api/feedback/inbox/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'ngap',
      status: 'in_progress',
      communeCode: '06688',
      agencyId: AGENCY,
      assigneeId: ME,
      from: '2026-03-01T00:00:00+07:00',
      to: '2026-04-01T00:00:00+07:00',
      escalated: 'true',
      sort: 'deadlineAt',
      format: 'xlsx',
    });
    expect(url.searchParams.getAll('status')).toEqual(['new', 'in_progress']);
  });
});
