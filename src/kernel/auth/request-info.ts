/** The facts of a request that services record: client address, user agent, request id. */
import type { FastifyRequest } from 'fastify';
import type { RequestInfo } from './auth.audit';

export function requestInfo(request: FastifyRequest): RequestInfo {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip,
    userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null,
    requestId: request.id,
  };
}
