/**
 * What to tell a person about a failed request, in their language. The messages of the
 * platform's error codes come from the server's own declarations (error-messages.json,
 * generated with the API types), so both languages stay in step with the API.
 */
import messages from './error-messages.json';
import { ApiError, NETWORK_ERROR } from './api-error';
import type { Locale, MessageKey, MessageParams } from '../i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const byCode = messages as Record<string, { status: number; vi: string; en: string }>;

export function errorText(error: unknown, locale: Locale, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.code === NETWORK_ERROR) return t('error.network');
  const known = byCode[error.code];
  const text = known ? known[locale] : t('error.generic');
  const wait = error.retryAfterSeconds;
  return wait !== null && wait > 0 ? `${text} ${t('error.retryAfter', { seconds: wait })}` : text;
}

/**
 * Messages per form field from a 400 VALIDATION_FAILED. The server's wording is English;
 * in Vietnamese the two common cases are translated and the rest shown as "not valid".
 */
export function fieldErrors(error: unknown, locale: Locale, t: Translate): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return {};
  const result: Record<string, string> = {};
  for (const problem of error.fieldProblems) {
    if (result[problem.field]) continue;
    if (problem.message === 'is required') result[problem.field] = t('form.required');
    else result[problem.field] = locale === 'en' ? problem.message : t('form.invalid');
  }
  return result;
}
