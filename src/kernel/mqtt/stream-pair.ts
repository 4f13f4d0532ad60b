/**
 * Two connected in-memory duplex streams: what one side writes, the other reads. The
 * platform's own MQTT client talks to the embedded broker through such a pair, so no TCP
 * port is needed for it (Node 20 has no `stream.duplexPair` yet).
 */
import { Duplex } from 'node:stream';

export function duplexPair(): [Duplex, Duplex] {
  const sides: Duplex[] = [];
  const make = (index: 0 | 1): Duplex =>
    new Duplex({
      read() {
        // Data is pushed by the other side's write.
      },
      write(chunk: Buffer, _encoding, done) {
        sides[1 - index]!.push(chunk);
        done();
      },
      final(done) {
        sides[1 - index]!.push(null);
        done();
      },
      destroy(error, done) {
        const other = sides[1 - index]!;
        if (!other.destroyed) other.destroy();
        done(error);
      },
    });
  sides.push(make(0), make(1));
  return [sides[0]!, sides[1]!];
}
