/**
 * The offline queue of reports: a submission that could not reach the server is kept in
 * IndexedDB (the JSON and the photo Blobs) and sent again when the browser comes back
 * online or the app starts, with its original Idempotency-Key.
 */
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import { rememberReport } from './my-reports';
import { sendReport, type Submission } from './submit-report';

const DB_NAME = 'tinhso-feedback';
const STORE = 'outbox';
const CHANGED = 'tinhso-feedback-outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB open failed'));
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = action(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('indexedDB failed'));
    });
  } finally {
    db.close();
  }
}

function changed(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export async function enqueue(submission: Submission): Promise<void> {
  await run('readwrite', (store) => store.put(submission));
  changed();
}

export function queued(): Promise<Submission[]> {
  return run('readonly', (store) => store.getAll() as IDBRequest<Submission[]>);
}

async function remove(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key));
  changed();
}

export function onOutboxChange(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500);
}

export interface FlushResult {
  sent: number;
  refused: { submission: Submission; error: unknown }[];
}

let flushing: Promise<FlushResult> | null = null;

async function flushOnce(): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, refused: [] };
  for (const submission of await queued()) {
    try {
      const reply = await sendReport(submission);
      rememberReport({
        trackingCode: reply.trackingCode,
        secret: reply.secret,
        categoryName: submission.categoryName,
        submittedAt: String(reply.submittedAt),
      });
      await remove(submission.key);
      result.sent += 1;
    } catch (error) {
      // Still no network (or the server is down): try again at the next chance.
      if (isNetworkError(error)) break;
      // Refused for good (e.g. the category was closed meanwhile): sending again won't help.
      await remove(submission.key);
      result.refused.push({ submission, error });
    }
  }
  return result;
}

/** Sends every queued report; one flush at a time. */
export function flushOutbox(): Promise<FlushResult> {
  flushing ??= flushOnce().finally(() => {
    flushing = null;
  });
  return flushing;
}
