/**
 * One webhook request: a POST of a JSON body with a time limit, through a DNS lookup that
 * applies the address rule (webhook-url.ts). Redirects are never followed — a 3xx is an
 * answer like any other non-2xx, since following one would let a receiver send the signed
 * body somewhere the administrator never approved.
 */
import http from 'node:http';
import https from 'node:https';
import { checkWebhookUrl, guardedLookup, type UrlPolicy } from './webhook-url';

export interface PostOutcome {
  /** HTTP status of the answer; null when none came (network error, time limit). */
  statusCode: number | null;
  ok: boolean;
  /** Why it failed, for the delivery row and the outbox's retry log. */
  error: string | null;
}

export interface PostOptions {
  timeoutMs: number;
  policy: UrlPolicy;
}

const EXCERPT_BYTES = 300;

export async function postWebhook(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostOutcome> {
  const checked = checkWebhookUrl(target, options.policy);
  if (!checked.ok) {
    return { statusCode: null, ok: false, error: `address not allowed (${checked.reason})` };
  }
  const url = checked.url;
  const transport = url.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');

  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        // A fresh connection each time: the address rule is applied on every connect.
        agent: false,
        lookup: guardedLookup(url, options.policy),
        headers: {
          ...headers,
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(payload.length),
          'user-agent': 'tinhso-webhooks/1',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < EXCERPT_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on('end', () => {
          if (status >= 200 && status < 300) {
            finish({ statusCode: status, ok: true, error: null });
            return;
          }
          const excerpt = Buffer.concat(chunks)
            .subarray(0, EXCERPT_BYTES)
            .toString('utf8')
            .replace(/\s+/g, ' ')
            .trim();
          const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
          finish({
            statusCode: status,
            ok: false,
            error: `HTTP ${status}${redirect}${excerpt ? `: ${excerpt}` : ''}`,
          });
        });
        response.on('error', (error) =>
          finish({ statusCode: status, ok: false, error: error.message }),
        );
        // After 'end' this changes nothing; before it, the answer was cut off.
        response.on('close', () =>
          finish({ statusCode: status, ok: false, error: `HTTP ${status}, answer cut off` }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, ok: false, error: `no answer within ${options.timeoutMs} ms` });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        statusCode: null,
        ok: false,
        error: error.message || error.code || 'network error',
      }),
    );
    request.end(payload);
  });
}
