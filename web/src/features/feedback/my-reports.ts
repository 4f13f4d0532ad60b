/**
 * "Phản ánh của tôi": the reports filed from this device, with the secret the platform
 * returned, kept in localStorage so the reporter can see their own view and rate the
 * answer without an account.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'tinhso.feedback.mine';
const CHANGED = 'tinhso-feedback-mine';

export interface MyReport {
  trackingCode: string;
  secret: string;
  categoryName: string;
  submittedAt: string;
}

function read(): MyReport[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as MyReport[]) : [];
  } catch {
    return [];
  }
}

let cache: { raw: string | null; list: MyReport[] } = { raw: null, list: [] };

function snapshot(): MyReport[] {
  let raw: string | null;
  try {
    raw = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    raw = null;
  }
  if (raw !== cache.raw) cache = { raw, list: read() };
  return cache.list;
}

export function rememberReport(report: MyReport): void {
  const list = [report, ...read().filter((item) => item.trackingCode !== report.trackingCode)];
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage disabled: the tracking code is still shown on screen.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function secretFor(code: string): string | null {
  return read().find((item) => item.trackingCode === code)?.secret ?? null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useMyReports(): MyReport[] {
  return useSyncExternalStore(subscribe, snapshot, () => []);
}
