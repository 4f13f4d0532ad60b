/**
 * The agency's (cơ quan, tổ chức) signature on the main document, Decree 30/2020 Appendix I:
 * the seal image (red, transparent PNG) at real size, over about the left third of the
 * signer's signature image. It is placed from the signer block's layout.
 */
import type { Rect, SignatureAppearance } from './appearance-types';
import { sealRect } from './decree30-geometry';
import { formAppearance } from './form-xobject';
import { pdfNumbers } from './pdf-syntax';
import { prepareImage } from './png-image';
import type { SignerLayout } from './signer-appearance';

export interface SealAppearanceOptions {
  signerLayout: SignerLayout;
  sealImagePng: Buffer;
  /** The seal's real diameter; round seals are typically 35–42 mm across. */
  diameterMm: number;
}

export async function sealAppearance(
  options: SealAppearanceOptions,
): Promise<{ appearance: SignatureAppearance; layout: { pageIndex: number; rect: Rect } }> {
  if (!(options.diameterMm >= 10 && options.diameterMm <= 100)) {
    throw new RangeError(`implausible seal diameter: ${options.diameterMm} mm`);
  }
  const image = await prepareImage(options.sealImagePng);
  const rect = sealRect(
    options.signerLayout.imageRect,
    options.diameterMm,
    image.width / image.height,
  );
  const width = rect[2] - rect[0];
  const height = rect[3] - rect[1];
  const appearance = formAppearance(
    {
      width,
      height,
      content: `q ${pdfNumbers([width, 0, 0, height, 0, 0])} cm /Im1 Do Q`,
      images: { Im1: image },
    },
    () => rect,
  );
  return { appearance, layout: { pageIndex: options.signerLayout.pageIndex, rect: [...rect] } };
}
