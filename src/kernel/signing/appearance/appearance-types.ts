/**
 * The contract between the visible-signature code (this folder) and the PDF writer
 * (`../pdf/`): the writer adds the signature widget in an incremental update and asks an
 * appearance for the widget's rectangle and for the objects that draw it. Object numbers
 * come from the writer (`allocate`), so one prepared appearance can go into any document.
 */

/** `[x1, y1, x2, y2]` in PDF points, origin at the bottom left, y upwards. */
export type Rect = [number, number, number, number];

export interface AppearanceContext {
  /** Points, of the target page's CropBox (or MediaBox), as stored, before /Rotate. */
  pageWidth: number;
  pageHeight: number;
  /** The page's /Rotate: 0, 90, 180 or 270 (clockwise, as a viewer turns the page). */
  rotate: number;
  /** A fresh object number in the update being written. */
  allocate: () => number;
}

export interface PdfObject {
  num: number;
  /** Everything between `n 0 obj` and `endobj`. */
  body: Buffer;
}

export interface AppearanceObjects {
  /** The widget's /Rect in page space (the stored, unrotated page). */
  rect: Rect;
  objects: PdfObject[];
  /** Object number of the Form XObject to use as /AP << /N … >>. */
  normalAppearance: number;
}

export type SignatureAppearance = (ctx: AppearanceContext) => AppearanceObjects;
