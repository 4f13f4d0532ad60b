import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/api-error';
import { PAYMENT_POLLS, paymentNotice } from './payment-notice';
import { lockedMinutes, trackProblems } from './track-input';
import { listParams, pageFrom, statusFrom } from './my-dossiers-filter';

describe('the message on return from the payment provider', () => {
  it('says "failed" at once and "paid" only once nothing is owed', () => {
    expect(paymentNotice(null, { outstanding: 8000 }, 1)).toBeNull();
    expect(paymentNotice('elsewhere', undefined, 0)).toBeNull();
    expect(paymentNotice('failure', { outstanding: 8000 }, 1)).toBe('failure');
    expect(paymentNotice('success', undefined, 0)).toBe('pending');
    expect(paymentNotice('success', { outstanding: 8000 }, 1)).toBe('pending');
    expect(paymentNotice('success', { outstanding: 0 }, 2)).toBe('confirmed');
  });

  it('stops waiting after a few reads and says the confirmation is late, not failed', () => {
    expect(paymentNotice('success', { outstanding: 8000 }, PAYMENT_POLLS)).toBe('pending');
    expect(paymentNotice('success', { outstanding: 8000 }, PAYMENT_POLLS + 1)).toBe('unconfirmed');
  });
});

describe('the public tracking form', () => {
  it('wants a code in the platform’s form and four digits', () => {
    expect(trackProblems('000.00.37.h49-260302-0001', '1234')).toEqual({});
    expect(trackProblems('', '')).toEqual({
      code: 'dossiersPortal.track.codeRequired',
      digits: 'dossiersPortal.track.digitsRequired',
    });
    expect(trackProblems('HS-123', '12a4')).toEqual({
      code: 'dossiersPortal.track.codeInvalid',
      digits: 'dossiersPortal.track.digitsInvalid',
    });
  });

  it('says how many minutes a locked code stays locked', () => {
    const locked = new ApiError('TRACKING_LOCKED', 429, 'x', { retryAfterSeconds: 1790 });
    expect(lockedMinutes(locked)).toBe(30);
    const header = new ApiError('RATE_LIMITED', 429, 'x', undefined, null, 61);
    expect(lockedMinutes(header)).toBe(2);
    expect(lockedMinutes(new ApiError('TRACKING_LOCKED', 429, 'x'))).toBeNull();
  });
});

describe('the address of my dossiers', () => {
  it('keeps a known status and a page, nothing else', () => {
    expect(listParams('returned', 3).toString()).toBe('trang-thai=returned&trang=3');
    expect(listParams(undefined, 1).toString()).toBe('');
    const params = new URLSearchParams('trang-thai=returned&trang=3');
    expect([statusFrom(params), pageFrom(params)]).toEqual(['returned', 3]);
    const junk = new URLSearchParams('trang-thai=hacked&trang=-4');
    expect([statusFrom(junk), pageFrom(junk)]).toEqual([undefined, 1]);
  });
});
