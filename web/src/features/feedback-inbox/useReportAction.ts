/**
 * One staff action on a report (POST /api/feedback/inbox/:code/actions): the answer replaces
 * the cached report, and the lists and map are refetched since status, assignee or
 * visibility may have changed.
 */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { actOn, staffReportKey, type ReportAction } from './inbox-api';

export function useReportAction(code: string, onDone?: (body: ReportAction) => void) {
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: ReportAction) => actOn(code, body),
    onMutate: () => setDone(false),
    onSuccess: (updated, body) => {
      queryClient.setQueryData(staffReportKey(code), updated);
      void queryClient.invalidateQueries({ queryKey: ['feedback-inbox'] });
      setDone(true);
      onDone?.(body);
    },
  });
  return { mutation, done };
}
