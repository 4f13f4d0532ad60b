import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import * as fontkitModule from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fontPath } from './font-files';
import { fontObjects, fontSubset } from './font-subset';
import { shapeText } from './text-shaping';

type FontkitApi = typeof fontkitModule;
const fontkit: FontkitApi =
  (fontkitModule as unknown as { default?: FontkitApi }).default ?? fontkitModule;

/** A stream object's decoded data. */
function streamData(body: Buffer): Buffer {
  const text = body.toString('latin1');
  const length = Number(/\/Length (\d+)/.exec(text)?.[1]);
  const start = text.indexOf('stream\n') + 'stream\n'.length;
  expect(text.slice(start + length)).toBe('\nendstream');
  const data = body.subarray(start, start + length);
  return text.includes('/FlateDecode') ? inflateSync(data) : data;
}

describe('fontSubset', () => {
  const lines = ['PHÓ CHỦ TỊCH', 'Nguyễn Văn Hùng'].map((t) => shapeText('bold', t));

  it('gives the glyphs CIDs 1…n in glyph order, with widths per CID', async () => {
    const subset = await fontSubset('bold', lines);
    const gids = [...new Set(lines.flatMap((l) => l.glyphs.map((g) => g.gid)))].sort(
      (a, b) => a - b,
    );
    expect(gids.map(subset.cidOf)).toEqual(gids.map((_, i) => i + 1));
    const widths = /^\[0 \[([\d ]+)\]\]$/.exec(subset.widths)?.[1]?.split(' ').map(Number);
    expect(widths).toHaveLength(gids.length + 1);
    const n = lines[1]!.glyphs.find((g) => g.text === 'N')!;
    expect(widths![subset.cidOf(n.gid)]).toBe(n.width);
    expect(subset.baseFont).toMatch(/^[A-Z]{6}\+NotoSerif-Bold$/);
  });

  it('embeds a font program that holds exactly the glyphs kept, outlines intact', async () => {
    const subset = await fontSubset('bold', lines);
    const program = inflateSync(subset.fontFile);
    expect(program.length).toBe(subset.fontFileLength1);
    const embedded = fontkit.create(program);
    const e = lines[1]!.glyphs.find((g) => g.text === 'ễ')!;
    const original = fontkit.create(readFileSync(fontPath('bold')));
    const kept = embedded.getGlyph(subset.cidOf(e.gid));
    expect(kept.advanceWidth).toBe(original.getGlyph(e.gid).advanceWidth);
    expect(kept.path.toSVG()).toBe(original.getGlyph(e.gid).path.toSVG());
    // A few dozen glyphs out of 3 256: far smaller than the 600 kB file.
    expect(embedded.numGlyphs).toBeLessThan(60);
    expect(subset.fontFile.length).toBeLessThan(30_000);
  });

  it('maps every CID back to its text in the ToUnicode CMap', async () => {
    const subset = await fontSubset('bold', lines);
    const { objects } = fontObjects(subset, counter(10));
    const cmap = streamData(objects[4]!.body).toString('latin1');
    const e = lines[1]!.glyphs.find((g) => g.text === 'ễ')!;
    const cid = subset.cidOf(e.gid).toString(16).padStart(4, '0').toUpperCase();
    expect(cmap).toContain(`<${cid}> <1EC5>`);
    expect(cmap).toMatch(/begincodespacerange\n<0000> <FFFF>\nendcodespacerange/);
    const bfchars = cmap.slice(cmap.indexOf('beginbfchar'));
    const entries = bfchars.match(/^<[0-9A-F]{4}> <[0-9A-F]+>$/gm) ?? [];
    expect(entries).toHaveLength(subset.widths.split(' ').length - 2);
  });

  it('builds a subset once for a glyph set, and writes fresh numbers per document', async () => {
    const first = await fontSubset('bold', lines);
    const again = await fontSubset(
      'bold',
      ['Nguyễn Văn Hùng', 'PHÓ CHỦ TỊCH'].map((t) => shapeText('bold', t)),
    );
    expect(again).toBe(first);
    const a = fontObjects(first, counter(10));
    const b = fontObjects(first, counter(50));
    expect(a.objects.map((o) => o.num)).toEqual([10, 11, 12, 13, 14]);
    expect(b.objects.map((o) => o.num)).toEqual([50, 51, 52, 53, 54]);
    expect(b.objects[0]!.body.toString('latin1')).toContain(
      '/DescendantFonts [51 0 R] /ToUnicode 54 0 R',
    );
    expect(b.objects[2]!.body.toString('latin1')).toContain('/FontFile2 53 0 R');
    expect(b.objects[3]!.body.equals(a.objects[3]!.body)).toBe(true);
    const other = await fontSubset('bold', [shapeText('bold', 'CHỦ TỊCH')]);
    expect(other).not.toBe(first);
    expect(other.baseFont).not.toBe(first.baseFont);
  });

  it('writes the descendant and descriptor a viewer needs', async () => {
    const subset = await fontSubset('bold', lines);
    const { objects } = fontObjects(subset, counter(1));
    const cid = objects[1]!.body.toString('latin1');
    expect(cid).toContain('/Subtype /CIDFontType2');
    expect(cid).toContain('/CIDToGIDMap /Identity');
    expect(cid).toContain('/Registry (Adobe) /Ordering (Identity) /Supplement 0');
    const descriptor = objects[2]!.body.toString('latin1');
    expect(descriptor).toMatch(/\/Flags 6 \/FontBBox \[-?\d+ -?\d+ \d+ \d+\] \/ItalicAngle 0/);
    expect(descriptor).toMatch(/\/Ascent 1069 \/Descent -293 \/CapHeight 714 \/StemV \d+/);
  });
});

function counter(start: number): () => number {
  let next = start;
  return () => next++;
}
