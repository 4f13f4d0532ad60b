import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors/app-error';
import { httpErrors } from '../../../kernel/errors/common.errors';
import { open311Errors, open311HttpStatus, toOpen311ErrorResponse } from './open311-errors';
import { errorsXml } from './open311-xml';

describe('Open311 error statuses', () => {
  it.each([
    ['OPEN311_API_KEY_MISSING', 403],
    ['OPEN311_API_KEY_INVALID', 403],
    ['OPEN311_JURISDICTION_UNKNOWN', 404],
    ['OPEN311_FORMAT_UNSUPPORTED', 404],
    ['OPEN311_SERVICE_UNKNOWN', 404],
    ['OPEN311_REQUEST_UNKNOWN', 404],
    ['OPEN311_TOKEN_UNKNOWN', 404],
    ['OPEN311_SERVICE_CODE_MISSING', 400],
    ['OPEN311_LOCATION_MISSING', 400],
    ['OPEN311_LOCATION_INVALID', 400],
    ['OPEN311_COORDINATES_REQUIRED', 400],
    ['OPEN311_LOCATION_OUTSIDE', 400],
    ['OPEN311_ATTRIBUTES_INVALID', 400],
    ['OPEN311_DESCRIPTION_TOO_LONG', 400],
    ['OPEN311_MEDIA_URL_INVALID', 400],
    ['OPEN311_DATE_INVALID', 400],
    ['OPEN311_DATE_RANGE_INVALID', 400],
    ['OPEN311_STATUS_INVALID', 400],
  ] as const)('%s answers %i, with the status as the code of its one error', (code, status) => {
    const error = open311Errors[code]();
    // Even a route that forgot the Open311 body answers with the right status.
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(status);
    const response = toOpen311ErrorResponse(error);
    expect(response.status).toBe(status);
    expect(response.unexpected).toBe(false);
    expect(response.errors).toEqual([
      { code: status, description: open311Errors.specs[code].messageVi },
    ]);
    expect(toOpen311ErrorResponse(error, 'en').errors).toEqual([
      { code: status, description: open311Errors.specs[code].message },
    ]);
  });

  it.each([
    [400, 400],
    [401, 403],
    [403, 403],
    [404, 404],
    [405, 400],
    [409, 400],
    [413, 400],
    [415, 400],
    [422, 400],
    [429, 429],
    [500, 500],
    [503, 503],
  ])('maps our status %i to the Open311 status %i', (ours, theirs) => {
    expect(open311HttpStatus(ours)).toBe(theirs);
  });

  it('turns a sign-in failure into the 403 the specification uses for api_key problems', () => {
    expect(toOpen311ErrorResponse(httpErrors.UNAUTHENTICATED())).toEqual({
      status: 403,
      errors: [{ code: 403, description: 'Vui lòng đăng nhập để tiếp tục.' }],
      unexpected: false,
    });
  });

  it('keeps Retry-After on a rate-limited answer', () => {
    const limited = new AppError('RATE_LIMITED', 429, 'Too many requests.', undefined, {
      'retry-after': '30',
    });
    const response = toOpen311ErrorResponse(limited, 'en');
    expect(response.status).toBe(429);
    expect(response.headers).toEqual({ 'retry-after': '30' });
  });

  it('lists each invalid parameter of a schema failure as its own error', () => {
    const failure = httpErrors.VALIDATION_FAILED([
      { field: 'querystring.lat', message: 'must be number' },
      { field: 'body.service_code', message: 'is required' },
    ]);
    expect(toOpen311ErrorResponse(failure, 'en').errors).toEqual([
      { code: 400, description: 'Invalid parameter lat: must be number.' },
      { code: 400, description: 'Invalid parameter service_code: is required.' },
    ]);
    expect(toOpen311ErrorResponse(failure).errors[0]).toEqual({
      code: 400,
      description: 'Tham số lat không hợp lệ: must be number.',
    });
  });

  it('reads Fastify schema failures as 400s too', () => {
    const fastifyFailure = Object.assign(new Error('querystring/lat must be number'), {
      validation: [
        { instancePath: '/lat', keyword: 'type', message: 'must be number', params: {} },
      ],
      validationContext: 'querystring',
    });
    expect(toOpen311ErrorResponse(fastifyFailure, 'en')).toEqual({
      status: 400,
      errors: [{ code: 400, description: 'Invalid parameter lat: must be number.' }],
      unexpected: false,
    });
  });

  it('names the parameter of a bad date and of a bad range', () => {
    const date = open311Errors.OPEN311_DATE_INVALID({ parameter: 'end_date', value: '31/12/2026' });
    expect(toOpen311ErrorResponse(date).errors).toEqual([
      {
        code: 400,
        description:
          'Tham số end_date không đúng định dạng ngày giờ W3C, ví dụ 2026-11-21T14:05:00+07:00 (nhận được "31/12/2026").',
      },
    ]);
    const range = open311Errors.OPEN311_DATE_RANGE_INVALID({
      parameters: ['start_date', 'end_date'],
      problem: 'too_long',
    });
    expect(toOpen311ErrorResponse(range, 'en').errors[0]?.description).toBe(
      'The range from start_date to end_date may not span more than 90 days.',
    );
    const reversed = open311Errors.OPEN311_DATE_RANGE_INVALID({
      parameters: ['updated_after', 'updated_before'],
      problem: 'reversed',
    });
    expect(toOpen311ErrorResponse(reversed).errors[0]?.description).toBe(
      'updated_before phải sau updated_after.',
    );
  });

  it('never echoes more than 100 characters of what the client sent', () => {
    const value = `${'x'.repeat(5000)}<script>`;
    const response = toOpen311ErrorResponse(
      open311Errors.OPEN311_DATE_INVALID({ parameter: 'start_date', value }),
      'en',
    );
    const description = response.errors[0]!.description;
    expect(description).toContain(`"${'x'.repeat(100)}…"`);
    expect(description).not.toContain('<script>');
  });

  it('answers an unexpected fault with a 500 that reveals nothing', () => {
    const response = toOpen311ErrorResponse(new TypeError('cannot read x of undefined at db.ts'));
    expect(response).toEqual({
      status: 500,
      errors: [{ code: 500, description: 'Đã xảy ra lỗi không mong muốn; lỗi đã được ghi lại.' }],
      unexpected: true,
    });
    expect(JSON.stringify(response)).not.toContain('db.ts');
  });

  it('serialises as the <errors> document the specification shows', () => {
    const response = toOpen311ErrorResponse(open311Errors.OPEN311_API_KEY_INVALID(), 'en');
    const xml = errorsXml(response.errors);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<errors><error><code>403</code>' +
        '<description>The api_key is not valid or has been revoked.</description></error></errors>\n',
    );
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    expect(parsed.errors.error).toEqual({
      code: '403',
      description: 'The api_key is not valid or has been revoked.',
    });
  });
});
