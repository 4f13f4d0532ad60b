import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageUnreadableError, MAX_IMAGE_EDGE, reencodeImage } from './image-reencode';

/** A phone photo: EXIF with the camera, GPS position of Hạ Long Bay, rotated by EXIF. */
async function phonePhoto(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'SecretModel-123' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 54/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '107/1 4/1 1200/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** Whether an EXIF block's first IFD points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const entries = u16(ifd0);
  for (let i = 0; i < entries; i += 1) {
    if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  }
  return false;
}

describe('image re-encoding', () => {
  it('the test photo really carries GPS metadata', async () => {
    const meta = await sharp(await phonePhoto()).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.exif!.includes(Buffer.from('SecretModel-123'))).toBe(true);
    expect(hasGpsIfd(meta.exif!)).toBe(true);
    expect(meta.orientation).toBe(6);
  });

  it('strips EXIF and GPS, turns the photo upright and tags it sRGB', async () => {
    const result = await reencodeImage(await phonePhoto());
    expect(result.mediaType).toBe('image/jpeg');
    const meta = await sharp(result.content).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.iptc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 means "rotate 90°": the stored pixels are now portrait.
    expect([meta.width, meta.height]).toEqual([48, 64]);
    expect(result.content.includes(Buffer.from('SecretModel-123'))).toBe(false);
    expect(result.content.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(meta.icc).toBeDefined();
    expect(meta.space).toBe('srgb');
  });

  it('bounds the longest edge', async () => {
    const big = await sharp({
      create: { width: 4000, height: 1000, channels: 3, background: '#2050a0' },
    })
      .png()
      .toBuffer();
    const result = await reencodeImage(big);
    expect([result.width, result.height]).toEqual([MAX_IMAGE_EDGE, 512]);
  });

  it('keeps transparency as WebP', async () => {
    const transparent = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const result = await reencodeImage(transparent);
    expect(result.mediaType).toBe('image/webp');
    expect((await sharp(result.content).metadata()).hasAlpha).toBe(true);
  });

  it('refuses a damaged image', async () => {
    const photo = await phonePhoto();
    await expect(reencodeImage(photo.subarray(0, 200))).rejects.toBeInstanceOf(
      ImageUnreadableError,
    );
  });
});
