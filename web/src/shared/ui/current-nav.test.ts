import { describe, expect, it } from 'vitest';
import { currentNavTarget } from './current-nav';

const CONSOLE = [
  { to: '/console', end: true },
  { to: '/console/agencies' },
  { to: '/console/phan-anh' },
  { to: '/console/phan-anh/dinh-tuyen' },
  { to: '/console/account' },
];

describe('the current navigation entry', () => {
  it('is the deepest entry covering the path, never two at once', () => {
    expect(currentNavTarget(CONSOLE, '/console/phan-anh/dinh-tuyen')).toBe(
      '/console/phan-anh/dinh-tuyen',
    );
    expect(currentNavTarget(CONSOLE, '/console/phan-anh')).toBe('/console/phan-anh');
  });

  it('keeps a section current on the pages below it', () => {
    expect(currentNavTarget(CONSOLE, '/console/phan-anh/PA-261121-ABCDE')).toBe(
      '/console/phan-anh',
    );
    expect(currentNavTarget(CONSOLE, '/console/agencies/123')).toBe('/console/agencies');
  });

  it('marks an entry that ends at its own address only there', () => {
    expect(currentNavTarget(CONSOLE, '/console')).toBe('/console');
    expect(currentNavTarget(CONSOLE, '/console/')).toBe('/console');
    expect(currentNavTarget(CONSOLE, '/console/users')).toBeNull();
  });

  it('does not take a longer name for a section below', () => {
    expect(currentNavTarget(CONSOLE, '/console/phan-anh-cu')).toBeNull();
  });
});
