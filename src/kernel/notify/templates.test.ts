import { describe, expect, it } from 'vitest';
import {
  checkVariables,
  defineTemplate,
  escapeHtml,
  MissingVariableError,
  renderTemplate,
} from './templates';
import { accountCreatedTemplate, genericNoticeTemplate } from './kernel-templates';
import { maskIn, maskRecipient } from './mask';

describe('notification templates', () => {
  it('renders the recipient language, Vietnamese by default', () => {
    const variables = {
      name: 'Nguyễn Thị Hoa',
      username: 'hoa.nt',
      link: 'https://tinhso.example/kich-hoat?t=abc',
      expiresHours: '48',
    };
    const vi = renderTemplate(accountCreatedTemplate, undefined, variables);
    expect(vi.subject).toBe('Tài khoản Tỉnh số của bạn đã được tạo');
    expect(vi.text).toContain('Xin chào Nguyễn Thị Hoa,');
    expect(vi.text).toContain('trong vòng 48 giờ');
    expect(vi.text).toContain('https://tinhso.example/kich-hoat?t=abc');
    const en = renderTemplate(accountCreatedTemplate, 'en', variables);
    expect(en.subject).toBe('Your Tỉnh số account has been created');
    expect(en.text).toContain('within 48 hours');
  });

  it('escapes variables in HTML, not in plain text', () => {
    const message = renderTemplate(genericNoticeTemplate, 'vi', {
      title: 'Thông báo <khẩn>',
      message: '<script>alert("x")</script> & "trích dẫn"',
    });
    expect(message.text).toContain('<script>alert("x")</script> & "trích dẫn"');
    expect(message.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;trích dẫn&quot;',
    );
    expect(message.html).not.toContain('<script>');
    expect(message.subject).toBe('Thông báo <khẩn>');
  });

  it('keeps a subject on one line', () => {
    const message = renderTemplate(genericNoticeTemplate, 'vi', {
      title: 'Dòng 1\r\nBcc: attacker@example.com',
      message: 'Nội dung',
    });
    expect(message.subject).toBe('Dòng 1 Bcc: attacker@example.com');
  });

  it('fails loudly on a missing variable', () => {
    const partial = { title: 'Tiêu đề' } as unknown as { title: string; message: string };
    expect(() => renderTemplate(genericNoticeTemplate, 'vi', partial)).toThrow(
      MissingVariableError,
    );
  });

  it('checks a message before it is queued: every variable the template places is given', () => {
    expect(() => checkVariables(genericNoticeTemplate, { title: 'Tiêu đề' })).toThrow(
      /needs the variable "message"/,
    );
    expect(() =>
      checkVariables(genericNoticeTemplate, { title: 'Tiêu đề', message: 'Nội dung' }),
    ).not.toThrow();
  });

  it('refuses a translation that forgets a variable, and duplicate names', () => {
    expect(() =>
      defineTemplate('test_mismatch', {
        vi: { subject: 'Chào {{name}}', text: 'Mã {{code}}' },
        en: { subject: 'Hello {{name}}', text: 'Code' },
      }),
    ).toThrow(/code/);
    expect(() =>
      defineTemplate('generic_notice', {
        vi: { subject: 'a', text: 'b' },
        en: { subject: 'a', text: 'b' },
      }),
    ).toThrow(/twice/);
  });

  it('reads the variables of a template from its text', () => {
    const template = defineTemplate('test_variables', {
      vi: { subject: 'Hồ sơ {{code}}', text: 'Kính gửi {{name}}', html: '<p>{{link}}</p>' },
      en: { subject: 'Dossier {{code}}', text: 'Dear {{name}}', html: '<p>{{link}}</p>' },
    });
    expect([...template.variables].sort()).toEqual(['code', 'link', 'name']);
    type Needed = (typeof template.variables)[number];
    const provide = (variables: Record<Needed, string>) => variables;
    expect(provide({ code: 'x', name: 'y', link: 'z' })).toBeDefined();
    // @ts-expect-error: `link` is missing, which the compiler must reject.
    expect(provide({ code: 'x', name: 'y' })).toBeDefined();
    // @ts-expect-error: `other` is not a variable of this template.
    const unknown: Needed = 'other';
    expect(unknown).toBe('other');
  });

  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('recipient masking', () => {
  it('masks e-mail addresses and phone numbers', () => {
    expect(maskRecipient('nguyen.van.an@quangninh.gov.vn')).toBe('ng***@quangninh.gov.vn');
    expect(maskRecipient('a@b.vn')).toBe('***@b.vn');
    expect(maskRecipient('0912345678')).toBe('091****678');
    expect(maskRecipient('+84912345678')).toBe('+84****678');
    expect(maskIn('550 5.1.1 <an@x.vn>: unknown user an@x.vn', 'an@x.vn')).toBe(
      '550 5.1.1 <a***@x.vn>: unknown user a***@x.vn',
    );
  });
});
