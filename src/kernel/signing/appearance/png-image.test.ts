import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageObjects, prepareImage } from './png-image';

/** A 3 × 2 PNG: opaque blue, half-transparent red, transparent; then three greys. */
async function tinyPng(alpha = true): Promise<Buffer> {
  const pixels = Buffer.from(
    [
      [0, 0, 255, 255],
      [255, 0, 0, 128],
      [0, 0, 0, 0],
      [10, 10, 10, 255],
      [20, 20, 20, 255],
      [30, 30, 30, 255],
    ].flat(),
  );
  const image = sharp(pixels, { raw: { width: 3, height: 2, channels: 4 } });
  return (alpha ? image : image.removeAlpha()).png().toBuffer();
}

const counter = (start: number) => {
  let next = start;
  return () => next++;
};

describe('prepareImage', () => {
  it('splits RGBA into Flate-compressed RGB samples and an alpha mask', async () => {
    const image = await prepareImage(await tinyPng());
    expect([image.width, image.height]).toEqual([3, 2]);
    expect([...inflateSync(image.rgb)]).toEqual([
      0, 0, 255, 255, 0, 0, 0, 0, 0, 10, 10, 10, 20, 20, 20, 30, 30, 30,
    ]);
    expect([...inflateSync(image.alpha!)]).toEqual([255, 128, 0, 255, 255, 255]);
  });

  it('leaves out the mask of an opaque image', async () => {
    const image = await prepareImage(await tinyPng(false));
    expect(image.alpha).toBeNull();
    const { objects } = imageObjects(image, counter(7));
    expect(objects).toHaveLength(1);
    expect(objects[0]!.body.toString('latin1')).not.toContain('/SMask');
  });

  it('decodes a PNG once, whatever Buffer it arrives in', async () => {
    const png = await tinyPng();
    const first = prepareImage(png);
    expect(prepareImage(Buffer.from(png))).toBe(first);
    expect(prepareImage(await tinyPng(false))).not.toBe(first);
  });

  it('writes the image with its soft mask under fresh numbers, /Length exact', async () => {
    const image = await prepareImage(await tinyPng());
    const { image: num, objects } = imageObjects(image, counter(20));
    expect(num).toBe(20);
    const [main, mask] = objects.map((o) => o.body.toString('latin1'));
    expect(main).toMatch(/^<< \/Type \/XObject \/Subtype \/Image \/Width 3 \/Height 2 /);
    expect(main).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8');
    expect(main).toContain('/SMask 21 0 R');
    expect(mask).toContain('/ColorSpace /DeviceGray');
    expect(objects[1]!.num).toBe(21);
    const length = Number(/\/Length (\d+)/.exec(main!)?.[1]);
    expect(length).toBe(image.rgb.length);
    expect(main!.endsWith(`stream\n${image.rgb.toString('latin1')}\nendstream`)).toBe(true);
  });

  it('rejects what is not an image', async () => {
    await expect(prepareImage(Buffer.from('not a png'))).rejects.toThrow();
  });
});
