/**
 * The Form XObject a widget shows (/AP /N), and the appearance callback around it. What is
 * drawn (content, fonts, images) is fixed when the appearance is built; per document the
 * callback only numbers the objects, writes the small dictionaries and, from the page's size
 * and rotation, the /Rect and /Matrix.
 */
import type { AppearanceContext, PdfObject, Rect, SignatureAppearance } from './appearance-types';
import { fontObjects, type FontSubset } from './font-subset';
import { placeOnPage } from './page-rotation';
import { encodeContent, pdfNumbers, ref, streamBody, type EncodedStream } from './pdf-syntax';
import { imageObjects, type PreparedImage } from './png-image';

export interface FormDrawing {
  /** The form's BBox is `[0 0 width height]`, in points, as the reader sees it. */
  width: number;
  height: number;
  /** Content stream in form space. */
  content: string;
  fonts?: Readonly<Record<string, FontSubset>>;
  images?: Readonly<Record<string, PreparedImage>>;
}

/** A drawing with its content stream encoded: shared by every appearance that shows it. */
export interface PreparedForm {
  bbox: string;
  content: EncodedStream;
  fonts: [string, FontSubset][];
  images: [string, PreparedImage][];
}

export function prepareForm(drawing: FormDrawing): PreparedForm {
  return {
    bbox: `[0 0 ${pdfNumbers([drawing.width, drawing.height])}]`,
    // The content's bytes do not depend on the document: encode (and compress) them once.
    content: encodeContent(drawing.content),
    fonts: Object.entries(drawing.fonts ?? {}),
    images: Object.entries(drawing.images ?? {}),
  };
}

/**
 * An appearance that paints a drawing at the reader-space rect `where(ctx)` returns; the
 * rect must have the drawing's size.
 */
export function formAppearance(
  drawing: FormDrawing | PreparedForm,
  where: (ctx: AppearanceContext) => Rect,
): SignatureAppearance {
  const { bbox, content, fonts, images } = 'bbox' in drawing ? drawing : prepareForm(drawing);
  return (ctx) => {
    const { rect, matrix } = placeOnPage(where(ctx), ctx);
    const form = ctx.allocate();
    const objects: PdfObject[] = [];
    const fontRefs = fonts.map(([name, subset]) => {
      const { font, objects: own } = fontObjects(subset, ctx.allocate);
      objects.push(...own);
      return `/${name} ${ref(font)}`;
    });
    const imageRefs = images.map(([name, prepared]) => {
      const { image, objects: own } = imageObjects(prepared, ctx.allocate);
      objects.push(...own);
      return `/${name} ${ref(image)}`;
    });
    const resources = [
      fontRefs.length ? `/Font << ${fontRefs.join(' ')} >>` : '',
      imageRefs.length ? `/XObject << ${imageRefs.join(' ')} >>` : '',
    ].join(' ');
    const body = streamBody(
      `/Type /XObject /Subtype /Form /BBox ${bbox} /Matrix [${pdfNumbers(matrix)}] ` +
        `/Resources << ${resources.trim()} >>${content.filter}`,
      content.data,
    );
    return { rect, objects: [{ num: form, body }, ...objects], normalAppearance: form };
  };
}
