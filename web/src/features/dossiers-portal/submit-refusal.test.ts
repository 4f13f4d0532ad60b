import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { keyAfterFailure, maybeFiledBefore, refusalOf } from './submit-refusal';

const invalid = (details: unknown) =>
  new ApiError('DOSSIER_INVALID', 422, 'The dossier is not complete', details);

describe('a refused submission', () => {
  it('takes the person to the form with the fields the server named', () => {
    const refusal = refusalOf(
      invalid({
        fields: [
          { field: 'child_full_name', code: 'required' },
          { field: 'mother_citizen_id', code: 'type' },
        ],
        documents: [],
      }),
    );
    expect(refusal.step).toBe('form');
    expect(refusal.form).toEqual([
      { field: 'child_full_name', code: 'required' },
      { field: 'mother_citizen_id', code: 'type' },
    ]);
  });

  it('takes the person to the documents with each slot’s problem', () => {
    const refusal = refusalOf(
      invalid({
        fields: [],
        documents: [
          { slot: 'GCS01', problem: 'missing' },
          { slot: 'TK01', fileId: 'x', problem: 'not_allowed_type' },
          { slot: 'TK01', problem: 'missing' },
          { slot: 'UQ01', problem: 'something_new' },
        ],
      }),
    );
    expect(refusal.step).toBe('documents');
    expect(refusal.documents).toEqual({
      GCS01: 'missing',
      TK01: 'not_allowed_type',
      UQ01: 'not_found',
    });
  });

  it('starts from the earliest step with a problem: the case is the applicant’s', () => {
    const refusal = refusalOf(
      invalid({
        fields: [
          { field: 'case', code: 'option' },
          { field: 'declaration', code: 'required' },
        ],
        documents: [{ slot: 'TK01', problem: 'missing' }],
      }),
    );
    expect(refusal.step).toBe('applicant');
    expect(refusal.applicant).toEqual({ case: 'dossiersPortal.applicant.caseRequired' });
    expect(refusal.form).toEqual([{ field: 'declaration', code: 'required' }]);
    expect(refusal.documents).toEqual({ TK01: 'missing' });
  });

  it('maps the request schema’s fields and the commune nobody serves to the applicant step', () => {
    const schema = new ApiError('VALIDATION_FAILED', 400, 'bad', [
      { field: 'body.applicant.idNumber', message: 'must match pattern "^[0-9]{9,13}$"' },
      { field: 'body.applicant.fullName', message: 'is required' },
      { field: 'body.documents.0.fileId', message: 'must match format "uuid"' },
    ]);
    const refusal = refusalOf(schema);
    expect(refusal.step).toBe('applicant');
    expect(refusal.applicant).toEqual({
      'applicant.idNumber': 'form.invalid',
      'applicant.fullName': 'form.required',
    });
    expect(refusal.documents).toEqual({ '': 'not_found' });

    const commune = refusalOf(
      new ApiError('COMMUNE_NOT_SERVED', 422, 'no', { communeCode: '99999' }),
    );
    expect(commune.step).toBe('applicant');
    expect(commune.applicant).toEqual({ communeCode: 'dossiersPortal.applicant.communeNotServed' });
  });

  it('belongs to no step when it is about the whole dossier or the connection', () => {
    expect(refusalOf(new ApiError('PROCEDURE_NOT_ONLINE', 422, 'no')).step).toBeNull();
    expect(refusalOf(new ApiError('CITIZENS_ONLY', 403, 'no')).step).toBeNull();
    expect(refusalOf(ApiError.network(new Error('offline'))).step).toBeNull();
    expect(refusalOf(invalid('not an object')).step).toBeNull();
  });
});

describe('the Idempotency-Key after a failure', () => {
  it('is kept when the same request may be sent again', () => {
    expect(keyAfterFailure(ApiError.network(new Error('offline')))).toBe('keep');
    expect(keyAfterFailure(new ApiError('INTERNAL', 500, 'x'))).toBe('keep');
    expect(keyAfterFailure(new ApiError('OVERLOADED', 503, 'x'))).toBe('keep');
    expect(keyAfterFailure(new ApiError('IDEMPOTENCY_KEY_IN_USE', 409, 'x'))).toBe('keep');
    expect(keyAfterFailure(new ApiError('RATE_LIMITED', 429, 'x'))).toBe('keep');
  });

  it('is renewed after a definite refusal, since the corrected dossier is another request', () => {
    expect(keyAfterFailure(invalid({ fields: [], documents: [] }))).toBe('renew');
    expect(keyAfterFailure(new ApiError('VALIDATION_FAILED', 400, 'x'))).toBe('renew');
    expect(keyAfterFailure(new ApiError('COMMUNE_NOT_SERVED', 422, 'x'))).toBe('renew');
  });

  it('warns that a dossier may already be filed when the key was used with another body', () => {
    const reused = new ApiError('IDEMPOTENCY_KEY_REUSED', 422, 'x');
    expect(maybeFiledBefore(reused)).toBe(true);
    expect(keyAfterFailure(reused)).toBe('renew');
    expect(maybeFiledBefore(invalid({}))).toBe(false);
  });
});
