/**
 * QR codes on slips, drawn as vector squares: a printed slip is photocopied and faxed, and
 * squares stay sharp at any scale where an embedded bitmap blurs; they also weigh less. The
 * symbol comes from `qrcode-generator` (docs/decisions/0016-qr-codes-on-slips.md); this file
 * only lays its modules out on the page.
 */
import qrcode from 'qrcode-generator';
import {
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  fill,
  setFillingGrayscaleColor,
} from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';

/** Rows of modules, top to bottom; `true` is dark. */
export type QrMatrix = boolean[][];

/**
 * Level M restores up to 15 % of the symbol: a fold or a stain on a paper slip, at a symbol
 * still small enough for a 30 mm square. The version is the smallest that holds the text.
 */
export const QR_ERROR_CORRECTION = 'M';

/**
 * The module matrix the slips draw for `text`, encoded in byte mode. Only ASCII is accepted:
 * the encoder's byte mode writes one byte per UTF-16 unit, which would garble anything else;
 * URLs are ASCII once `URL` has percent-encoded them.
 */
export function qrMatrix(text: string): QrMatrix {
  if (!/^[\x20-\x7e]+$/.test(text))
    throw new RangeError('a QR code here holds printable ASCII only');
  const qr = qrcode(0, QR_ERROR_CORRECTION);
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
}

/** ISO/IEC 18004 asks for a light margin of four modules around the symbol. */
export const QUIET_ZONE_MODULES = 4;

/**
 * Draws the matrix with its quiet zone in the square of side `size` whose top left corner is
 * (`x`, `top`). Each row's runs of dark modules are one rectangle, all filled at once in black.
 */
export function drawQrCode(
  page: PDFPage,
  matrix: QrMatrix,
  x: number,
  top: number,
  size: number,
): void {
  const count = matrix.length + 2 * QUIET_ZONE_MODULES;
  const module = size / count;
  const origin = { x: x + QUIET_ZONE_MODULES * module, top: top - QUIET_ZONE_MODULES * module };
  const operators = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  matrix.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      if (!row[c]) {
        c += 1;
        continue;
      }
      const start = c;
      while (c < row.length && row[c]) c += 1;
      operators.push(
        rectangle(
          origin.x + start * module,
          origin.top - (r + 1) * module,
          (c - start) * module,
          module,
        ),
      );
    }
  });
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}
