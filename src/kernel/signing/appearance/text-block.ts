/**
 * Helpers shared by the Decree 30 appearances: lines of black text placed one by one, the
 * clean-up every displayed text gets, word wrapping and the metrics of a face.
 */
import type { FontMetrics, LinePlacement } from './decree30-geometry';
import { loadFont, type FontFace } from './font-files';
import type { FontSubset } from './font-subset';
import { pdfNumbers } from './pdf-syntax';
import { showText } from './text-operators';
import { shapeText, textWidth, type ShapedText } from './text-shaping';

/** Black text, each line at its own place; `origin` is subtracted to get form space. */
export function textBlock(
  fontName: string,
  subset: FontSubset,
  size: number,
  lines: readonly ShapedText[],
  placements: readonly LinePlacement[],
  origin: readonly [number, number],
): string {
  const ops = ['BT', `/${fontName} ${pdfNumbers([size])} Tf`, '0 g'];
  lines.forEach((line, i) => {
    const at = placements[i];
    if (!at) return;
    ops.push(
      `1 0 0 1 ${pdfNumbers([at.x - origin[0], at.baseline - origin[1]])} Tm`,
      showText(line, subset.cidOf, size),
    );
  });
  ops.push('ET');
  return ops.join('\n');
}

/** NFC, with runs of white space (a line break typed into a form) made one space. */
export function oneLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Greedy word wrap for a line wider than `width` (`TM. BAN CHỈ ĐẠO …`). A single word wider
 * than the width stays whole; the caller's rect grows to hold it.
 */
export function wrap(face: FontFace, text: string, size: number, width: number): ShapedText[] {
  const whole = shapeText(face, text);
  if (textWidth(whole, size) <= width) return [whole];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(shapeText(face, candidate), size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => shapeText(face, line));
}

export function metricsOf(face: FontFace): FontMetrics {
  const font = loadFont(face);
  return { ascent: font.ascent / font.unitsPerEm, descent: -font.descent / font.unitsPerEm };
}
