/**
 * Who is making a request: a signed-in person or a machine client holding an API key.
 * Set on `request.principal` by the auth hook (register-auth.ts); null for anonymous
 * requests — and for a session that still owes its second factor, outside the few routes
 * that let it finish signing in (see `mfaPending`).
 */
export interface Principal {
  /** `system`: the shell operator (`tinhso user create`), never an HTTP request. */
  kind: 'user' | 'api_key' | 'system';
  /** User id, or API key id for machine clients. */
  id: string;
  /** citizen | staff for people; machine for API keys. */
  type: 'citizen' | 'staff' | 'machine';
  /** Agency the staff member or key belongs to; null for citizens. */
  agencyId: string | null;
  /** Permission names granted, each scoped to the agency subtree of `agencyId`. */
  permissions: ReadonlySet<string>;
  sessionId: string | null;
  /** Whether the second factor was presented in this session. */
  mfaPassed: boolean;
  /**
   * The grants behind `permissions`, each with the agency whose subtree it covers. A person
   * may hold roles in several agencies; `authorizeRecord` checks the record against the
   * grants that carry the permission. Absent means one grant: `permissions` at `agencyId`.
   */
  grants?: readonly Grant[];
}

export interface Grant {
  role: string;
  /** The grant covers this agency and everything below it. */
  agencyId: string;
  permissions: ReadonlySet<string>;
}

/** A session that signed in with a password but has not yet presented its second factor. */
export interface MfaPending {
  userId: string;
  /** The account has no second factor yet: it must enrol before anything else. */
  enrolmentRequired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    mfaPending: MfaPending | null;
  }
  interface FastifyContextConfig {
    /**
     * The route serves a session that still owes its second factor (enrolment, verification,
     * sign-out, "who am I"). Every other route treats such a session as anonymous.
     */
    allowPendingMfa?: boolean;
  }
}
