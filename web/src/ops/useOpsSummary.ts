/**
 * The live ops summary: pushed by the server as server-sent events, with polling every
 * 15 s as the fallback whenever the event stream is not connected (proxies that buffer,
 * a restart of the server). A 401 means the session ended: the session is re-read so the
 * guard sends the person to sign in.
 */
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, ApiError } from '../shared/api/client';
import type { paths } from '../shared/api/openapi';
import { SESSION_KEY } from '../shared/auth/session';

export type OpsSummary =
  paths['/api/ops/summary']['get']['responses'][200]['content']['application/json'];

const SUMMARY_KEY = ['ops', 'summary'] as const;
const POLL_MS = 15_000;

export function useOpsSummary() {
  const client = useQueryClient();
  const [live, setLive] = useState(false);

  const query = useQuery({
    queryKey: SUMMARY_KEY,
    queryFn: () => unwrap(api.GET('/api/ops/summary')),
    refetchInterval: live ? false : POLL_MS,
    refetchIntervalInBackground: true,
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/ops/summary/stream');
    source.addEventListener('summary', (event: MessageEvent<string>) => {
      client.setQueryData(SUMMARY_KEY, JSON.parse(event.data) as OpsSummary);
      setLive(true);
    });
    source.addEventListener('error', () => setLive(false));
    return () => source.close();
  }, [client]);

  useEffect(() => {
    if (query.error instanceof ApiError && query.error.status === 401) {
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    }
  }, [query.error, client]);

  return { summary: query.data, error: query.error, live };
}
