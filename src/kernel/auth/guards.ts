/**
 * Request guards for routes: who must be signed in, and with which permission. The checks
 * that depend on a record (is it in the principal's agency subtree?) live in services;
 * these only stop requests that can never succeed.
 */
import type { FastifyRequest } from 'fastify';
import { httpErrors } from '../errors/common.errors';
import type { Principal } from './principal';

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw httpErrors.UNAUTHENTICATED();
  return request.principal;
}

/** A staff member who passed the second factor, or a machine client. */
export function requireStaff(request: FastifyRequest): Principal {
  const principal = requirePrincipal(request);
  if (principal.type === 'citizen') throw httpErrors.FORBIDDEN();
  if (principal.type === 'staff' && !principal.mfaPassed)
    throw httpErrors.UNAUTHENTICATED({ mfaRequired: true });
  return principal;
}

export function requirePermission(request: FastifyRequest, permission: string): Principal {
  const principal = requireStaff(request);
  if (!principal.permissions.has(permission)) throw httpErrors.FORBIDDEN({ permission });
  return principal;
}
