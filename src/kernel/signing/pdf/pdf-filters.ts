/**
 * Stream decoding for the streams the structure code must read itself: cross-reference streams
 * and object streams. Writers use FlateDecode for both, usually with the PNG "Up" predictor on
 * xref streams (§7.4.4), so that is all this supports; page content is never decoded here.
 */
import { constants, inflateSync } from 'node:zlib';
import { PdfStructureError } from './pdf-structure-error';
import { PdfDict, PdfName, type PdfStream, type PdfValue } from './pdf-values';

/** An object or xref stream larger than this is not a document but a decompression bomb. */
const MAX_DECODED_BYTES = 128 * 1024 * 1024;

function asArray(value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Decodes a stream's data. `resolve` turns indirect /Filter or /DecodeParms entries into
 * values (they are allowed to be indirect, though writers rarely do that).
 */
export function decodePdfStream(
  stream: PdfStream,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined = (value) => value,
): Buffer {
  const filters = asArray(resolve(stream.dict.get('Filter')));
  const params = asArray(resolve(stream.dict.get('DecodeParms') ?? stream.dict.get('DP')));
  let data = stream.raw;
  filters.forEach((filter, i) => {
    const name = resolve(filter);
    if (!(name instanceof PdfName)) {
      throw new PdfStructureError('bad-object', 'stream /Filter is not a name');
    }
    if (name.name !== 'FlateDecode' && name.name !== 'Fl') {
      throw new PdfStructureError('unsupported', `stream filter /${name.name} is not supported`);
    }
    data = inflate(data);
    const param = resolve(params[i]);
    if (param instanceof PdfDict) data = applyPredictor(data, param, resolve);
  });
  return data;
}

function inflate(data: Buffer): Buffer {
  try {
    // Z_SYNC_FLUSH accepts data whose end is missing, which real files sometimes have.
    return inflateSync(data, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: MAX_DECODED_BYTES,
    });
  } catch (error) {
    throw new PdfStructureError('bad-object', 'stream data does not inflate', { cause: error });
  }
}

function integerParam(
  params: PdfDict,
  key: string,
  fallback: number,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): number {
  const value = resolve(params.get(key));
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Undoes a PNG predictor (§7.4.4.4: /Predictor ≥ 10, one filter-type byte per row). */
function applyPredictor(
  data: Buffer,
  params: PdfDict,
  resolve: (value: PdfValue | undefined) => PdfValue | undefined,
): Buffer {
  const predictor = integerParam(params, 'Predictor', 1, resolve);
  if (predictor === 1) return data;
  if (predictor < 10) {
    throw new PdfStructureError('unsupported', `TIFF predictor ${predictor} is not supported`);
  }
  const colors = integerParam(params, 'Colors', 1, resolve);
  const bitsPerComponent = integerParam(params, 'BitsPerComponent', 8, resolve);
  const columns = integerParam(params, 'Columns', 1, resolve);
  const bytesPerPixel = Math.max(1, Math.ceil((colors * bitsPerComponent) / 8));
  const rowLength = Math.ceil((colors * bitsPerComponent * columns) / 8);
  if (rowLength > MAX_DECODED_BYTES) {
    throw new PdfStructureError('bad-object', 'predictor row length is implausible');
  }
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = Buffer.alloc(rows * rowLength);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowLength + 1)]!;
    const input = row * (rowLength + 1) + 1;
    const base = row * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = data[input + i]!;
      const left = i >= bytesPerPixel ? out[base + i - bytesPerPixel]! : 0;
      const up = row > 0 ? out[base - rowLength + i]! : 0;
      const upLeft = row > 0 && i >= bytesPerPixel ? out[base - rowLength + i - bytesPerPixel]! : 0;
      let value: number;
      switch (type) {
        case 0:
          value = raw;
          break;
        case 1:
          value = raw + left;
          break;
        case 2:
          value = raw + up;
          break;
        case 3:
          value = raw + ((left + up) >> 1);
          break;
        case 4: {
          const estimate = left + up - upLeft;
          const dLeft = Math.abs(estimate - left);
          const dUp = Math.abs(estimate - up);
          const dUpLeft = Math.abs(estimate - upLeft);
          const predicted = dLeft <= dUp && dLeft <= dUpLeft ? left : dUp <= dUpLeft ? up : upLeft;
          value = raw + predicted;
          break;
        }
        default:
          throw new PdfStructureError('bad-object', `unknown PNG predictor type ${type}`);
      }
      out[base + i] = value & 0xff;
    }
  }
  return out;
}
