import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { loggerOptions } from './logger';
import { REDACTED, redactLogObject } from './redact';

function capture(): { log: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    log: pino(loggerOptions({ logLevel: 'info' }), sink),
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('log redaction', () => {
  it('replaces sensitive fields at any depth and in arrays, whatever their case', () => {
    const input = {
      user: { profile: { contact: { deep: { email: 'a@b.vn', Phone: '+84912345678' } } } },
      recipients: [{ fullName: 'Nguyễn Văn A', role: 'citizen' }],
      headers: { Authorization: 'Bearer x', 'x-api-key': 'k', accept: 'application/json' },
    };
    expect(redactLogObject(input)).toEqual({
      user: { profile: { contact: { deep: { email: REDACTED, Phone: REDACTED } } } },
      recipients: [{ fullName: REDACTED, role: 'citizen' }],
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'application/json' },
    });
  });

  it('leaves the caller’s object untouched and returns it as is when nothing is sensitive', () => {
    const input = { body: { password: 'Mật-khẩu' } };
    const output = redactLogObject(input);
    expect(input.body.password).toBe('Mật-khẩu');
    expect(output).not.toBe(input);

    const access = { method: 'GET', url: '/api/geo/locate', status: 200, ms: 1 };
    expect(redactLogObject(access)).toBe(access);
  });

  it('keeps error codes, which every rejected request logs', () => {
    expect(redactLogObject({ code: 'VALIDATION_FAILED', status: 400 })).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
    });
  });

  it('redacts an error’s own fields but keeps its message and stack', () => {
    const error = new AppError('X', 422, 'bad input', { email: 'a@b.vn', field: 'email' });
    const { log, lines } = capture();
    log.error({ err: error }, 'request failed');
    const [line] = lines();
    const err = line!.err as Record<string, unknown>;
    expect(err.message).toBe('bad input');
    expect(String(err.stack)).toContain('bad input');
    expect(err.details).toEqual({ email: REDACTED, field: 'email' });
    expect(JSON.stringify(line)).not.toContain('a@b.vn');
  });

  it('redacts the bindings of child loggers and survives cycles', () => {
    const { log, lines } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    log.child({ phone: '+84912345678' }).info({ cyclic: { token: 't' } }, 'child line');
    expect(() => redactLogObject(cyclic)).not.toThrow();
    const [line] = lines();
    expect(line!.phone).toBe(REDACTED);
    expect(line!.cyclic).toEqual({ token: REDACTED });
  });
});
