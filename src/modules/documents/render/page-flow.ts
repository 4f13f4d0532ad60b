/**
 * Where the next block goes: the pages so far and the free space on the last one. Blocks
 * (a line, the footer) are placed whole; one that does not fit in what is left of the page
 * starts a new page. Spacing asked for between blocks is dropped at a page break, so a page
 * never starts with an empty band.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { CONTENT_BOTTOM, CONTENT_TOP, PAGE } from './page-geometry';

export interface Placement {
  page: PDFPage;
  pageIndex: number;
  /** The top of the band given to the block. */
  top: number;
}

// Positions are sums of floating-point heights; a block that fits exactly must fit.
const TOLERANCE = 1e-6;

export const CONTENT_HEIGHT = CONTENT_TOP - CONTENT_BOTTOM;

export class PageFlow {
  readonly pages: PDFPage[] = [];
  private top = CONTENT_TOP;
  private pendingSpace = 0;

  constructor(private readonly document: PDFDocument) {
    this.addPage();
  }

  get page(): PDFPage {
    const page = this.pages.at(-1);
    if (!page) throw new Error('the flow has no page');
    return page;
  }

  /** Asks for `points` of space before the next block; of two requests the larger wins. */
  space(points: number): void {
    this.pendingSpace = Math.max(this.pendingSpace, points);
  }

  /** A band of `height` points below what is already placed, on a new page if need be. */
  take(height: number): Placement {
    if (height > CONTENT_HEIGHT + TOLERANCE) {
      throw new RangeError(`a block ${height.toFixed(1)} pt high does not fit on a page`);
    }
    if (this.top - this.pendingSpace - height < CONTENT_BOTTOM - TOLERANCE) this.addPage();
    else this.top -= this.pendingSpace;
    this.pendingSpace = 0;
    const top = this.top;
    this.top -= height;
    return { page: this.page, pageIndex: this.pages.length - 1, top };
  }

  /** Marks everything above `y` on the current page as used (blocks laid out side by side). */
  moveBelow(y: number): void {
    this.top = Math.min(this.top, y);
  }

  private addPage(): void {
    this.pages.push(this.document.addPage([PAGE.width, PAGE.height]));
    this.top = CONTENT_TOP;
  }
}
