import { describe, expect, it } from 'vitest';
import { stripMp4Metadata } from './video-metadata';

function box(type: string, ...children: Buffer[]): Buffer {
  const payload = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + payload.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, payload]);
}

const text = (value: string) => Buffer.from(value, 'utf8');
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');
const OTHER_UUID = Buffer.from('6d1d9b0542d544e680e2141daff757b2', 'hex');

// A phone clip's layout: ftyp, moov (mvhd, a track with its own udta, the clip's udta with
// make, model and ©xyz, an Apple meta box), an XMP uuid, and mdat with the samples.
const sample = () =>
  Buffer.concat([
    box('ftyp', text('isom\0\0\0\0isomiso2mp41')),
    box(
      'moov',
      box('mvhd', Buffer.alloc(100, 1)),
      box('trak', box('tkhd', Buffer.alloc(84, 2)), box('udta', box('name', text('Camera track')))),
      box(
        'udta',
        box('\u00a9mak', text('PrivacyCam')),
        box('\u00a9mod', text('PocketShot-X9')),
        box('\u00a9xyz', text('+21.0123+107.0456/')),
      ),
      box('meta', box('keys', text('com.apple.quicktime.location.ISO6709'))),
    ),
    box('uuid', XMP_UUID, text('<x:xmpmeta>Nguyễn Thị Riêngtư</x:xmpmeta>')),
    box('uuid', OTHER_UUID, text('timing')),
    box('mdat', Buffer.alloc(64, 0xab)),
  ]);

describe('stripMp4Metadata', () => {
  it('blanks the camera, owner and location, keeping every byte in place', () => {
    const original = sample();
    const stripped = stripMp4Metadata(original);
    expect(stripped.length).toBe(original.length);
    const latin = stripped.toString('latin1');
    for (const secret of ['PrivacyCam', 'PocketShot', '+21.0123', 'ISO6709', 'Camera track']) {
      expect(latin).not.toContain(secret);
    }
    expect(stripped.toString('utf8')).not.toContain('Riêngtư');
    // The samples, the movie header and a uuid box that is not XMP are untouched.
    expect(stripped.subarray(stripped.length - 64)).toEqual(Buffer.alloc(64, 0xab));
    expect(latin).toContain('isomiso2mp41');
    expect(stripped.indexOf(Buffer.alloc(100, 1))).toBe(original.indexOf(Buffer.alloc(100, 1)));
    expect(latin).toContain('timing');
    expect(latin).toContain('free');
  });

  it('leaves a clip without metadata exactly as it was', () => {
    const clean = Buffer.concat([
      box('ftyp', text('isom')),
      box('moov', box('mvhd', Buffer.alloc(20, 3))),
      box('mdat', Buffer.alloc(16, 7)),
    ]);
    expect(stripMp4Metadata(clean)).toEqual(clean);
  });

  it('stops at a damaged box instead of reading past the end', () => {
    const damaged = Buffer.concat([box('ftyp', text('isom')), Buffer.from([0, 0, 1, 0, 0x75])]);
    expect(stripMp4Metadata(damaged)).toEqual(damaged);
  });
});
