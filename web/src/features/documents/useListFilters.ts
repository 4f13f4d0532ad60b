/**
 * A register list's filters and page, kept in the address. The filter form edits a draft
 * that follows the address whenever it changes (a box tab, "clear", the back button).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { filterParams, filtersFrom, type ListFilters } from './documents-api';

export function useListFilters(direction: 'outgoing' | 'incoming') {
  const [params, setParams] = useSearchParams();
  const filters: ListFilters = filtersFrom(params, direction);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const address = params.toString();
  const [draft, setDraft] = useState<ListFilters>(filters);
  const [seen, setSeen] = useState(address);
  if (seen !== address) {
    setSeen(address);
    setDraft(filters);
  }
  const go = (next: ListFilters, nextPage = 1): void => {
    const search = filterParams(next);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search);
  };
  return { filters, page, draft, setDraft, go };
}
