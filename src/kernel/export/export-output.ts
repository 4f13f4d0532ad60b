/**
 * Writing to the stream that receives an export (an HTTP response, a file) without
 * outrunning it: a writer waits for 'drain' when the stream's buffer is full, and stops as
 * soon as the stream is gone (the client hung up), so that the rows it was reading (often
 * a database cursor) are released instead of read to the end for nobody.
 */
import type { Writable } from 'node:stream';

/** The receiving stream closed before the file was complete. */
export class ExportOutputClosedError extends Error {
  constructor() {
    super('The export output closed before the file was complete');
    this.name = 'ExportOutputClosedError';
  }
}

export function assertOutputOpen(out: Writable): void {
  if (out.destroyed || out.writableEnded) throw new ExportOutputClosedError();
}

/**
 * Resolves when `stream` can take more (its 'drain'); rejects if it or `out`, the stream the
 * export is written to, errors or closes first. `stream` is `out` itself, or a stream on the
 * way to it that the writer feeds.
 */
export function drained(stream: Writable, out: Writable = stream): Promise<void> {
  assertOutputOpen(out);
  const watched = stream === out ? [out] : [stream, out];
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain);
      for (const each of watched) {
        each.off('close', onClose);
        each.off('error', onError);
      }
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new ExportOutputClosedError());
    const onError = (error: Error) => settle(error);
    stream.on('drain', onDrain);
    for (const each of watched) {
      each.on('close', onClose);
      each.on('error', onError);
    }
  });
}

/** Writes a chunk, then waits while the stream is over its buffer limit. */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  assertOutputOpen(out);
  if (!out.write(chunk)) await drained(out);
}

/**
 * Waits while `stream` (by default `out`) holds more than its buffer limit, for writers
 * whose library writes to it without looking at what write() returns.
 */
export async function keepPace(out: Writable, stream: Writable = out): Promise<void> {
  assertOutputOpen(out);
  if (backlogOf(stream) >= stream.writableHighWaterMark) await drained(stream, out);
}

/** Bytes waiting in a writable; older stream implementations only know it internally. */
function backlogOf(stream: Writable): number {
  const legacy = stream as Writable & { _writableState?: { length?: number } };
  return stream.writableLength ?? legacy._writableState?.length ?? 0;
}
