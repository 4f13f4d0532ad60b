/**
 * Where the parts of a Decree 30/2020 signature go (Appendix I), as pure geometry in reader
 * space (see page-rotation.ts), in points. Text is measured by the caller.
 */
import type { Rect } from './appearance-types';

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** The signer's block: top left corner and width, as the document renderer laid it out. */
export interface Anchor {
  x: number;
  /** The block's top edge, measured from the bottom of the page as read. */
  y: number;
  width: number;
}

export interface FontMetrics {
  /** Ascent and descent below the baseline, both positive, per point of font size. */
  ascent: number;
  descent: number;
}

export interface SignerBlockInput {
  anchor: Anchor;
  fontSize: number;
  metrics: FontMetrics;
  /** Widths in points of the lines above the image (competence, then position). */
  headingWidths: readonly number[];
  nameWidth: number;
  /** Image size in pixels (only the ratio matters) and the height wanted, in points. */
  imagePixels: { width: number; height: number };
  imageHeight: number;
}

export interface LinePlacement {
  x: number;
  baseline: number;
}

export interface SignerBlockGeometry {
  /** Everything drawn: the lines and the image. */
  rect: Rect;
  imageRect: Rect;
  headings: LinePlacement[];
  name: LinePlacement;
}

/** Line pitch as a multiple of the font size: Word's single spacing for a serif face. */
export const LINE_PITCH = 1.2;

/**
 * Top to bottom: the heading lines (competence, position), the signature image centred
 * between the position and the name, the name. Lines are centred on the anchor's width; the
 * image keeps its aspect ratio and is shrunk to the width if it is wider.
 */
export function signerBlockGeometry(input: SignerBlockInput): SignerBlockGeometry {
  const { anchor, fontSize, metrics } = input;
  const ascent = metrics.ascent * fontSize;
  const descent = metrics.descent * fontSize;
  const pitch = LINE_PITCH * fontSize;
  const gap = (LINE_PITCH - 1) * fontSize;
  const centred = (width: number) => anchor.x + (anchor.width - width) / 2;

  const headings = input.headingWidths.map((width, i) => ({
    x: centred(width),
    baseline: anchor.y - ascent - i * pitch,
  }));
  const last = headings.at(-1);

  const aspect = input.imagePixels.width / input.imagePixels.height;
  if (!(aspect > 0 && Number.isFinite(aspect))) throw new RangeError('image has no area');
  let imageHeight = input.imageHeight;
  let imageWidth = imageHeight * aspect;
  if (imageWidth > anchor.width) {
    imageWidth = anchor.width;
    imageHeight = imageWidth / aspect;
  }
  const imageTop = last ? last.baseline - descent - gap : anchor.y;
  const imageLeft = centred(imageWidth);
  const imageRect: Rect = [imageLeft, imageTop - imageHeight, imageLeft + imageWidth, imageTop];

  const name = { x: centred(input.nameWidth), baseline: imageRect[1] - gap - ascent };
  const bottom = name.baseline - descent;

  // A line wider than the anchor (a long unbreakable word) spills out on both sides; the
  // rect grows to hold it rather than clipping it.
  const lefts = [anchor.x, imageLeft, name.x, ...headings.map((line) => line.x)];
  const rights = [
    anchor.x + anchor.width,
    imageRect[2],
    name.x + input.nameWidth,
    ...headings.map((line, i) => line.x + (input.headingWidths[i] ?? 0)),
  ];
  return {
    rect: [Math.min(...lefts), bottom, Math.max(...rights), anchor.y],
    imageRect,
    headings,
    name,
  };
}

/**
 * The agency's seal at real size, over about the left third of the signer's signature image
 * (Appendix I): its right edge at a third of the image's width, centred on the image
 * vertically. A seal image that is not square keeps its ratio, `diameter` being its width.
 */
export function sealRect(imageRect: Rect, diameterMm: number, sealAspect = 1): Rect {
  if (!(diameterMm > 0)) throw new RangeError('seal diameter must be positive');
  const width = diameterMm * PT_PER_MM;
  const height = width / sealAspect;
  const right = imageRect[0] + (imageRect[2] - imageRect[0]) / 3;
  const middle = (imageRect[1] + imageRect[3]) / 2;
  return [right - width, middle - height / 2, right, middle + height / 2];
}

/**
 * Decree 30's margins are 20–25 mm at the top and 15–20 mm on the right. The attachment stamp
 * aligns with the narrowest right margin and sits inside the top margin, above the
 * attachment's own first line, so it never covers the attachment's text.
 */
export const STAMP_RIGHT_MARGIN = 15 * PT_PER_MM;
export const STAMP_TOP_MARGIN = 8 * PT_PER_MM;

/** The attachment stamp's rect, top right of a page that a reader sees as `page`. */
export function stampRect(
  page: { width: number; height: number },
  stamp: { width: number; height: number },
): Rect {
  // On a page too small for the margins, keep the stamp on the page rather than the margin.
  const right = Math.min(page.width, Math.max(page.width - STAMP_RIGHT_MARGIN, stamp.width));
  const top = Math.min(page.height, Math.max(page.height - STAMP_TOP_MARGIN, stamp.height));
  return [right - stamp.width, top - stamp.height, right, top];
}
