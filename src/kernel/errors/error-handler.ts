/**
 * Turns every failure into the one envelope `{"error":{code,message,details},"requestId"}`.
 * Known failures (AppError, schema validation, Fastify's body and content-type errors) keep
 * their 4xx status and a precise code; anything else is logged with its stack and answered
 * with a generic 500 that reveals nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
import { httpErrors } from './common.errors';

export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
  requestId: string;
}

interface FieldProblem {
  field: string;
  message: string;
}

/** Maps Fastify's own error codes to ours. */
const FASTIFY_CODES: Record<string, keyof typeof httpErrors.specs> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INSTANCE_ALREADY_STARTED: 'INTERNAL',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & {
    validation?: unknown[];
    validationContext?: string;
  };
  if (fastifyError?.validation) {
    return httpErrors.VALIDATION_FAILED(
      validationDetails(fastifyError.validation, fastifyError.validationContext),
    );
  }
  const mapped = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped && mapped !== 'INTERNAL') return httpErrors[mapped]();
  // JSON.parse failures surface as SyntaxError with a 400 status.
  if (
    error instanceof SyntaxError &&
    (fastifyError.statusCode === 400 || /JSON/.test(error.message))
  ) {
    return httpErrors.MALFORMED_JSON();
  }
  const status = fastifyError?.statusCode;
  if (status === 413) return httpErrors.PAYLOAD_TOO_LARGE();
  if (status === 415) return httpErrors.UNSUPPORTED_MEDIA_TYPE();
  if (status === 429) return httpErrors.RATE_LIMITED();
  if (status === 405) return httpErrors.METHOD_NOT_ALLOWED();
  if (status === 403) return httpErrors.FORBIDDEN();
  if (status === 404) return httpErrors.NOT_FOUND();
  if (status === 400)
    return httpErrors.VALIDATION_FAILED([{ field: '', message: fastifyError.message }]);
  return null;
}

interface AjvProblem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** One entry per bad field: `body.name`, `querystring.lat`…; unknown fields are named too. */
function validationDetails(problems: AjvProblem[], context = 'body'): FieldProblem[] {
  return problems.map((problem) => {
    const base = [context, ...problem.instancePath.split('/').filter(Boolean)];
    if (problem.keyword === 'additionalProperties') {
      base.push(String(problem.params.additionalProperty));
      return { field: base.join('.'), message: 'unknown field' };
    }
    if (problem.keyword === 'required') {
      base.push(String(problem.params.missingProperty));
      return { field: base.join('.'), message: 'is required' };
    }
    return { field: base.join('.'), message: problem.message ?? problem.keyword };
  });
}

export function envelope(error: AppError, requestId: string): ErrorEnvelope {
  const body: ErrorEnvelope = { error: { code: error.code, message: error.message }, requestId };
  if (error.details !== undefined) body.error.details = error.details;
  return body;
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const known = toAppError(error);
  if (known) {
    if (known.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: known.code, status: known.status }, 'request rejected');
    if (known.headers) void reply.headers(known.headers);
    void reply.status(known.status).send(envelope(known, request.id));
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.status(500).send(envelope(httpErrors.INTERNAL(), request.id));
}
