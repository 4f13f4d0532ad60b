/**
 * Sends one document to the platform (POST /api/files, multipart field "file") and reports
 * how much of it has gone, so a person on a slow connection sees their scan on its way.
 * XMLHttpRequest, because fetch cannot tell how much of a request body has been sent. The
 * file stays unattached until a submission names it, and is dropped after a day otherwise.
 */
import { ApiError, toApiError } from '../../shared/api/api-error';
import { CSRF_HEADER, CSRF_VALUE } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

export type UploadedFile =
  paths['/api/files']['post']['responses'][201]['content']['application/json'];

export interface UploadOptions {
  /** Called with the share sent so far, 0 to 1. */
  onProgress?: (share: number) => void;
  signal?: AbortSignal;
}

export function uploadDocument(file: File, options: UploadOptions = {}): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/files');
    request.setRequestHeader(CSRF_HEADER, CSRF_VALUE);
    request.setRequestHeader('Accept', 'application/json');
    request.withCredentials = true;
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        options.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        options.onProgress?.(1);
        resolve(body as UploadedFile);
        return;
      }
      const headers = new Headers();
      for (const name of ['Retry-After', 'X-Request-Id']) {
        const value = request.getResponseHeader(name);
        if (value) headers.set(name, value);
      }
      reject(
        toApiError(
          new Response(null, {
            status: request.status,
            statusText: request.statusText,
            headers,
          }),
          body,
        ),
      );
    };
    request.onerror = () => reject(ApiError.network(new Error('upload failed')));
    request.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
