/**
 * The public tracking form's input: a dossier code as the platform writes it and four
 * digits, checked before asking (a malformed code would be a 400, not "not found"); and how
 * long a locked code stays locked, from the server's TRACKING_LOCKED answer.
 */
import { ApiError } from '../../shared/api/api-error';
import type { MessageKey } from '../../shared/i18n/translate';
import { DOSSIER_CODE } from './dossiers-portal-api';

export function trackProblems(
  code: string,
  digits: string,
): { code?: MessageKey; digits?: MessageKey } {
  const problems: { code?: MessageKey; digits?: MessageKey } = {};
  const wanted = code.trim().toUpperCase();
  if (!wanted) problems.code = 'dossiersPortal.track.codeRequired';
  else if (!DOSSIER_CODE.test(wanted)) problems.code = 'dossiersPortal.track.codeInvalid';
  const typed = digits.trim();
  if (!typed) problems.digits = 'dossiersPortal.track.digitsRequired';
  else if (!/^[0-9]{4}$/.test(typed)) problems.digits = 'dossiersPortal.track.digitsInvalid';
  return problems;
}

/** Whole minutes until a locked code may be tried again, or null when the server did not say. */
export function lockedMinutes(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const fromDetails = (error.details as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  const seconds =
    typeof fromDetails === 'number' && fromDetails > 0 ? fromDetails : error.retryAfterSeconds;
  return seconds && seconds > 0 ? Math.ceil(seconds / 60) : null;
}
