/**
 * Handing a packet to a peer: `POST <base>/api/exchange/packages` with the signed edXML as
 * `application/xml` and this platform's key for that peer in `X-Api-Key`. Redirects are not
 * followed (the key would go where the administrator never approved). Peer addresses follow
 * the webhook address rule with private networks allowed — axis nodes live on the government
 * network — and never link-local or reserved addresses; the rule is checked again on every
 * connection, on the addresses the name resolves to then.
 */
import http from 'node:http';
import https from 'node:https';
import {
  checkWebhookUrl,
  guardedLookup,
  type UrlPolicy,
} from '../../../kernel/webhooks/webhook-url';

export const PEER_URL_POLICY: UrlPolicy = { allowPrivateNetwork: true };

export interface PeerAnswer {
  packageId?: string;
  statusCode?: '01' | '02';
  code?: string;
  reason?: string;
}

export type PostResult =
  | { ok: true; status: number; answer: PeerAnswer }
  | { ok: false; status: number | null; error: string; permanent: boolean };

const MAX_ANSWER_BYTES = 64 * 1024;
/** Refusals that sending the same packet again cannot change. */
const PERMANENT = new Set([400, 404, 405, 413, 415, 422]);

export function packagesUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/api/exchange/packages`;
}

export async function postPackage(
  baseUrl: string,
  xml: string,
  apiKey: string,
  timeoutMs: number,
): Promise<PostResult> {
  const checked = checkWebhookUrl(packagesUrl(baseUrl), PEER_URL_POLICY);
  if (!checked.ok) {
    return {
      ok: false,
      status: null,
      error: `address not allowed (${checked.reason})`,
      permanent: false,
    };
  }
  const url = checked.url;
  const transport = url.protocol === 'https:' ? https : http;
  const body = Buffer.from(xml, 'utf8');
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(url, PEER_URL_POLICY),
        headers: {
          'content-type': 'application/xml; charset=utf-8',
          'content-length': String(body.length),
          'x-api-key': apiKey,
          accept: 'application/json',
          'user-agent': 'tinhso-exchange/1',
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on('data', (chunk: Buffer) => {
          if (kept < MAX_ANSWER_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on('end', () => {
          const text = Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
          if (status >= 200 && status < 300) {
            finish({ ok: true, status, answer: parseAnswer(text) });
            return;
          }
          finish({
            ok: false,
            status,
            error: `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}: ${describeError(text)}`,
            permanent: PERMANENT.has(status),
          });
        });
        response.on('error', (error) =>
          finish({ ok: false, status, error: error.message, permanent: false }),
        );
        response.on('close', () =>
          finish({ ok: false, status, error: `HTTP ${status}, answer cut off`, permanent: false }),
        );
      },
    );
    const timer = setTimeout(() => {
      finish({
        ok: false,
        status: null,
        error: `no answer within ${timeoutMs} ms`,
        permanent: false,
      });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        ok: false,
        status: null,
        error: error.message || error.code || 'network error',
        permanent: false,
      }),
    );
    request.end(body);
  });
}

function parseAnswer(text: string): PeerAnswer {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const statusCode =
      json.statusCode === '01' || json.statusCode === '02' ? json.statusCode : undefined;
    return {
      packageId: str(json.packageId),
      statusCode,
      code: str(json.code),
      reason: str(json.reason),
    };
  } catch {
    return {};
  }
}

/** The error envelope's code and message when there is one, else the start of the body. */
function describeError(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof json.error?.code === 'string') {
      return `${json.error.code}${typeof json.error.message === 'string' ? ` ${json.error.message}` : ''}`;
    }
  } catch {
    // not JSON: quote it
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || '(no body)';
}
