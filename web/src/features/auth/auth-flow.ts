/** Small helpers shared by the sign-in steps. */
import type { Location } from 'react-router';

/** What one sign-in page hands the next through router state (never through the URL). */
export interface SignInState {
  signedOut?: boolean;
  registered?: boolean;
  identifier?: string;
}

export function signInState(location: Location): SignInState {
  const state: unknown = location.state;
  return typeof state === 'object' && state !== null ? state : {};
}

/** `?next=…` carried from one step to the next. */
export function nextQuery(next: string | null): string {
  return next ? `?next=${encodeURIComponent(next)}` : '';
}

/** 6 digits, or a recovery code (letters, digits and dashes): spaces are ignored. */
export function normaliseCode(input: string): string {
  return input.replace(/\s+/g, '');
}

export function plausibleCode(code: string): boolean {
  return /^\d{6}$/.test(code) || /^[A-Za-z0-9-]{8,32}$/.test(code);
}
