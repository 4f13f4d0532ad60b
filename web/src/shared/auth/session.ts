/**
 * Who is signed in, as the platform sees it (GET /api/auth/me). One cached query that
 * every area reads; sign-in, MFA, profile changes and sign-out write it directly so the
 * interface never shows a stale person.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, ApiError } from '../api/client';
import type { paths } from '../api/openapi';

export type Session = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];
export type User = Session['user'];
export type LoginResult =
  paths['/api/auth/login']['post']['responses'][200]['content']['application/json'];

export const SESSION_KEY = ['auth', 'me'] as const;

/** The session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await unwrap(api.GET('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
  });
  return {
    session: query.data ?? null,
    user: query.data?.user ?? null,
    isLoading: query.isPending,
    error: query.error,
  };
}

export function setSession(client: QueryClient, session: Session | null): void {
  client.setQueryData(SESSION_KEY, session);
}

/** Whether the person may use the staff areas right now. */
export function staffReady(session: Session | null): boolean {
  return !!session && session.user.type === 'staff' && session.mfaPassed;
}

/** A return path inside this app only: never an absolute URL to another site. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

export function homeFor(user: User): string {
  return user.type === 'staff' ? '/console' : '/';
}
