import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEMO_SEAL_PIXELS, demoSealPng, demoSignaturePng } from './demo-images';

async function pixels(png: Buffer) {
  const meta = await sharp(png).metadata();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const all: [number, number, number, number][] = [];
  for (let i = 0; i < data.length; i += 4) {
    all.push([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0]);
  }
  const at = (x: number, y: number) => all[y * info.width + x]!;
  return { meta, info, all, at };
}

describe('demo images', () => {
  it('draws a signature in blue ink on a transparent background', async () => {
    const { meta, info, all, at } = await pixels(await demoSignaturePng('Nguyễn Văn Hùng'));
    expect(meta.format).toBe('png');
    expect(info.channels).toBe(4);
    expect(at(0, 0)[3]).toBe(0);
    expect(at(info.width - 1, info.height - 1)[3]).toBe(0);
    const ink = all.filter(([, , , a]) => a > 200);
    expect(ink.length).toBeGreaterThan(2000);
    expect(ink.length).toBeLessThan(all.length / 3);
    expect(ink.every(([r, g, b]) => b > r + 60 && b > g + 40)).toBe(true);
  });

  it('draws different names differently', async () => {
    const a = await demoSignaturePng('Nguyễn Văn Hùng');
    const b = await demoSignaturePng('Trần Thị Lan');
    expect(a.equals(b)).toBe(false);
    expect((await demoSignaturePng('Nguyễn Văn Hùng')).equals(a)).toBe(true);
  });

  it('draws a round red seal: transparent corners, ring, star in the centre', async () => {
    const { meta, info, all, at } = await pixels(
      await demoSealPng('Ủy ban nhân dân tỉnh Lâm Đồng'),
    );
    expect(meta.format).toBe('png');
    expect([info.width, info.height]).toEqual([DEMO_SEAL_PIXELS, DEMO_SEAL_PIXELS]);
    expect(info.channels).toBe(4);
    const c = DEMO_SEAL_PIXELS / 2;
    for (const [x, y] of [
      [0, 0],
      [DEMO_SEAL_PIXELS - 1, 0],
      [0, DEMO_SEAL_PIXELS - 1],
    ] as const) {
      expect(at(x, y)[3]).toBe(0);
    }
    // The outer ring crosses the horizontal through the centre near the edge; the star's
    // body fills the centre; between them, inside the inner ring, it is clear.
    expect(at(8, c)[3]).toBe(255);
    expect(at(c, c)[3]).toBe(255);
    expect(at(c - 150, c + 20)[3]).toBe(0);
    const ink = all.filter(([, , , a]) => a > 200);
    expect(ink.every(([r, g, b]) => r > 150 && r > g + 100 && r > b + 100)).toBe(true);
  });

  it('sets the agency name around the ring', async () => {
    const short = await pixels(await demoSealPng('Sở Tư pháp'));
    const long = await pixels(await demoSealPng('Ủy ban nhân dân tỉnh Lâm Đồng'));
    const inked = (p: typeof short) => p.all.filter(([, , , a]) => a > 200).length;
    expect(inked(long)).toBeGreaterThan(inked(short));
  });
});
