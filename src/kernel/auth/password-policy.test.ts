import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword, breachedPasswords } from './password-policy';
import { hashPassword, needsRehash, verifyPassword } from './passwords';

function problem(password: string, owner = {}): string | null {
  try {
    assertAcceptablePassword(password, owner);
    return null;
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('password policy', () => {
  it('counts Unicode code points, not UTF-16 units', () => {
    expect(problem('1234567')).toBe('PASSWORD_TOO_SHORT');
    // Seven emoji are fourteen UTF-16 units but only seven characters.
    expect(problem('🐉🐉🐉🐉🐉🐉🐉')).toBe('PASSWORD_TOO_SHORT');
    expect(problem('🐉🐉🐉🐉🐉🐉🐉🐉')).toBeNull();
    expect(problem('x'.repeat(128))).toBeNull();
    expect(problem('x'.repeat(129))).toBe('PASSWORD_TOO_LONG');
  });

  it('accepts passphrases with spaces and Vietnamese letters, no composition rules', () => {
    expect(problem('vịnh hạ long mùa thu')).toBeNull();
    expect(problem('correcthorsebatterystaple')).toBeNull();
  });

  it('refuses leaked passwords whatever their case, Vietnamese favourites included', () => {
    expect(breachedPasswords().size).toBeGreaterThan(300);
    for (const leaked of [
      '123456789',
      'password',
      'MatKhau123',
      'anhyeuem',
      'EMYEUANH',
      'iloveyou',
    ]) {
      const code = problem(leaked);
      expect(code === 'PASSWORD_BREACHED' || code === 'PASSWORD_TOO_SHORT').toBe(true);
    }
    expect(problem('anhyeuem123')).toBe('PASSWORD_BREACHED');
    expect(problem('Password1')).toBe('PASSWORD_BREACHED');
  });

  it("refuses passwords built from the account's email name or phone", () => {
    const owner = { email: 'tranthimai@gmail.com', phone: '+84912345678' };
    expect(problem('TranThiMai!', owner)).toBe('PASSWORD_CONTAINS_IDENTIFIER');
    expect(problem('xx0912345678', owner)).toBe('PASSWORD_CONTAINS_IDENTIFIER');
    expect(problem('912345678abc', owner)).toBe('PASSWORD_CONTAINS_IDENTIFIER');
    expect(problem('hoa sen trong đầm', owner)).toBeNull();
  });
});

describe('password hashing', () => {
  it('verifies the same Vietnamese password typed precomposed or decomposed', async () => {
    const composed = 'mật khẩu của tôi'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(composed);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await verifyPassword(stored, decomposed)).ok).toBe(true);
    expect((await verifyPassword(stored, 'mật khẩu của ta')).ok).toBe(false);
  });

  it('asks for a rehash when the parameters changed', async () => {
    expect(needsRehash(await hashPassword('vịnh hạ long'))).toBe(false);
    const weak =
      '$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$2qdGdyJRWQyDIFq9DVrsbxw9iDFHQSODwHbQ38Ln5i8';
    expect(needsRehash(weak)).toBe(true);
    expect((await verifyPassword('not a hash', 'x')).ok).toBe(false);
  });
});
