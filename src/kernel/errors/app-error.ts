/**
 * The one error type of the platform. Services and routes throw AppError with a stable code;
 * the error handler turns it into the envelope `{"error":{code,message,details},"requestId"}`.
 * Codes are declared in a module's `*.errors.ts` through `defineErrors`, which also records
 * them so docs/errors.md can be checked against the code.
 */
export interface ErrorSpec {
  status: number;
  /** English message shown to clients; a short sentence. */
  message: string;
  /** Vietnamese message, shown by the web app when the user reads Vietnamese. */
  messageVi: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const registry = new Map<string, ErrorSpec & { owner: string }>();

/** All error codes declared so far, for docs and tests. */
export function declaredErrors(): ReadonlyMap<string, ErrorSpec & { owner: string }> {
  return registry;
}

export type ErrorFactory = (details?: unknown, message?: string) => AppError;

/**
 * Declares a module's error codes and returns one factory per code:
 * `const errors = defineErrors('auth', { INVALID_CREDENTIALS: {...} }); throw errors.INVALID_CREDENTIALS();`
 */
export function defineErrors<K extends string>(
  owner: string,
  specs: Record<K, ErrorSpec>,
): Record<K, ErrorFactory> & { specs: Record<K, ErrorSpec> } {
  const factories = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(specs) as K[]) {
    const spec = specs[code];
    const known = registry.get(code);
    if (known && known.owner !== owner) {
      throw new Error(`error code ${code} is declared by both ${known.owner} and ${owner}`);
    }
    registry.set(code, { ...spec, owner });
    factories[code] = (details?: unknown, message?: string) =>
      new AppError(code, spec.status, message ?? spec.message, details);
  }
  return Object.assign(factories, { specs });
}
