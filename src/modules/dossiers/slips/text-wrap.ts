/**
 * Breaking text into lines by the real widths of its glyphs, first fit, as Word breaks: each
 * line takes words while they fit. A line may mix styles ("Tiếp nhận hồ sơ của:" in regular,
 * the name in bold), so the input is a list of runs, each in its own style. Vietnamese is
 * written in syllables separated by spaces, so a space is the only break; a word wider than a
 * line (a long link, an address with no space) is cut between letters rather than let out of
 * the margin.
 */
import { ascentOf, lineHeightOf, widthOf, type TextStyle } from './slip-fonts';

export interface Run {
  text: string;
  style: TextStyle;
}

/** Consecutive words of one style on one line, drawn as one string. */
export interface Piece {
  text: string;
  style: TextStyle;
  /** From the line's left edge. */
  x: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
  /** The tallest style of the line. */
  height: number;
  ascent: number;
}

/** NFC, with any run of white space (a line break typed into a form) made one space. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The paragraphs of a text typed in a form: split at line breaks, blank ones dropped. */
export function paragraphsOf(text: string): string[] {
  return text.normalize('NFC').split(/\r?\n/).map(oneLine).filter(Boolean);
}

// Widths are sums of floating-point advances; a line that fits exactly must not be refused.
const TOLERANCE = 1e-6;

interface Word {
  text: string;
  style: TextStyle;
  width: number;
  /** Whether a space separates this word from the one before it. */
  spaced: boolean;
  /** A later piece of a word cut because it is wider than a line: it starts a line. */
  cut: boolean;
}

/**
 * Lines of at most `firstWidth` points (the first line) and `restWidth` (the others). A run
 * ending without a space joins the next run's first word (`Mã hồ sơ: ` + code keeps its space,
 * but a name + `.` stays one word): words joined that way break only together. An empty text
 * has no lines.
 */
export function wrapRuns(runs: readonly Run[], firstWidth: number, restWidth = firstWidth): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  let width = 0;
  for (const cluster of clustersOf(wordsOf(runs, Math.min(firstWidth, restWidth)))) {
    const [head] = cluster;
    const limit = lines.length === 0 ? firstWidth : restWidth;
    const gap = current.length > 0 ? widthOf(head!.style, ' ') : 0;
    const clusterWidth = cluster.reduce((sum, word) => sum + word.width, 0);
    if (current.length > 0 && (head!.cut || width + gap + clusterWidth > limit + TOLERANCE)) {
      lines.push(lineOf(current));
      current = [];
      width = 0;
    }
    width += (current.length > 0 ? gap : 0) + clusterWidth;
    current.push(
      ...cluster.map((word, i) => ({ ...word, spaced: i === 0 ? current.length > 0 : false })),
    );
  }
  if (current.length > 0) lines.push(lineOf(current));
  return lines;
}

/** Words split into groups that break only together: a word and those joined to it. */
function clustersOf(words: readonly Word[]): Word[][] {
  const clusters: Word[][] = [];
  for (const word of words) {
    const last = clusters.at(-1);
    if (last && !word.spaced && !word.cut) last.push(word);
    else clusters.push([word]);
  }
  return clusters;
}

/** Plain text in one style. */
export function wrapText(text: string, style: TextStyle, width: number): Line[] {
  return wrapRuns([{ text, style }], width);
}

/**
 * As few lines as first fit at `width`, but as even as they can be: the narrowest width that
 * needs no more lines. Centred headings then read in phrases (`ỦY BAN NHÂN DÂN` over `PHƯỜNG HẠ
 * LONG`) instead of one full line over a single word.
 */
export function wrapBalanced(text: string, style: TextStyle, width: number): Line[] {
  const lines = wrapText(text, style, width);
  if (lines.length < 2) return lines;
  let fits = width;
  let tooNarrow = 0;
  // A twentieth of a point is finer than any difference between two breaks.
  while (fits - tooNarrow > 0.05) {
    const middle = (fits + tooNarrow) / 2;
    if (wrapText(text, style, middle).length <= lines.length) fits = middle;
    else tooNarrow = middle;
  }
  return wrapText(text, style, fits);
}

function wordsOf(runs: readonly Run[], narrowest: number): Word[] {
  const words: Word[] = [];
  let spacePending = false;
  for (const run of runs) {
    const text = run.text.normalize('NFC').replace(/\s+/g, ' ');
    const parts = text.split(' ');
    parts.forEach((part, i) => {
      if (i > 0) spacePending = true;
      if (!part) return;
      const spaced = spacePending;
      spacePending = false;
      pieces(part, run.style, narrowest).forEach((piece, j) => {
        words.push({
          text: piece,
          style: run.style,
          width: widthOf(run.style, piece),
          spaced: j === 0 && spaced,
          cut: j > 0,
        });
      });
    });
  }
  return words;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The word itself, or, if it is wider than a line, runs of letters that each fit one. */
function pieces(word: string, style: TextStyle, width: number): string[] {
  if (widthOf(style, word) <= width + TOLERANCE) return [word];
  const runs: string[] = [];
  let run = '';
  for (const { segment } of graphemes.segment(word)) {
    if (run && widthOf(style, run + segment) > width + TOLERANCE) {
      runs.push(run);
      run = '';
    }
    run += segment;
  }
  if (run) runs.push(run);
  return runs;
}

/** Words of a line merged into pieces: one string per stretch of the same style. */
function lineOf(words: readonly Word[]): Line {
  const pieces: Piece[] = [];
  let x = 0;
  let last: { piece: Piece; style: TextStyle } | undefined;
  for (const word of words) {
    const gap = word.spaced ? widthOf(word.style, ' ') : 0;
    if (last && last.style === word.style) {
      last.piece.text += (word.spaced ? ' ' : '') + word.text;
    } else {
      const piece = { text: (word.spaced && last ? ' ' : '') + word.text, style: word.style, x };
      pieces.push(piece);
      last = { piece, style: word.style };
    }
    x += gap + word.width;
  }
  const styles = words.map((word) => word.style);
  return {
    pieces,
    width: x,
    height: Math.max(...styles.map(lineHeightOf)),
    ascent: Math.max(...styles.map(ascentOf)),
  };
}
