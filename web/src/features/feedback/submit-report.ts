/**
 * Files a report: JSON without media, multipart (`report` + `photo`… + `video`) with them.
 * The Idempotency-Key is made once per submission and reused on every retry, so a report
 * sent again from the offline queue is filed only once.
 */
import { ApiError, toApiError } from '../../shared/api/api-error';
import { CSRF_HEADER, CSRF_VALUE } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

export type Submitted =
  paths['/api/feedback/reports']['post']['responses'][201]['content']['application/json'];

export interface ReportBody {
  categoryCode: string;
  lat: number;
  lon: number;
  address?: string;
  description: string;
  attributes?: Record<string, string | number | string[]>;
  anonymous?: boolean;
  reporter?: { name?: string; email?: string; phone?: string };
  locale?: 'vi' | 'en';
}

/** Everything needed to file (or re-file) one report; storable in IndexedDB as is. */
export interface Submission {
  key: string;
  body: ReportBody;
  photos: Blob[];
  video: Blob | null;
  categoryName: string;
  createdAt: string;
}

function fileName(blob: Blob, fallback: string): string {
  return blob instanceof File && blob.name ? blob.name : fallback;
}

export async function sendReport(submission: Submission): Promise<Submitted> {
  const headers: Record<string, string> = {
    [CSRF_HEADER]: CSRF_VALUE,
    'Idempotency-Key': submission.key,
    Accept: 'application/json',
  };
  let body: BodyInit;
  if (submission.photos.length === 0 && !submission.video) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(submission.body);
  } else {
    const form = new FormData();
    form.append('report', JSON.stringify(submission.body));
    submission.photos.forEach((photo, index) =>
      form.append('photo', photo, fileName(photo, `photo-${index + 1}.jpg`)),
    );
    if (submission.video)
      form.append('video', submission.video, fileName(submission.video, 'video.mp4'));
    body = form;
  }
  let response: Response;
  try {
    response = await fetch('/api/feedback/reports', {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw ApiError.network(cause);
  }
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, parsed);
  return parsed as Submitted;
}
