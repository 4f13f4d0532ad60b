/**
 * A signature's appearance that is only an image in a box the document left for it: the
 * signer's handwritten signature on a result whose renderer already printed the position
 * above the box and the name below it. The image keeps its proportions and is centred.
 */
import type { Rect, SignatureAppearance } from './appearance-types';
import { formAppearance } from './form-xobject';
import { pdfNumbers } from './pdf-syntax';
import { prepareImage } from './png-image';

export interface ImageAppearanceOptions {
  /** The box, in points: [left, bottom, right, top] on the page as drawn. */
  rect: Rect;
  imagePng: Buffer;
}

export async function imageAppearance(
  options: ImageAppearanceOptions,
): Promise<{ appearance: SignatureAppearance; rect: Rect }> {
  const image = await prepareImage(options.imagePng);
  const [left, bottom, right, top] = options.rect;
  const boxWidth = right - left;
  const boxHeight = top - bottom;
  if (!(boxWidth > 0 && boxHeight > 0)) throw new RangeError('an empty signature box');
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const x = left + (boxWidth - width) / 2;
  const y = bottom + (boxHeight - height) / 2;
  const rect: Rect = [x, y, x + width, y + height];
  const appearance = formAppearance(
    {
      width,
      height,
      content: `q ${pdfNumbers([width, 0, 0, height, 0, 0])} cm /Im1 Do Q`,
      images: { Im1: image },
    },
    () => rect,
  );
  return { appearance, rect };
}
