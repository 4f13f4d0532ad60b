/**
 * Answers fetched before the app has booted, for the page the address opens straight into
 * (app/route-preload): the API client takes each one once, for a GET of exactly that URL,
 * instead of asking the server again. The page's data then downloads while the app's code
 * does, not after it. An answer nobody takes within a few seconds (the reader moved on) is
 * never used: the client asks afresh.
 */
const FRESH_MS = 10_000;

interface Early {
  at: number;
  response: Promise<Response>;
}

const early = new Map<string, Early>();

/** Starts a GET of `path` (on this origin) that the API client will take when it asks. */
export function fetchEarly(path: string, origin = window.location.origin): Promise<Response> {
  const url = new URL(path, origin).href;
  const response = fetch(url, { credentials: 'same-origin' });
  early.set(url, { at: Date.now(), response });
  return response;
}

/** The early answer to `request`, once; undefined when there is none (or it is stale). */
export function takeEarly(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const found = early.get(request.url);
  if (!found) return undefined;
  early.delete(request.url);
  return Date.now() - found.at <= FRESH_MS ? found.response : undefined;
}
