/**
 * Every uploaded image is decoded and encoded anew before it is stored; the raw upload is
 * never kept. Re-encoding turns the photo upright (EXIF orientation), bounds its size, drops
 * every piece of metadata a phone writes (EXIF with GPS position and device serials, XMP,
 * IPTC, foreign ICC profiles), converts colours to sRGB and tags the result as sRGB, and
 * leaves no room for polyglot files that smuggle a payload past the type check.
 */
import sharp from 'sharp';

/** Longest edge of a stored image; enough for a full-screen view on any phone or laptop. */
export const MAX_IMAGE_EDGE = 2048;
/** Decompression-bomb guard: refuse images whose pixel count exceeds this before decoding. */
const MAX_INPUT_PIXELS = 100_000_000;

export interface ReencodedImage {
  content: Buffer;
  mediaType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
}

export class ImageUnreadableError extends Error {
  constructor(cause: unknown) {
    super('image cannot be decoded', { cause });
    this.name = 'ImageUnreadableError';
  }
}

/** Photos become JPEG; images with transparency become WebP, which keeps the alpha channel. */
export async function reencodeImage(input: Buffer): Promise<ReencodedImage> {
  try {
    const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const { hasAlpha } = await source.metadata();
    const pipeline = source
      .autoOrient()
      .resize({
        width: MAX_IMAGE_EDGE,
        height: MAX_IMAGE_EDGE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .withIccProfile('srgb');
    const encoded = hasAlpha
      ? await pipeline.webp({ quality: 85 }).toBuffer({ resolveWithObject: true })
      : await pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return {
      content: encoded.data,
      mediaType: hasAlpha ? 'image/webp' : 'image/jpeg',
      width: encoded.info.width,
      height: encoded.info.height,
    };
  } catch (error) {
    throw new ImageUnreadableError(error);
  }
}
