/**
 * What a refused form shows beside each field: the per-field details of a 400
 * VALIDATION_FAILED, plus the fields that a domain refusal is about (ACCOUNT_EXISTS is the
 * email field, PASSWORD_TOO_SHORT the password…), so the person sees where to look.
 */
import { ApiError } from '../../shared/api/api-error';
import { errorText, fieldErrors } from '../../shared/api/error-text';
import type { I18n } from '../../shared/i18n/i18n';

export function formProblems(
  error: unknown,
  i18n: Pick<I18n, 'locale' | 't'>,
  fieldOfCode: Record<string, string> = {},
): Record<string, string> {
  const problems = fieldErrors(error, i18n.locale, i18n.t);
  if (error instanceof ApiError) {
    const field = fieldOfCode[error.code];
    if (field && !problems[field]) problems[field] = errorText(error, i18n.locale, i18n.t);
  }
  return problems;
}
