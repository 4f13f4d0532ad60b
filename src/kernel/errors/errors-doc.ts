/**
 * Renders docs/errors.md from the declared error codes, so the documentation cannot drift
 * from the code: `npm run gen:docs` writes it and a test fails when it is stale.
 */
import { declaredErrors } from './app-error';

export function renderErrorsDoc(): string {
  const byOwner = new Map<
    string,
    Array<[string, { status: number; message: string; messageVi: string }]>
  >();
  for (const [code, spec] of declaredErrors()) {
    const list = byOwner.get(spec.owner) ?? [];
    list.push([code, spec]);
    byOwner.set(spec.owner, list);
  }
  const lines = [
    '# Error codes',
    '',
    'Every failure is answered with one envelope:',
    '',
    '```json',
    '{ "error": { "code": "VALIDATION_FAILED", "message": "…", "details": [{ "field": "body.email", "message": "is required" }] }, "requestId": "…" }',
    '```',
    '',
    '`code` is stable and meant for programs; `message` is for people (English; the web app shows',
    'the Vietnamese text below). `details` is present when there is more to say (the fields that',
    'failed validation, the permission missing, the seconds to wait). `requestId` is also in the',
    '`X-Request-Id` header and on every log line of the request. Responses 429 and 503 carry',
    '`Retry-After`. An unexpected fault is a 500 `INTERNAL` that reveals nothing; its stack is',
    'in the log under the same request id.',
    '',
    'This file is generated from the code by `npm run gen:docs`; a test keeps it current.',
    '',
  ];
  for (const owner of [...byOwner.keys()].sort()) {
    lines.push(`## ${owner}`, '', '| code | status | message | tiếng Việt |', '|---|---|---|---|');
    const entries = byOwner.get(owner)!.sort(([a], [b]) => a.localeCompare(b));
    for (const [code, spec] of entries) {
      lines.push(`| \`${code}\` | ${spec.status} | ${spec.message} | ${spec.messageVi} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
