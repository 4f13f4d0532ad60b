/**
 * Ruled tables of a slip: the documents received, the fees paid, the facts of a result. The
 * column headings are repeated at the top of every page the table runs onto; a row moves whole
 * to the next page when it fits there, and is cut between lines only when it is taller than a
 * page, so a long list flows on to a second page without losing its frame.
 */
import type { PDFPage } from 'pdf-lib';
import type { PageFlow } from './page-flow';
import { drawLine } from './paragraph';
import { drawRule, type TextStyle } from './slip-fonts';
import { CONTENT_HEIGHT, RULE_THICKNESS, TEXT_COLUMN, type Column } from './slip-geometry';
import { wrapBalanced, wrapRuns, type Line, type Run } from './text-wrap';

export interface TableColumn {
  /** Empty headings on every column make a table without a heading row. */
  header: string;
  /** Share of the table's width; the shares add up to 1. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export type TableCell = string | readonly Run[];

export interface TableOptions {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableCell[])[];
  headerStyle: TextStyle;
  cellStyle: TextStyle;
  column?: Column;
}

const PADDING = { x: 4, y: 3 };
const TOLERANCE = 1e-6;

interface Cell {
  lines: Line[];
  align: 'left' | 'center' | 'right';
}

export function drawTable(flow: PageFlow, options: TableOptions): void {
  const frame = options.column ?? TEXT_COLUMN;
  const shares = options.columns.reduce((sum, column) => sum + column.share, 0);
  if (Math.abs(shares - 1) > 1e-3) throw new RangeError('the column shares must add up to 1');
  const edges = [frame.x];
  for (const column of options.columns) edges.push(edges.at(-1)! + column.share * frame.width);
  const innerWidth = (i: number) => edges[i + 1]! - edges[i]! - 2 * PADDING.x;

  const header: Cell[] | null = options.columns.some((column) => column.header.trim())
    ? options.columns.map((column, i) => ({
        lines: wrapBalanced(column.header, options.headerStyle, innerWidth(i)),
        align: 'center',
      }))
    : null;
  const headerHeight = header ? rowHeight(header) : 0;
  if (headerHeight > CONTENT_HEIGHT / 4) throw new RangeError('the table headings are too tall');

  const drawHeader = () => {
    if (!header) return;
    const { page, top } = flow.take(headerHeight);
    drawSegment(page, edges, header, top, headerHeight);
  };
  const rows = options.rows.map((row) =>
    options.columns.map((column, i): Cell => {
      const content = row[i] ?? '';
      const runs =
        typeof content === 'string' ? [{ text: content, style: options.cellStyle }] : content;
      return { lines: wrapRuns(runs, innerWidth(i)), align: column.align ?? 'left' };
    }),
  );
  // The headings never stand alone at the foot of a page: they go with the first row.
  const first = rows[0] ? rowHeight(rows[0]) : 0;
  if (!flow.fits(headerHeight + Math.min(first, CONTENT_HEIGHT / 4))) flow.newPage();
  drawHeader();

  for (let cells of rows) {
    let freshPage = false;
    for (;;) {
      const height = rowHeight(cells);
      if (flow.fits(height)) {
        const { page, top } = flow.take(height);
        drawSegment(page, edges, cells, top, height);
        break;
      }
      // A row that fits a page goes to the next one whole; only a taller one is cut.
      if (freshPage || height > CONTENT_HEIGHT - headerHeight + TOLERANCE) {
        const [now, later] = cut(cells, flow.remaining - 2 * PADDING.y);
        if (now) {
          const segment = rowHeight(now);
          const { page, top } = flow.take(segment);
          drawSegment(page, edges, now, top, segment);
          cells = later;
        }
      }
      flow.newPage();
      drawHeader();
      freshPage = true;
    }
  }
}

function linesHeight(lines: readonly Line[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

function rowHeight(cells: readonly Cell[]): number {
  return Math.max(0, ...cells.map((cell) => linesHeight(cell.lines))) + 2 * PADDING.y;
}

/** The lines of each cell that fit in `room` points, and the rest; null when none fits. */
function cut(cells: readonly Cell[], room: number): [Cell[] | null, Cell[]] {
  const now: Cell[] = [];
  const later: Cell[] = [];
  let any = false;
  for (const cell of cells) {
    let used = 0;
    let count = 0;
    while (count < cell.lines.length && used + cell.lines[count]!.height <= room + TOLERANCE) {
      used += cell.lines[count]!.height;
      count += 1;
    }
    if (count > 0) any = true;
    now.push({ ...cell, lines: cell.lines.slice(0, count) });
    later.push({ ...cell, lines: cell.lines.slice(count) });
  }
  return [any ? now : null, later];
}

/** One row (or the part of a row on this page): its frame and its cells' lines. */
function drawSegment(
  page: PDFPage,
  edges: readonly number[],
  cells: readonly Cell[],
  top: number,
  height: number,
): void {
  const bottom = top - height;
  const left = edges[0]!;
  const right = edges.at(-1)!;
  drawRule(page, { x: left, y: top }, { x: right, y: top }, RULE_THICKNESS);
  drawRule(page, { x: left, y: bottom }, { x: right, y: bottom }, RULE_THICKNESS);
  for (const x of edges) drawRule(page, { x, y: top }, { x, y: bottom }, RULE_THICKNESS);
  cells.forEach((cell, i) => {
    const x1 = edges[i]! + PADDING.x;
    const x2 = edges[i + 1]! - PADDING.x;
    let y = top - PADDING.y;
    for (const line of cell.lines) {
      const x =
        cell.align === 'center'
          ? x1 + (x2 - x1 - line.width) / 2
          : cell.align === 'right'
            ? x2 - line.width
            : x1;
      drawLine(page, line, x, y - line.ascent);
      y -= line.height;
    }
  });
}
