import { describe, expect, it } from 'vitest';
import { SequenceMemo } from './sequence-memo';

describe('SequenceMemo', () => {
  it('builds a value once per sequence and tells sequences apart by every token', () => {
    const memo = new SequenceMemo<string>();
    let builds = 0;
    const build = (label: string) => () => {
      builds += 1;
      return label;
    };
    expect(memo.get(['insert', 'a', -1], build('first'))).toBe('first');
    expect(memo.get(['insert', 'a', -1], build('again'))).toBe('first');
    // A string and a number that print alike are different tokens; so is a longer sequence.
    expect(memo.get(['insert', 'a', '-1'], build('text'))).toBe('text');
    expect(memo.get(['insert', 'a', -1, 'b'], build('longer'))).toBe('longer');
    expect(memo.get(['insert', 'a'], build('prefix'))).toBe('prefix');
    expect(builds).toBe(4);
  });

  it('starts over past its bound instead of growing without end', () => {
    const memo = new SequenceMemo<number>(10);
    for (let i = 0; i < 100; i += 1) memo.get(['text', i], () => i);
    expect(memo.size).toBeLessThanOrEqual(11);
    let rebuilt = false;
    expect(
      memo.get(['text', 0], () => {
        rebuilt = true;
        return 0;
      }),
    ).toBe(0);
    expect(rebuilt).toBe(true);
  });
});
