/**
 * The Idempotency-Key of the desk's writes. A request that got no answer (the network
 * failed) is sent again with the same key, so if the server did act — the fees were taken,
 * the dossier received — it answers with what it did rather than acting twice. Any request
 * that was answered, or that differs, gets a new key: the server would otherwise replay an
 * old answer to a request made after the dossier changed.
 */
import { useRef } from 'react';
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import { newKey } from '../feedback/idempotency-key';

export interface Attempt {
  key: string;
  /** The request as sent (path and body), to recognise the same request. */
  request: string;
  answered: boolean;
}

export function keyFor(last: Attempt | null, request: string, fresh: () => string): string {
  return last && !last.answered && last.request === request ? last.key : fresh();
}

/** Whether a failure was an answer of the server (anything but "could not reach it"). */
export function wasAnswered(error: unknown): boolean {
  return !(error instanceof ApiError && error.code === NETWORK_ERROR);
}

/** Sends a write with the right key: `send(key)` is retried with the same key after no answer. */
export function useIdempotentSend() {
  const last = useRef<Attempt | null>(null);
  return async function send<T>(request: unknown, run: (key: string) => Promise<T>): Promise<T> {
    const text = JSON.stringify(request);
    const key = keyFor(last.current, text, newKey);
    const attempt: Attempt = { key, request: text, answered: false };
    last.current = attempt;
    try {
      const result = await run(key);
      attempt.answered = true;
      return result;
    } catch (error) {
      attempt.answered = wasAnswered(error);
      throw error;
    }
  };
}
