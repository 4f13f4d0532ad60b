/**
 * One line of text centred in a rectangle the document left for it, drawn by a signature:
 * the number and notation (`Số: 07/UBND-VP`) and the dateline (`Hạ Long, ngày 22 tháng 11
 * năm 2026`) that the clerk gives a document when issuing it, written by the agency's seal
 * signature so that they are covered by it. Real text (a font subset with ToUnicode), black.
 */
import type { Rect, SignatureAppearance } from './appearance-types';
import type { FontFace } from './font-files';
import { fontSubset } from './font-subset';
import { formAppearance } from './form-xobject';
import { oneLine, textBlock } from './text-block';
import { shapeText, textWidth } from './text-shaping';

export interface TextLineOptions {
  text: string;
  /** Reader space, points: where the line may go. */
  rect: Rect;
  /** Reader-space y of the baseline, inside `rect`. */
  baseline: number;
  fontSize: number;
  face?: FontFace;
}

export async function textLineAppearance(options: TextLineOptions): Promise<SignatureAppearance> {
  const face = options.face ?? 'regular';
  const text = oneLine(options.text);
  if (!text) throw new Error('the line has no text');
  const [x1, y1, x2, y2] = options.rect;
  const width = x2 - x1;
  const height = y2 - y1;
  if (!(width > 0 && height > 0) || options.baseline < y1 || options.baseline > y2) {
    throw new RangeError('the baseline must lie inside a non-empty rectangle');
  }
  const shaped = shapeText(face, text);
  const lineWidth = textWidth(shaped, options.fontSize);
  if (lineWidth > width + 0.01) throw new RangeError(`"${text}" is wider than its place`);
  const subset = await fontSubset(face, [shaped]);
  return formAppearance(
    {
      width,
      height,
      content: textBlock(
        'F1',
        subset,
        options.fontSize,
        [shaped],
        [{ x: (width - lineWidth) / 2, baseline: options.baseline - y1 }],
        [0, 0],
      ),
      fonts: { F1: subset },
    },
    () => options.rect,
  );
}
