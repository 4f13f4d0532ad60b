/**
 * Pages turned by /Rotate. The document renderer and Decree 30 describe positions as a reader
 * sees the page ("top right of the first page"); the widget's /Rect lives in the stored,
 * unrotated page space. A reader-space rectangle is mapped to page space, and the form's
 * /Matrix turns its content against the page's rotation so that it reads upright.
 *
 * Reader space: the page as displayed, origin at its bottom left, y upwards, in points; on an
 * unrotated page it is page space. The page's box is taken to start at (0, 0).
 */
import type { AppearanceContext, Rect } from './appearance-types';

export type Rotation = 0 | 90 | 180 | 270;

export function normaliseRotation(rotate: number): Rotation {
  const turned = ((rotate % 360) + 360) % 360;
  if (turned === 0 || turned === 90 || turned === 180 || turned === 270) return turned;
  throw new RangeError(`/Rotate must be a multiple of 90, got ${rotate}`);
}

/** Width and height of the page as a reader sees it. */
export function readerSize(ctx: Pick<AppearanceContext, 'pageWidth' | 'pageHeight' | 'rotate'>): {
  width: number;
  height: number;
} {
  const quarter = normaliseRotation(ctx.rotate) % 180 === 90;
  return quarter
    ? { width: ctx.pageHeight, height: ctx.pageWidth }
    : { width: ctx.pageWidth, height: ctx.pageHeight };
}

/** A reader-space point in page space (a viewer turns the page clockwise by /Rotate). */
export function readerToPage(
  x: number,
  y: number,
  ctx: Pick<AppearanceContext, 'pageWidth' | 'pageHeight' | 'rotate'>,
): [number, number] {
  const { pageWidth: w, pageHeight: h } = ctx;
  switch (normaliseRotation(ctx.rotate)) {
    case 0:
      return [x, y];
    case 90:
      return [w - y, x];
    case 180:
      return [w - x, h - y];
    case 270:
      return [y, h - x];
  }
}

export interface Placement {
  /** The widget's /Rect, page space. */
  rect: Rect;
  /** The form's /Matrix: its BBox [0 0 w h] onto [0 0 rectWidth rectHeight], upright. */
  matrix: [number, number, number, number, number, number];
}

/**
 * Where a form whose BBox is `[0 0 w h]` and that a reader should see at `readerRect` goes on
 * the page. The matrix leaves the transformed BBox at the origin, so the form lands on the
 * rect both as a widget appearance (where the viewer fits the transformed BBox to /Rect) and
 * when painted with `Do` after a translation to the rect's corner.
 */
export function placeOnPage(
  readerRect: Rect,
  ctx: Pick<AppearanceContext, 'pageWidth' | 'pageHeight' | 'rotate'>,
): Placement {
  const [x1, y1, x2, y2] = readerRect;
  const w = x2 - x1;
  const h = y2 - y1;
  const [ax, ay] = readerToPage(x1, y1, ctx);
  const [bx, by] = readerToPage(x2, y2, ctx);
  const rect: Rect = [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
  const rotation = normaliseRotation(ctx.rotate);
  const matrix: Placement['matrix'] =
    rotation === 0
      ? [1, 0, 0, 1, 0, 0]
      : rotation === 90
        ? [0, 1, -1, 0, h, 0]
        : rotation === 180
          ? [-1, 0, 0, -1, w, h]
          : [0, -1, 1, 0, 0, w];
  return { rect, matrix };
}
