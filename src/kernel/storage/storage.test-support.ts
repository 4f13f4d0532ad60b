/** Sample files for the storage tests: real formats, built in memory. Used only by tests. */
import sharp from 'sharp';

/** A phone photo: camera model and GPS position in EXIF. */
export async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 80, height: 60, channels: 3, background: '#3a7d44' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'SecretModel-123' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 54/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '107/1 4/1 1200/100',
      },
    })
    .toBuffer();
}

/** A small but well-formed PDF. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

/** The start of a Linux executable (ELF header), padded. */
export function sampleExecutable(): Buffer {
  const elf = Buffer.alloc(512);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]).copy(elf);
  return elf;
}

/** A Windows executable: "MZ" header pointing at a "PE" signature. */
export function sampleWindowsExecutable(): Buffer {
  const exe = Buffer.alloc(512);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  return exe;
}
