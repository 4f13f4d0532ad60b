/**
 * The work list's filters and page, kept in the address. The filter form edits a draft that
 * follows the address whenever it changes (a box tab, "clear", the back button).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { filterParams, filtersFrom, pageFrom, type DossierFilters } from './list-filters';

export function useDossierFilters() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const page = pageFrom(params);
  const address = params.toString();
  const [draft, setDraft] = useState<DossierFilters>(filters);
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setDraft(filters);
  }
  const go = (next: DossierFilters, nextPage = 1): void => {
    setParams(filterParams(next, nextPage));
  };
  return { filters, page, draft, setDraft, go };
}
