import { describe, expect, it } from 'vitest';
import { wrapBalanced, wrapText, type Measure } from './text-wrap';

/** One point per character: widths that can be checked by eye. */
const monospace: Measure = (text) => [...text].length;

const texts = (lines: { words: readonly string[] }[]) => lines.map((line) => line.words.join(' '));

describe('wrapText', () => {
  it('fills each line as far as its width allows, a first line narrower for the indent', () => {
    const lines = wrapText('aaa bbb ccc ddd eee fff', monospace, 7, 11);
    expect(texts(lines)).toEqual(['aaa bbb', 'ccc ddd eee', 'fff']);
    expect(lines.map((line) => line.width)).toEqual([7, 11, 3]);
  });

  it('takes a line that fits exactly, and collapses white space and line breaks', () => {
    expect(texts(wrapText(' aaa\n  bbb\tccc ', monospace, 7))).toEqual(['aaa bbb', 'ccc']);
  });

  it('cuts a word wider than a line between letters, keeping each Vietnamese letter whole', () => {
    const word = 'https://dichvucong.quangninh.gov.vn/chuyển-đổi-số';
    const lines = wrapText(`xem ${word.normalize('NFD')}`, monospace, 12);
    expect(lines.every((line) => line.width <= 12)).toBe(true);
    expect(texts(lines).join('').replace(/^xem/, '')).toBe(word);
    expect(texts(lines).join('')).toBe(texts(lines).join('').normalize('NFC'));
  });

  it('has no line for an empty text', () => {
    expect(wrapText('  \n ', monospace, 10)).toEqual([]);
  });
});

describe('wrapBalanced', () => {
  it('breaks in phrases: as many lines as first fit, as even as they can be', () => {
    const text = 'ỦY BAN NHÂN DÂN PHƯỜNG HẠ LONG';
    expect(texts(wrapText(text, monospace, 22))).toEqual(['ỦY BAN NHÂN DÂN PHƯỜNG', 'HẠ LONG']);
    expect(texts(wrapBalanced(text, monospace, 22))).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG HẠ LONG']);
  });

  it('leaves a text that fits on one line alone', () => {
    expect(texts(wrapBalanced('QUYẾT ĐỊNH', monospace, 40))).toEqual(['QUYẾT ĐỊNH']);
  });
});
