/** The documents an operator relies on must match the code. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../src/parts';
import { renderErrorsDoc } from '../src/kernel/errors/errors-doc';

describe('documentation', () => {
  it('docs/errors.md lists every declared error code (npm run gen:docs)', () => {
    expect(fs.readFileSync('docs/errors.md', 'utf8')).toBe(renderErrorsDoc());
  });

  it('docs/configuration.md documents every environment variable the code reads', () => {
    const source = fs.readFileSync('src/kernel/config/config.ts', 'utf8');
    const names = new Set(
      [...source.matchAll(/\b(?:str|int|bool|oneOf|url)\('([A-Z0-9_]+)'/g)].map((m) => m[1]!),
    );
    expect(names.size).toBeGreaterThan(10);
    const doc = fs.readFileSync('docs/configuration.md', 'utf8');
    const missing = [...names].filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
