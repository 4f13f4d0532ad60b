/**
 * Who is making a request: a signed-in person or a machine client holding an API key.
 * Set on `request.principal` by the auth hook; null for anonymous requests.
 */
export interface Principal {
  kind: 'user' | 'api_key';
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
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}
