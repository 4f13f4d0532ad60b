/**
 * What the server's refusal of a submission means for the wizard: which step to take the
 * person back to and what to show there. 422 DOSSIER_INVALID names the form's fields (in
 * kernel/forms' own error shape, which the form renderer words) and the documents with their
 * problem; a 400 names the request's fields; COMMUNE_NOT_SERVED is about the commune.
 *
 * And whether the Idempotency-Key may be used again. The platform keeps the first answer to
 * a key for a day and refuses the same key with another body, so after a definite refusal the
 * corrected dossier needs a new key; after a network failure, a server fault or "still
 * running" the same request is retried with the same key, so it is never filed twice.
 */
import type { FormError } from '../../../../src/kernel/forms';
import { ApiError, NETWORK_ERROR } from '../../shared/api/api-error';
import type { ApplicantProblems, DocumentProblem, DocumentProblems } from './wizard-checks';
import type { Step } from './wizard-draft';

export interface Refusal {
  /** The first step with a problem, or null when the refusal is about no step. */
  step: Step | null;
  applicant: ApplicantProblems;
  form: FormError[];
  documents: DocumentProblems;
}

const DOCUMENT_PROBLEMS: readonly DocumentProblem[] = [
  'missing',
  'unknown_slot',
  'not_found',
  'not_allowed_type',
  'duplicate_file',
];

interface InvalidDetails {
  fields?: unknown;
  documents?: unknown;
}

function isFormError(value: unknown): value is FormError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FormError).field === 'string' &&
    typeof (value as FormError).code === 'string'
  );
}

/** The applicant step's field a request field belongs to, if it is one of them. */
function applicantField(field: string): string | null {
  if (field.startsWith('applicant.')) return field.split('.').slice(0, 2).join('.');
  if (field === 'applicant') return 'applicant.fullName';
  if (field === 'communeCode' || field === 'case') return field;
  return null;
}

export function refusalOf(error: unknown): Refusal {
  const refusal: Refusal = { step: null, applicant: {}, form: [], documents: {} };
  if (!(error instanceof ApiError)) return refusal;

  if (error.code === 'DOSSIER_INVALID') {
    const details = (error.details ?? {}) as InvalidDetails;
    const fields = Array.isArray(details.fields) ? details.fields.filter(isFormError) : [];
    for (const field of fields) {
      if (field.field === 'case') refusal.applicant.case = 'dossiersPortal.applicant.caseRequired';
      else refusal.form.push(field);
    }
    const documents = Array.isArray(details.documents) ? details.documents : [];
    for (const item of documents as { slot?: unknown; problem?: unknown }[]) {
      if (typeof item?.slot !== 'string' || refusal.documents[item.slot]) continue;
      const problem = DOCUMENT_PROBLEMS.find((known) => known === item.problem) ?? 'not_found';
      refusal.documents[item.slot] = problem;
    }
  } else if (error.code === 'COMMUNE_NOT_SERVED') {
    refusal.applicant.communeCode = 'dossiersPortal.applicant.communeNotServed';
  } else if (error.code === 'VALIDATION_FAILED') {
    for (const problem of error.fieldProblems) {
      const field = applicantField(problem.field);
      if (field) {
        refusal.applicant[field] ??=
          problem.message === 'is required' ? 'form.required' : 'form.invalid';
      } else if (problem.field.startsWith('documents')) {
        refusal.documents[''] ??= 'not_found';
      } else if (problem.field.startsWith('values')) {
        refusal.form.push({ field: problem.field.replace(/^values\.?/, ''), code: 'type' });
      }
    }
  }

  if (Object.keys(refusal.applicant).length > 0) refusal.step = 'applicant';
  else if (refusal.form.length > 0) refusal.step = 'form';
  else if (Object.keys(refusal.documents).length > 0) refusal.step = 'documents';
  return refusal;
}

/** Whether the submission's Idempotency-Key may be sent again after this failure. */
export function keyAfterFailure(error: unknown): 'keep' | 'renew' {
  if (!(error instanceof ApiError)) return 'keep';
  if (error.code === NETWORK_ERROR || error.status >= 500) return 'keep';
  // Still running (409 IDEMPOTENCY_KEY_IN_USE) or slow down (429): the same request again.
  if (error.status === 409 || error.status === 429) return 'keep';
  return 'renew';
}

/**
 * The key was used with another body: an earlier attempt may well have reached the platform
 * and been filed while its answer was lost. The person is pointed at their dossiers.
 */
export function maybeFiledBefore(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED';
}
