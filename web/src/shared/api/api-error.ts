/**
 * The platform answers every failure with `{"error":{code,message,details},"requestId"}`.
 * ApiError carries that envelope to the interface, plus what a form or a retry needs: the
 * problems per field (400 VALIDATION_FAILED) and the wait asked by Retry-After (429, 503).
 */
export interface FieldProblem {
  /** Path of the field as the server names it, e.g. `body.email`. */
  field: string;
  message: string;
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: unknown = undefined,
    readonly requestId: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The per-field problems of a validation failure, with the `body.`/`querystring.` prefix removed. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter(
        (item): item is FieldProblem =>
          typeof item === 'object' &&
          item !== null &&
          typeof (item as FieldProblem).field === 'string' &&
          typeof (item as FieldProblem).message === 'string',
      )
      .map((item) => ({
        field: item.field.replace(/^(body|querystring|params)\./, ''),
        message: item.message,
      }));
  }

  static network(cause: unknown): ApiError {
    const error = new ApiError(NETWORK_ERROR, 0, 'The server cannot be reached.');
    (error as { cause?: unknown }).cause = cause;
    return error;
  }
}

interface Envelope {
  error: { code: string; message: string; details?: unknown };
  requestId?: string;
}

function isEnvelope(body: unknown): body is Envelope {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Envelope['error']).code === 'string' &&
    typeof (error as Envelope['error']).message === 'string'
  );
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds the ApiError of a failed response from its (already parsed) body. */
export function toApiError(response: Response, body: unknown): ApiError {
  const wait = retryAfter(response);
  if (isEnvelope(body)) {
    return new ApiError(
      body.error.code,
      response.status,
      body.error.message,
      body.error.details,
      body.requestId ?? response.headers.get('X-Request-Id'),
      wait,
    );
  }
  // Not our envelope: a proxy or gateway answered. Keep the status; invent no details.
  return new ApiError(
    `HTTP_${response.status}`,
    response.status,
    response.statusText || `HTTP ${response.status}`,
    undefined,
    response.headers.get('X-Request-Id'),
    wait,
  );
}
