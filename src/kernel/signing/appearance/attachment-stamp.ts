/**
 * The agency's signature on an attachment in a separate file (văn bản kèm theo không cùng tệp
 * tin), Decree 30/2020 Appendix I: no image; the number and notation of the document and the
 * signing time (ISO 8601 with the Vietnamese offset) at the top right of the first page,
 * upright, case kept, size 10, black.
 *
 * Two lines, right-aligned: the number and notation, then the time. One line would be about
 * twice as wide (some 60 mm at size 10) and reach across the top of the page towards the
 * attachment's own heading; two lines stay within the corner and each reads as one datum.
 */
import type { SignatureAppearance } from './appearance-types';
import { LINE_PITCH, stampRect } from './decree30-geometry';
import { fontSubset } from './font-subset';
import { formAppearance } from './form-xobject';
import { isoWithOffset, VIETNAM_OFFSET_MINUTES } from './iso-time';
import { readerSize } from './page-rotation';
import { metricsOf, oneLine, textBlock } from './text-block';
import { shapeText, textWidth } from './text-shaping';

export const STAMP_FONT_SIZE = 10;

/**
 * Every character an ISO 8601 time can use: kept in the subset whatever the time, so that the
 * subset depends on the number and notation only and is found in the cache next time.
 */
const TIME_ALPHABET = '0123456789-:+T';

export interface AttachmentStampOptions {
  /** Number and notation of the document the attachment belongs to, e.g. `15/QĐ-UBND`. */
  numberNotation: string;
  signedAt: Date;
  /** Minutes east of UTC; Vietnam's +07:00 by default. */
  offsetMinutes?: number;
}

export async function attachmentStampAppearance(options: AttachmentStampOptions): Promise<{
  appearance: SignatureAppearance;
  /** Always the first page (Appendix I). */
  pageIndex: 0;
  lines: [string, string];
}> {
  const numberNotation = oneLine(options.numberNotation);
  if (!numberNotation) throw new Error('the number and notation are required');
  const lines: [string, string] = [
    numberNotation,
    isoWithOffset(options.signedAt, options.offsetMinutes ?? VIETNAM_OFFSET_MINUTES),
  ];
  const size = STAMP_FONT_SIZE;
  const shaped = lines.map((line) => shapeText('regular', line));
  const notation = shapeText('regular', numberNotation);
  const subset = await fontSubset('regular', [notation, shapeText('regular', TIME_ALPHABET)]);
  const { ascent, descent } = metricsOf('regular');
  const widths = shaped.map((line) => textWidth(line, size));
  const width = Math.max(...widths);
  const height = (ascent + descent + LINE_PITCH * (lines.length - 1)) * size;
  const placements = widths.map((lineWidth, i) => ({
    x: width - lineWidth,
    baseline: height - ascent * size - i * LINE_PITCH * size,
  }));
  const appearance = formAppearance(
    {
      width,
      height,
      content: textBlock('F1', subset, size, shaped, placements, [0, 0]),
      fonts: { F1: subset },
    },
    (ctx) => stampRect(readerSize(ctx), { width, height }),
  );
  return { appearance, pageIndex: 0, lines };
}
