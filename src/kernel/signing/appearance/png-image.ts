/**
 * A PNG (a handwritten signature in blue, a seal in red, both on a transparent background) as
 * a PDF image XObject: the colour samples as /DeviceRGB and the alpha channel as a /SMask, so
 * the page shows through wherever the PNG is transparent.
 *
 * Decoding and compressing happen once per distinct PNG (keyed by its SHA-256: the same
 * signature image is fetched anew from storage for every document); per document only the
 * two small dictionaries are written.
 */
import { hash } from 'node:crypto';
import sharp from 'sharp';
import type { PdfObject } from './appearance-types';
import { LruCache } from './lru-cache';
import { flate, ref, streamBody } from './pdf-syntax';

export interface PreparedImage {
  /** SHA-256 of the PNG, hex. */
  digest: string;
  width: number;
  height: number;
  /** Flate-compressed RGB samples, 8 bits each. */
  rgb: Buffer;
  /** Flate-compressed alpha samples, or null when the PNG is fully opaque. */
  alpha: Buffer | null;
}

/** Signature and seal images are a few hundred pixels wide; this guards against a bomb. */
const MAX_INPUT_PIXELS = 25_000_000;

const prepared = new LruCache<string, Promise<PreparedImage>>(32);

// A caller that keeps the PNG in memory passes the same Buffer again; skip hashing it.
const digests = new WeakMap<Buffer, string>();

/** SHA-256 of a PNG, hex: what identifies an image in the caches. */
export function imageDigest(png: Buffer): string {
  let digest = digests.get(png);
  if (!digest) {
    digest = hash('sha256', png, 'hex');
    digests.set(png, digest);
  }
  return digest;
}

export function prepareImage(png: Buffer): Promise<PreparedImage> {
  const digest = imageDigest(png);
  let image = prepared.get(digest);
  if (!image) {
    image = decode(png, digest);
    prepared.set(digest, image);
    image.catch(() => prepared.delete(digest));
  }
  return image;
}

/**
 * The image object (and its soft mask); the image's number goes into /Resources /XObject.
 * No /Interpolate: PDF/A, which archives require, forbids it, and these images are drawn
 * smaller than their pixel size, where it would not help.
 */
export function imageObjects(
  image: PreparedImage,
  allocate: () => number,
): { image: number; objects: PdfObject[] } {
  const num = allocate();
  const size = `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height}`;
  if (!image.alpha) {
    const body = streamBody(
      `${size} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
      image.rgb,
    );
    return { image: num, objects: [{ num, body }] };
  }
  const mask = allocate();
  return {
    image: num,
    objects: [
      {
        num,
        body: streamBody(
          `${size} /ColorSpace /DeviceRGB /BitsPerComponent 8 ` +
            `/SMask ${ref(mask)} /Filter /FlateDecode`,
          image.rgb,
        ),
      },
      {
        num: mask,
        body: streamBody(
          `${size} /ColorSpace /DeviceGray /BitsPerComponent 8 ` + '/Filter /FlateDecode',
          image.alpha,
        ),
      },
    ],
  };
}

async function decode(png: Buffer, digest: string): Promise<PreparedImage> {
  const { data, info } = await sharp(png, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`expected RGBA samples, got ${info.channels} channels`);
  const pixels = info.width * info.height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let p = 0; p < pixels; p++) {
    rgb[p * 3] = data[p * 4] ?? 0;
    rgb[p * 3 + 1] = data[p * 4 + 1] ?? 0;
    rgb[p * 3 + 2] = data[p * 4 + 2] ?? 0;
    const a = data[p * 4 + 3] ?? 255;
    alpha[p] = a;
    if (a !== 255) opaque = false;
  }
  return {
    digest,
    width: info.width,
    height: info.height,
    rgb: flate(rgb),
    alpha: opaque ? null : flate(alpha),
  };
}
