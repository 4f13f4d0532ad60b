/**
 * Where the next block of a slip goes: the pages so far and the free space on the last one.
 * A block (a line of text, a table row, the signers) is placed whole; one that does not fit in
 * what is left of the page starts a new page, so long lists flow on to a second page. Spacing
 * asked for between blocks is dropped at a page break, so no page starts with an empty band.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { SlipFonts } from './slip-fonts';
import { CONTENT_BOTTOM, CONTENT_HEIGHT, CONTENT_TOP, PAGE } from './slip-geometry';

export interface Placement {
  page: PDFPage;
  pageIndex: number;
  /** The top of the band given to the block. */
  top: number;
}

// Positions are sums of floating-point heights; a block that fits exactly must fit.
const TOLERANCE = 1e-6;

export class PageFlow {
  readonly pages: PDFPage[] = [];
  private top = CONTENT_TOP;
  private pendingSpace = 0;

  constructor(
    readonly document: PDFDocument,
    readonly fonts: SlipFonts,
  ) {
    this.addPage();
  }

  get page(): PDFPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('the flow has no page');
    return page;
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  /** Room left on the current page below the pending space. */
  get remaining(): number {
    return this.top - this.pendingSpace - CONTENT_BOTTOM;
  }

  /** Asks for `points` of space before the next block; of two requests the larger wins. */
  space(points: number): void {
    this.pendingSpace = Math.max(this.pendingSpace, points);
  }

  /** Whether a block of `height` fits on the current page. */
  fits(height: number): boolean {
    return height <= this.remaining + TOLERANCE;
  }

  /** A band of `height` points below what is already placed, on a new page if need be. */
  take(height: number): Placement {
    if (height > CONTENT_HEIGHT + TOLERANCE) {
      throw new RangeError(`a block ${height.toFixed(1)} pt high does not fit on a page`);
    }
    if (!this.fits(height)) this.newPage();
    else this.top -= this.pendingSpace;
    this.pendingSpace = 0;
    const top = this.top;
    this.top -= height;
    return { page: this.page, pageIndex: this.pageIndex, top };
  }

  /** Marks everything above `y` on the current page as used (blocks laid out side by side). */
  moveBelow(y: number): void {
    this.top = Math.min(this.top, y);
  }

  newPage(): void {
    this.addPage();
    this.pendingSpace = 0;
  }

  private addPage(): void {
    this.pages.push(this.document.addPage([PAGE.width, PAGE.height]));
    this.top = CONTENT_TOP;
  }
}
