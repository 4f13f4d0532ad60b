import { describe, expect, it } from 'vitest';
import type { Rect } from './appearance-types';
import { normaliseRotation, placeOnPage, readerSize, readerToPage } from './page-rotation';

const page = { pageWidth: 600, pageHeight: 800 };

/** The form's BBox [0 0 w h] through the matrix: its four corners' box. */
function transformedBox(m: number[], w: number, h: number): Rect {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
  const corners = [
    [0, 0],
    [w, 0],
    [0, h],
    [w, h],
  ].map(([x = 0, y = 0]) => [a * x + c * y + e, b * x + d * y + f] as const);
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('page rotation', () => {
  it('accepts multiples of 90 only, in any turn', () => {
    expect(normaliseRotation(-90)).toBe(270);
    expect(normaliseRotation(450)).toBe(90);
    expect(() => normaliseRotation(45)).toThrow(RangeError);
  });

  it('swaps the sides of a quarter-turned page', () => {
    expect(readerSize({ ...page, rotate: 90 })).toEqual({ width: 800, height: 600 });
    expect(readerSize({ ...page, rotate: 180 })).toEqual({ width: 600, height: 800 });
  });

  it.each([
    // A viewer turns the page clockwise: the reader's top left corner is, in page space, …
    [0, [0, 800]],
    [90, [0, 0]],
    [180, [600, 0]],
    [270, [600, 800]],
  ])('maps the reader top left corner under /Rotate %i', (rotate, corner) => {
    const reader = readerSize({ ...page, rotate });
    expect(readerToPage(0, reader.height, { ...page, rotate })).toEqual(corner);
  });

  it.each([0, 90, 180, 270])(
    'under /Rotate %i places the form on its rect, reading left to right',
    (rotate) => {
      const ctx = { ...page, rotate };
      const reader: Rect = [100, 200, 250, 260];
      const { rect, matrix } = placeOnPage(reader, ctx);
      // The transformed BBox sits at the origin with the rect's size: no scaling by viewers.
      const box = transformedBox(matrix, 150, 60);
      expect(box.map((v) => Math.round(v * 1000) / 1000)).toEqual([
        0,
        0,
        rect[2] - rect[0],
        rect[3] - rect[1],
      ]);
      // The form's x axis, turned by the matrix and then by the viewer, points right.
      const [a = 0, b = 0] = matrix;
      const turned = readerToPage(1, 0, ctx);
      const origin = readerToPage(0, 0, ctx);
      expect([turned[0] - origin[0], turned[1] - origin[1]]).toEqual([a, b]);
      // And the rect, seen by the reader, is where it was asked for.
      const back = [readerToPage(100, 200, ctx), readerToPage(250, 260, ctx)];
      const xs = back.map(([x]) => x);
      const ys = back.map(([, y]) => y);
      expect(rect).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
    },
  );
});
