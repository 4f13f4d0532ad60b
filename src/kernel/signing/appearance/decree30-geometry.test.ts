import { describe, expect, it } from 'vitest';
import type { Rect } from './appearance-types';
import {
  PT_PER_MM,
  sealRect,
  signerBlockGeometry,
  stampRect,
  STAMP_RIGHT_MARGIN,
  STAMP_TOP_MARGIN,
} from './decree30-geometry';
import { readerSize } from './page-rotation';

const metrics = { ascent: 1.069, descent: 0.293 };
const block = {
  anchor: { x: 320, y: 300, width: 220 },
  fontSize: 13,
  metrics,
  headingWidths: [150, 90, 100],
  nameWidth: 120,
  imagePixels: { width: 540, height: 200 },
  imageHeight: 20 * PT_PER_MM,
};

const inside = (inner: Rect, outer: Rect) =>
  inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

describe('signerBlockGeometry', () => {
  it('stacks the headings, then the image, then the name, from the anchor downwards', () => {
    const g = signerBlockGeometry(block);
    expect(g.rect[3]).toBe(300);
    const baselines = g.headings.map((line) => line.baseline);
    expect(baselines).toEqual([...baselines].sort((a, b) => b - a));
    expect(baselines[0]).toBeCloseTo(300 - 1.069 * 13);
    // The image lies below the last heading's descent and above the name's ascent.
    expect(g.imageRect[3]).toBeLessThan(baselines[2]! - 0.293 * 13);
    expect(g.name.baseline + 1.069 * 13).toBeLessThan(g.imageRect[1]);
    expect(g.rect[1]).toBeCloseTo(g.name.baseline - 0.293 * 13);
    expect(inside(g.imageRect, g.rect)).toBe(true);
  });

  it('centres every line and the image on the anchor width', () => {
    const g = signerBlockGeometry(block);
    const centre = 320 + 110;
    g.headings.forEach((line, i) =>
      expect(line.x + block.headingWidths[i]! / 2).toBeCloseTo(centre),
    );
    expect(g.name.x + 60).toBeCloseTo(centre);
    expect((g.imageRect[0] + g.imageRect[2]) / 2).toBeCloseTo(centre);
  });

  it('keeps the image ratio at the asked height, shrinking it to the width when needed', () => {
    const g = signerBlockGeometry(block);
    const h = g.imageRect[3] - g.imageRect[1];
    expect(h).toBeCloseTo(20 * PT_PER_MM);
    expect((g.imageRect[2] - g.imageRect[0]) / h).toBeCloseTo(540 / 200);

    const wide = signerBlockGeometry({ ...block, imagePixels: { width: 1000, height: 100 } });
    expect(wide.imageRect[2] - wide.imageRect[0]).toBeCloseTo(220);
    expect(wide.imageRect[3] - wide.imageRect[1]).toBeCloseTo(22);
  });

  it('grows the rect around a line wider than the anchor', () => {
    const g = signerBlockGeometry({ ...block, headingWidths: [260] });
    expect(g.rect[0]).toBeCloseTo(320 - 20);
    expect(g.rect[2]).toBeCloseTo(540 + 20);
  });
});

describe('sealRect', () => {
  const image: Rect = [350, 190, 500, 247];

  it('is the real diameter, over the left third of the signature image', () => {
    const seal = sealRect(image, 40);
    expect(seal[2] - seal[0]).toBeCloseTo(40 * PT_PER_MM);
    expect(seal[3] - seal[1]).toBeCloseTo(40 * PT_PER_MM);
    // Its right edge is at a third of the image, so it covers the left third and no more.
    expect(seal[2]).toBeCloseTo(350 + 150 / 3);
    expect(seal[0]).toBeLessThan(350);
    expect((seal[1] + seal[3]) / 2).toBeCloseTo((190 + 247) / 2);
  });

  it('keeps the ratio of a seal image that is not square', () => {
    const seal = sealRect(image, 35, 35 / 24);
    expect(seal[2] - seal[0]).toBeCloseTo(35 * PT_PER_MM);
    expect(seal[3] - seal[1]).toBeCloseTo(24 * PT_PER_MM);
  });

  it('refuses a seal without size', () => {
    expect(() => sealRect(image, 0)).toThrow(RangeError);
  });
});

describe('stampRect', () => {
  const stamp = { width: 130, height: 25.6 };

  it.each([
    ['A4 portrait', { pageWidth: 595.28, pageHeight: 841.89, rotate: 0 }],
    ['A4 landscape', { pageWidth: 841.89, pageHeight: 595.28, rotate: 0 }],
    ['A4 portrait under /Rotate 90', { pageWidth: 595.28, pageHeight: 841.89, rotate: 90 }],
  ])('is at the top right of %s, inside the page, within the margins', (_, page) => {
    const reader = readerSize(page);
    const rect = stampRect(reader, stamp);
    expect(inside(rect, [0, 0, reader.width, reader.height])).toBe(true);
    expect(rect[2]).toBeCloseTo(reader.width - STAMP_RIGHT_MARGIN);
    expect(rect[3]).toBeCloseTo(reader.height - STAMP_TOP_MARGIN);
    expect(rect[2] - rect[0]).toBeCloseTo(130);
    expect(rect[0]).toBeGreaterThan(reader.width / 2);
    // Below the stamp the attachment's text may start: Decree 30's top margin is 20 mm.
    expect(reader.height - rect[1]).toBeLessThan(20 * PT_PER_MM);
  });

  it('lands in landscape coordinates when the page is turned', () => {
    const rect = stampRect(
      readerSize({ pageWidth: 595.28, pageHeight: 841.89, rotate: 90 }),
      stamp,
    );
    expect(rect[2]).toBeCloseTo(841.89 - STAMP_RIGHT_MARGIN);
    expect(rect[3]).toBeCloseTo(595.28 - STAMP_TOP_MARGIN);
  });

  it('stays on a page too small for the margins', () => {
    const rect = stampRect({ width: 150, height: 30 }, stamp);
    expect(rect[0]).toBeCloseTo(0);
    expect(rect[1]).toBeCloseTo(0);
    expect(rect[2]).toBeLessThanOrEqual(150);
    expect(rect[3]).toBeLessThanOrEqual(30);
  });
});
