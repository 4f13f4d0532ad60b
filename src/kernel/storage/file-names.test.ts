import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asciiFallback, attachmentDisposition, sanitiseFileName } from './file-names';

describe('file names', () => {
  it('keeps Vietnamese names and puts the stored type as extension', () => {
    expect(sanitiseFileName('Ảnh hiện trường đường Hạ Long.PNG', 'jpg')).toBe(
      'Ảnh hiện trường đường Hạ Long.jpg',
    );
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const decomposed = 'Quảng Ninh.pdf'.normalize('NFD');
    expect(sanitiseFileName(decomposed, 'pdf')).toBe('Quảng Ninh.pdf'.normalize('NFC'));
  });

  it('drops directories, control and reserved characters', () => {
    expect(sanitiseFileName('..\\..\\windows\\system32\\evil.exe', 'pdf')).toBe('evil.pdf');
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('a\u0000b\r\nc<d>:e"f|g?h*.pdf', 'pdf')).toBe('a_b__c_d__e_f_g_h_.pdf');
    expect(sanitiseFileName('bao\u202Egnp.exe', 'pdf')).toBe('bao_gnp.pdf');
  });

  it('falls back to a neutral name when nothing is left', () => {
    expect(sanitiseFileName(undefined, 'pdf')).toBe('tep.pdf');
    expect(sanitiseFileName('...', 'jpg')).toBe('tep.jpg');
    expect(sanitiseFileName('///', 'jpg')).toBe('tep.jpg');
  });

  it('bounds the length', () => {
    const name = sanitiseFileName(`${'Đ'.repeat(500)}.pdf`, 'pdf');
    expect(Array.from(name).length).toBe(154);
  });

  it('always yields a safe name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const name = sanitiseFileName(raw, 'pdf');
        expect(name.endsWith('.pdf')).toBe(true);
        expect(name).not.toMatch(/[/\\<>:"|?*\p{Cc}]/u);
        expect(name.startsWith('.')).toBe(false);
        expect(Array.from(name).length).toBeLessThanOrEqual(154);
      }),
    );
  });

  it('writes an RFC 6266 attachment header with an RFC 5987 UTF-8 name', () => {
    expect(attachmentDisposition('Quyết định số 15 (bản sao).pdf')).toBe(
      `attachment; filename="Quyet dinh so 15 (ban sao).pdf"; ` +
        `filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2015%20%28b%E1%BA%A3n%20sao%29.pdf`,
    );
    expect(asciiFallback('Đường "số" 5\\%.pdf')).toBe('Duong _so_ 5__.pdf');
  });
});
