/** Sends a signed file (and its detached signature, if any) to the platform's verifier. */
import type { paths } from '../../shared/api/openapi';
import { ApiError, toApiError } from '../../shared/api/api-error';
import { CSRF_HEADER, CSRF_VALUE } from '../../shared/api/client';

export type VerificationReport =
  paths['/api/signing/verify']['post']['responses'][200]['content']['application/json'];
export type SignatureReport = VerificationReport['signatures'][number];

export async function verifySignature(
  file: File,
  signature: File | null,
): Promise<VerificationReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  if (signature) form.append('signature', signature, signature.name);
  let response: Response;
  try {
    response = await fetch('/api/signing/verify', {
      method: 'POST',
      headers: { [CSRF_HEADER]: CSRF_VALUE, Accept: 'application/json' },
      body: form,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, parsed);
  return parsed as VerificationReport;
}
