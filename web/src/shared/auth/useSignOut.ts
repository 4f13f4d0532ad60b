/** Signs out: the server revokes the session, and every cached answer is dropped with it. */
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { setSession } from './session';

export function useSignOut(): () => Promise<void> {
  const client = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      // Even if the server was unreachable, this device forgets the person.
      client.clear();
      setSession(client, null);
      await navigate('/sign-in', { state: { signedOut: true } });
    }
  };
}
