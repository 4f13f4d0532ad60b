/**
 * One action of the process on a dossier (POST /api/dossiers/:code/…): sent with its
 * Idempotency-Key; on success the dossier, its fees and the work lists are fetched again,
 * since status, steps, appointment and history may all have changed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIdempotentSend } from './action-keys';
import { DOSSIERS_KEY, dossierKey, feesKey, runAction, type ActionRequest } from './dossiers-api';

export function useDossierAction(
  code: string,
  onDone: (request: ActionRequest, result: unknown) => void,
) {
  const client = useQueryClient();
  const send = useIdempotentSend();
  return useMutation({
    mutationFn: (request: ActionRequest) => send(request, (key) => runAction(code, request, key)),
    onSuccess: async (result, request) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: dossierKey(code) }),
        client.invalidateQueries({ queryKey: feesKey(code) }),
      ]);
      void client.invalidateQueries({ queryKey: [...DOSSIERS_KEY, 'list'] });
      onDone(request, result);
    },
  });
}

export type DossierMutation = ReturnType<typeof useDossierAction>;
