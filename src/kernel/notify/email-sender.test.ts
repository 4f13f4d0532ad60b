import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailSender, smtpOptions } from './email-sender';
import { PermanentDeliveryError } from './delivery-errors';
import { decodeMail } from './mail.test-support';

describe('e-mail sender without SMTP', () => {
  let dataDir: string;
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('writes a readable .eml file in development and logs the recipient masked', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-mail-'));
    const lines: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    );
    const sender = createEmailSender(
      { smtpUrl: '', env: 'development', dataDir, mailFrom: 'Tỉnh số <no-reply@tinhso.local>' },
      log,
    );
    expect(sender.kind).toBe('file');
    await sender.send({
      to: 'pham.thu@quangninh.example',
      subject: 'Hồ sơ đã được tiếp nhận',
      text: 'Hồ sơ của bạn đã được tiếp nhận.',
    });
    const files = fs.readdirSync(path.join(dataDir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const decoded = decodeMail(
      fs.readFileSync(path.join(dataDir, 'mail', files[0]!)).toString('latin1'),
    );
    expect(decoded.subject).toBe('Hồ sơ đã được tiếp nhận');
    expect(decoded.text.trim()).toBe('Hồ sơ của bạn đã được tiếp nhận.');
    expect(decoded.to).toContain('pham.thu@quangninh.example');
    const logged = lines.join('');
    expect(logged).toContain('ph***@quangninh.example');
    expect(logged).not.toContain('pham.thu@');
  });

  it('fails every e-mail permanently in production', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-mail-'));
    const sender = createEmailSender(
      { smtpUrl: '', env: 'production', dataDir, mailFrom: 'x@y.vn' },
      pino({ level: 'silent' }),
    );
    await expect(sender.send({ to: 'a@b.vn', subject: 's', text: 't' })).rejects.toBeInstanceOf(
      PermanentDeliveryError,
    );
  });

  it('reads SMTP settings from the URL', () => {
    expect(
      smtpOptions('smtps://th%C6%B0:m%E1%BA%ADt%40kh%E1%BA%A9u@mail.quangninh.gov.vn'),
    ).toMatchObject({
      host: 'mail.quangninh.gov.vn',
      port: 465,
      secure: true,
      auth: { user: 'thư', pass: 'mật@khẩu' },
    });
    expect(smtpOptions('smtp://127.0.0.1:2525')).toMatchObject({ port: 2525, secure: false });
    expect(smtpOptions('smtp://127.0.0.1:2525')).not.toHaveProperty('auth');
  });
});
