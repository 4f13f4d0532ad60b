import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { keyFor, wasAnswered } from './action-keys';

let counter = 0;
const fresh = () => `key-${++counter}`;

describe('the Idempotency-Key of the desk’s writes', () => {
  it('is new for the first request', () => {
    expect(keyFor(null, '{"a":1}', fresh)).toMatch(/^key-\d+$/);
  });

  it('is the same again when the same request got no answer', () => {
    const last = { key: 'k1', request: '{"method":"cash"}', answered: false };
    expect(keyFor(last, '{"method":"cash"}', fresh)).toBe('k1');
  });

  it('is new once the server answered, or for another request', () => {
    expect(keyFor({ key: 'k1', request: 'x', answered: true }, 'x', fresh)).not.toBe('k1');
    expect(keyFor({ key: 'k1', request: 'x', answered: false }, 'y', fresh)).not.toBe('k1');
  });

  it('counts only a network failure as no answer', () => {
    expect(wasAnswered(ApiError.network(new TypeError('fetch failed')))).toBe(false);
    expect(wasAnswered(new ApiError('DOSSIER_WRONG_STATUS', 409, 'wrong status'))).toBe(true);
    expect(wasAnswered(new Error('boom'))).toBe(true);
  });
});
