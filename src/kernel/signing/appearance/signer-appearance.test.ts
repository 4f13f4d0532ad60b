import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppearanceObjects } from './appearance-types';
import { demoSignaturePng } from './demo-images';
import { signerAppearance } from './signer-appearance';

let png: Buffer;
beforeAll(async () => {
  png = await demoSignaturePng('Nguyễn Văn Hùng');
});

const options = () => ({
  anchor: { x: 320, y: 300, width: 220 },
  competence: 'KT. CHỦ TỊCH',
  position: 'PHÓ CHỦ TỊCH',
  fullName: 'Nguyễn Văn Hùng',
  signatureImagePng: png,
});

function call(appearance: (ctx: never) => AppearanceObjects, from: number, rotate = 0) {
  let next = from;
  return (appearance as (ctx: object) => AppearanceObjects)({
    pageWidth: 595.28,
    pageHeight: 841.89,
    rotate,
    allocate: () => next++,
  });
}

function formContent(result: AppearanceObjects): string {
  const form = result.objects.find((o) => o.num === result.normalAppearance)!.body;
  const text = form.toString('latin1');
  const start = text.indexOf('stream\n') + 7;
  const data = form.subarray(start, text.lastIndexOf('\nendstream'));
  return (text.includes('/FlateDecode') ? inflateSync(data) : data).toString('latin1');
}

describe('signerAppearance', () => {
  it('numbers every object from allocate and points /AP /N at the form', async () => {
    const { appearance } = await signerAppearance(options());
    const result = call(appearance, 100);
    const nums = result.objects.map((o) => o.num);
    // Form, five font objects, image and its soft mask.
    expect(nums).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
    expect(result.normalAppearance).toBe(100);
    const form = result.objects[0]!.body.toString('latin1');
    expect(form).toMatch(/^<< \/Type \/XObject \/Subtype \/Form \/BBox \[0 0 [\d.]+ [\d.]+\] /);
    expect(form).toContain('/Resources << /Font << /F1 101 0 R >> /XObject << /Im1 106 0 R >> >>');
    for (const { body } of result.objects) {
      const text = body.toString('latin1');
      if (!text.includes('stream\n')) continue;
      const length = Number(/\/Length (\d+)/.exec(text)?.[1]);
      const start = text.indexOf('stream\n') + 7;
      expect(body.length - start - '\nendstream'.length).toBe(length);
    }
  });

  it('draws the image with its own cm and the text with font operators', async () => {
    const { appearance, layout } = await signerAppearance(options());
    const content = formContent(call(appearance, 1));
    const [x1, y1, x2, y2] = layout.imageRect;
    const [ox, oy] = layout.rect;
    const cm = /q ([\d. ]+) cm \/Im1 Do Q/.exec(content)?.[1]?.split(' ').map(Number);
    expect(cm?.[0]).toBeCloseTo(x2 - x1, 2);
    expect(cm?.[3]).toBeCloseTo(y2 - y1, 2);
    expect(cm?.[4]).toBeCloseTo(x1 - ox, 2);
    expect(cm?.[5]).toBeCloseTo(y1 - oy, 2);
    expect(content).toMatch(/BT\n\/F1 13 Tf\n0 g\n/);
    expect(content.match(/\] TJ/g)).toHaveLength(3);
  });

  it('reuses the prepared block for the next document: only numbers change', async () => {
    const first = call((await signerAppearance(options())).appearance, 10);
    const again = await signerAppearance({ ...options(), signatureImagePng: Buffer.from(png) });
    const second = call(again.appearance, 500);
    expect(second.rect).toEqual(first.rect);
    const streams = (r: AppearanceObjects) =>
      r.objects.map((o) => o.body.subarray(o.body.indexOf('stream\n')));
    expect(streams(second)).toEqual(streams(first));
    expect(second.objects[0]!.body.toString('latin1')).toContain('/F1 501 0 R');
  });

  it('turns the form against /Rotate 90 and maps the rect into page space', async () => {
    const { appearance, layout } = await signerAppearance(options());
    const result = call(appearance, 1, 90);
    const form = result.objects[0]!.body.toString('latin1');
    const w = layout.rect[2] - layout.rect[0];
    const h = layout.rect[3] - layout.rect[1];
    expect(form).toMatch(/\/Matrix \[0 1 -1 0 [\d.]+ 0\]/);
    expect(result.rect[2] - result.rect[0]).toBeCloseTo(h, 2);
    expect(result.rect[3] - result.rect[1]).toBeCloseTo(w, 2);
    // Reader x becomes page y on a page a viewer turns clockwise.
    expect(result.rect[1]).toBeCloseTo(layout.rect[0], 2);
  });

  it('wraps a competence line wider than the block', async () => {
    const { appearance, layout } = await signerAppearance({
      ...options(),
      anchor: { x: 320, y: 300, width: 160 },
      competence: 'TM. BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH',
    });
    const content = formContent(call(appearance, 1));
    expect(content.match(/\] TJ/g)!.length).toBeGreaterThanOrEqual(4);
    expect(layout.rect[2] - layout.rect[0]).toBeCloseTo(160, 0);
  });

  it('refuses a block without position or name', async () => {
    await expect(signerAppearance({ ...options(), position: '  ' })).rejects.toThrow(/position/);
    await expect(signerAppearance({ ...options(), fullName: '' })).rejects.toThrow(/name/);
    await expect(
      signerAppearance({ ...options(), anchor: { x: 0, y: 0, width: 0 } }),
    ).rejects.toThrow(RangeError);
  });
});
