import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';
import { translate } from './translate';

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty message', () => {
    for (const dictionary of [vi, en]) {
      for (const [key, message] of Object.entries(dictionary)) {
        expect(message.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (message: string) =>
      [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('write Vietnamese with its diacritics', () => {
    expect(translate('vi', 'app.skipToContent')).toBe('Bỏ qua, đến nội dung chính');
    expect(translate('vi', 'ops.updatedAt', { time: '09:15:00' })).toBe('Cập nhật lúc 09:15:00');
    expect(translate('en', 'ops.updatedAt', { time: '09:15:00' })).toBe('Updated at 09:15:00');
  });
});
