/**
 * Request guards for routes: who must be signed in, and with which permission. The checks
 * that depend on a record (is it in the principal's agency subtree?) live in services
 * (`authorizeRecord`); these only stop requests that can never succeed.
 */
import type { FastifyRequest } from 'fastify';
import { httpErrors } from '../errors/common.errors';
import type { Principal } from './principal';

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) {
    // Signed in with a password but not yet with the second factor: say so, so the client
    // shows the code (or enrolment) screen instead of the sign-in form.
    const pending = request.mfaPending;
    if (pending) {
      throw httpErrors.UNAUTHENTICATED({
        mfaRequired: true,
        mfaEnrolmentRequired: pending.enrolmentRequired,
      });
    }
    throw httpErrors.UNAUTHENTICATED();
  }
  return request.principal;
}

/** A signed-in person (citizen or staff), not a machine client. */
export function requireUser(request: FastifyRequest): Principal {
  const principal = requirePrincipal(request);
  if (principal.kind !== 'user') throw httpErrors.FORBIDDEN();
  return principal;
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
