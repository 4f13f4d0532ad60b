import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_Hq3sXb0u7iJ1y2m4VfQ9cZt5kWn8pLr6aEo0dGh2jKs';
  const body = '{"id":"3f1c","type":"feedback.report_status_changed","data":{"status":"resolved"}}';
  const at = new Date('2026-11-21T08:00:00Z');
  const t = Math.floor(at.getTime() / 1000);

  it('is HMAC-SHA256 of "<t>.<body>" in hex, after t=', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook([secret], body, at)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a fresh signature, from the string or the raw bytes', () => {
    const header = signWebhook([secret], body, at);
    expect(verifyWebhookSignature(secret, header, body, at)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(body), at)).toBe(true);
    // Within the tolerance on either side of the receiver's clock.
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 299_000))).toBe(
      true,
    );
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() - 299_000))).toBe(
      true,
    );
  });

  it('rejects a stale or future timestamp', () => {
    const header = signWebhook([secret], body, at);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 301_000))).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() - 301_000))).toBe(
      false,
    );
    expect(
      verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 3_600_000), 7200),
    ).toBe(true);
  });

  it('rejects a tampered body, timestamp or signature, and another secret', () => {
    const header = signWebhook([secret], body, at);
    expect(verifyWebhookSignature(secret, header, body.replace('resolved', 'rejected'), at)).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, at)).toBe(
      false,
    );
    const flipped = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0');
    expect(verifyWebhookSignature(secret, flipped, body, at)).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, header, body, at)).toBe(false);
  });

  it('rejects malformed headers', () => {
    const sig = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    for (const header of [
      undefined,
      '',
      `v1=${sig}`,
      `t=${t}`,
      `t=abc,v1=${sig}`,
      `t=${t},t=${t},v1=${sig}`,
      `t=${t},v1=${sig.slice(0, 63)}`,
      `t=${t},v0=${sig}`,
    ]) {
      expect(verifyWebhookSignature(secret, header, body, at), String(header)).toBe(false);
    }
  });

  it('accepts any of several signatures, so a rotated secret can overlap the old one', () => {
    const previous = 'whsec_previous-secret-of-the-back-office-000000000';
    const header = signWebhook([secret, previous], body, at);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhookSignature(secret, header, body, at)).toBe(true);
    expect(verifyWebhookSignature(previous, header, body, at)).toBe(true);
    expect(verifyWebhookSignature('whsec_other', header, body, at)).toBe(false);
  });
});
