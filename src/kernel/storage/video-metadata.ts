/**
 * Removes the metadata of an MP4 (ISO base media) video: the user-data and metadata boxes
 * where phones write the camera's make and model, the owner's name and the place the clip
 * was shot (`©xyz`, `com.apple.quicktime.location.ISO6709`), and XMP packets. A video is
 * not re-encoded like a photo (that would need a video codec the platform does not ship),
 * so each such box is turned into a `free` box of the same size with its content zeroed:
 * nothing moves, so the sample offsets in `stco`/`co64` still point at the right bytes and
 * the video plays as before.
 *
 * WebM clips (from a browser's MediaRecorder) carry no camera or location metadata and are
 * stored as they are.
 */

/** Boxes that hold only metadata, wherever they appear. */
const METADATA_BOXES = new Set(['udta', 'meta', 'XMP_']);
/** The extended type of a `uuid` box holding XMP; other `uuid` boxes may carry timing. */
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
/** Boxes made of other boxes, searched for metadata below them. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'edts', 'dinf', 'moof', 'traf']);

export function stripMp4Metadata(content: Buffer): Buffer {
  const out = Buffer.from(content);
  neutralise(out, 0, out.length);
  return out;
}

function neutralise(buffer: Buffer, start: number, end: number): void {
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      const large = buffer.readBigUInt64BE(offset + 8);
      if (large > BigInt(end - offset)) return;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    // A box that claims more than is left is damage (or not MP4): stop rather than guess.
    if (size < header || offset + size > end) return;
    const isXmp =
      type === 'uuid' &&
      offset + header + 16 <= end &&
      buffer.subarray(offset + header, offset + header + 16).equals(XMP_UUID);
    if (METADATA_BOXES.has(type) || isXmp) {
      buffer.write('free', offset + 4, 'latin1');
      buffer.fill(0, offset + header, offset + size);
    } else if (CONTAINERS.has(type)) {
      neutralise(buffer, offset + header, offset + size);
    }
    offset += size;
  }
}
