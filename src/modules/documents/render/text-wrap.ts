/**
 * Breaking text into lines by the real widths of its glyphs. First fit, as Word breaks: each
 * line takes words while they fit. Vietnamese is written in syllables separated by spaces, so
 * a space is the only break; a run wider than a whole line (a long address or link) is cut
 * between letters rather than let out of the margin.
 */

/** Width in points of a text in the style being wrapped. */
export type Measure = (text: string) => number;

export interface Line {
  words: readonly string[];
  /** Width of the words joined by single spaces. */
  width: number;
}

/** NFC, with any run of white space (a line break typed into a form) made one space. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Widths are sums of floating-point advances; a line that fits exactly must not be refused.
const TOLERANCE = 1e-6;

/**
 * Lines of at most `firstWidth` (the first line) and `restWidth` (the others) points. An empty
 * text has no lines.
 */
export function wrapText(
  text: string,
  measure: Measure,
  firstWidth: number,
  restWidth: number = firstWidth,
): Line[] {
  const space = measure(' ');
  const narrowest = Math.min(firstWidth, restWidth);
  const lines: Line[] = [];
  let words: string[] = [];
  let width = 0;
  for (const word of oneLine(text).split(' ').filter(Boolean)) {
    for (const piece of pieces(word, measure, narrowest)) {
      const pieceWidth = measure(piece);
      const limit = lines.length === 0 ? firstWidth : restWidth;
      if (words.length > 0 && width + space + pieceWidth > limit + TOLERANCE) {
        lines.push({ words, width });
        words = [];
      }
      width = words.length === 0 ? pieceWidth : width + space + pieceWidth;
      words.push(piece);
    }
  }
  if (words.length > 0) lines.push({ words, width });
  return lines;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The word itself, or, if it is wider than a line, runs of letters that each fit one. */
function pieces(word: string, measure: Measure, width: number): string[] {
  if (measure(word) <= width + TOLERANCE) return [word];
  const runs: string[] = [];
  let run = '';
  for (const { segment } of graphemes.segment(word)) {
    if (run && measure(run + segment) > width + TOLERANCE) {
      runs.push(run);
      run = '';
    }
    run += segment;
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * As few lines as `wrapText` at `width`, but as even as they can be: the narrowest width that
 * needs no more lines. Centred headings read in phrases this way (`ỦY BAN NHÂN DÂN` over
 * `PHƯỜNG HẠ LONG`) instead of one full line over a word or two.
 */
export function wrapBalanced(text: string, measure: Measure, width: number): Line[] {
  const lines = wrapText(text, measure, width);
  if (lines.length < 2) return lines;
  const words = oneLine(text).split(' ');
  let fits = width;
  let tooNarrow = Math.min(width, Math.max(...words.map(measure))) - TOLERANCE;
  // A twentieth of a point is finer than any difference between two breaks.
  while (fits - tooNarrow > 0.05) {
    const middle = (fits + tooNarrow) / 2;
    if (wrapText(text, measure, middle).length <= lines.length) fits = middle;
    else tooNarrow = middle;
  }
  return wrapText(text, measure, fits);
}
