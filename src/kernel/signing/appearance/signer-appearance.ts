/**
 * The signer's (người có thẩm quyền) signature on the main document, Decree 30/2020 Appendix
 * I: at the signer's place in the layout, top to bottom the competence line(s) and the
 * position in bold capitals, the handwritten signature image (blue, transparent PNG) between
 * the position and the name, then the full name in bold, case kept. Size 13–14.
 */
import type { Rect, SignatureAppearance } from './appearance-types';
import { PT_PER_MM, signerBlockGeometry, type Anchor } from './decree30-geometry';
import { fontSubset } from './font-subset';
import { formAppearance, prepareForm, type PreparedForm } from './form-xobject';
import { LruCache } from './lru-cache';
import { pdfNumbers } from './pdf-syntax';
import { imageDigest, prepareImage } from './png-image';
import { metricsOf, oneLine, textBlock, wrap } from './text-block';
import { shapeText, textWidth } from './text-shaping';

/** Appendix I: size 13–14; 13 is what most agencies' templates use. */
export const SIGNER_FONT_SIZE = 13;
/** A handwritten signature fills about three blank lines of a printed document. */
export const SIGNATURE_IMAGE_HEIGHT_MM = 20;

export interface SignerAppearanceOptions {
  /** Page of the signer's block; negative counts from the end (-1, the default, is the last). */
  pageIndex?: number;
  /** Reader space (page-rotation.ts): the block's top left corner and width, in points. */
  anchor: Anchor;
  /** `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `TL.`, `TUQ.`; several lines as an array or with `\n`. */
  competence?: string | readonly string[];
  /** `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
  position: string;
  /** `Nguyễn Văn Hùng`. */
  fullName: string;
  signatureImagePng: Buffer;
  imageHeightMm?: number;
  /** 13 or 14 (Appendix I). */
  fontSize?: number;
}

/** Where the signer's block went, in reader space; the seal is placed from it. */
export interface SignerLayout {
  pageIndex: number;
  rect: Rect;
  imageRect: Rect;
}

/** A block laid out with its anchor's top left corner at the origin. */
interface SignerBlock {
  form: PreparedForm;
  rect: Rect;
  imageRect: Rect;
}

// A signer signs many documents with the same block; only where the body text ends, and so
// the block's position, changes. The block is prepared once at the origin (subset, image,
// content stream) and moved: its content is relative to its own corner, so it does not change.
const blocks = new LruCache<string, Promise<SignerBlock>>(64);

export async function signerAppearance(
  options: SignerAppearanceOptions,
): Promise<{ appearance: SignatureAppearance; layout: SignerLayout }> {
  const size = options.fontSize ?? SIGNER_FONT_SIZE;
  if (!(size > 0)) throw new RangeError('font size must be positive');
  const { x, y, width } = options.anchor;
  if (![x, y, width].every(Number.isFinite) || !(width > 0)) {
    throw new RangeError('the signer block needs a finite position and a positive width');
  }
  const imageHeightMm = options.imageHeightMm ?? SIGNATURE_IMAGE_HEIGHT_MM;
  if (!(imageHeightMm > 0)) throw new RangeError('signature image height must be positive');
  // Appendix I sets competence and position in capitals; the name keeps its case.
  const position = oneLine(options.position).toLocaleUpperCase('vi');
  if (!position) throw new Error('the signer position is required');
  const competence = competenceLines(options.competence)
    .map((line) => oneLine(line).toLocaleUpperCase('vi'))
    .filter(Boolean);
  const fullName = oneLine(options.fullName);
  if (!fullName) throw new Error('the signer name is required');

  const png = options.signatureImagePng;
  const key = JSON.stringify([width, size, imageHeightMm, competence, position, fullName]).concat(
    imageDigest(png),
  );
  let block = blocks.get(key);
  if (!block) {
    block = buildBlock(width, size, imageHeightMm, [...competence, position], fullName, png);
    blocks.set(key, block);
    block.catch(() => blocks.delete(key));
  }
  const prepared = await block;
  const rect = moved(prepared.rect, x, y);
  return {
    appearance: formAppearance(prepared.form, () => rect),
    layout: {
      pageIndex: options.pageIndex ?? -1,
      rect: [...rect],
      imageRect: moved(prepared.imageRect, x, y),
    },
  };
}

function moved(rect: Rect, dx: number, dy: number): Rect {
  return [rect[0] + dx, rect[1] + dy, rect[2] + dx, rect[3] + dy];
}

async function buildBlock(
  width: number,
  size: number,
  imageHeightMm: number,
  headingTexts: readonly string[],
  fullName: string,
  png: Buffer,
): Promise<SignerBlock> {
  const anchor: Anchor = { x: 0, y: 0, width };
  const headings = headingTexts.flatMap((text) => wrap('bold', text, size, width));
  const name = shapeText('bold', fullName);
  const [image, subset] = await Promise.all([
    prepareImage(png),
    fontSubset('bold', [...headings, name]),
  ]);
  const geometry = signerBlockGeometry({
    anchor,
    fontSize: size,
    metrics: metricsOf('bold'),
    headingWidths: headings.map((line) => textWidth(line, size)),
    nameWidth: textWidth(name, size),
    imagePixels: image,
    imageHeight: imageHeightMm * PT_PER_MM,
  });
  const { rect, imageRect } = geometry;
  const [ox, oy] = rect;
  const [ix1, iy1, ix2, iy2] = imageRect;
  const content = [
    `q ${pdfNumbers([ix2 - ix1, 0, 0, iy2 - iy1, ix1 - ox, iy1 - oy])} cm /Im1 Do Q`,
    textBlock(
      'F1',
      subset,
      size,
      [...headings, name],
      [...geometry.headings, geometry.name],
      [ox, oy],
    ),
  ].join('\n');
  const form = prepareForm({
    width: rect[2] - rect[0],
    height: rect[3] - rect[1],
    content,
    fonts: { F1: subset },
    images: { Im1: image },
  });
  return { form, rect, imageRect };
}

function competenceLines(competence: string | readonly string[] | undefined): string[] {
  if (competence === undefined) return [];
  return typeof competence === 'string' ? competence.split('\n') : [...competence];
}
