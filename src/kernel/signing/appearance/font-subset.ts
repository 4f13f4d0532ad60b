/**
 * A subset of a Noto Serif face as a PDF Type0 font: Identity-H encoding over a CIDFontType2
 * descendant whose CIDs are the subset's glyph ids (/CIDToGIDMap /Identity), with /W widths,
 * the subset program as /FontFile2 and a ToUnicode CMap.
 *
 * A signer's block shows the same text on every document the signer signs, so the expensive
 * part (subsetting and compressing) is done once per distinct glyph set and kept in a small
 * LRU; per document only the five small dictionaries are written, with fresh object numbers.
 */
import { createHash } from 'node:crypto';
import type { Font } from '@pdf-lib/fontkit';
import type { PdfObject } from './appearance-types';
import { loadFont, type FontFace } from './font-files';
import { LruCache } from './lru-cache';
import { dictBody, flate, pdfNumbers, ref, streamBody } from './pdf-syntax';
import type { ShapedText } from './text-shaping';
import { toUnicodeCmap } from './to-unicode';

export interface FontSubset {
  face: FontFace;
  /** `ABCDEF+NotoSerif-Bold`: the tag marks an embedded subset (PDF 32000-1, 9.6.4). */
  baseFont: string;
  /** The CID (= glyph id in the subset) that shows a glyph of the full font. */
  cidOf: (gid: number) => number;
  /** Compressed bytes and precomputed dictionary content, reused for every document. */
  fontFile: Buffer;
  fontFileLength1: number;
  toUnicode: Buffer;
  widths: string;
  descriptor: string;
}

const subsets = new LruCache<string, Promise<FontSubset>>(32);
// The same lines give the same glyph set: looking up by the texts first spares collecting
// and sorting glyphs on every document.
const byTexts = new LruCache<string, Promise<FontSubset>>(64);

/** The subset of `face` that can show every text in `texts` (all shaped in that face). */
export function fontSubset(face: FontFace, texts: readonly ShapedText[]): Promise<FontSubset> {
  const textsKey = `${face}\u0000${texts.map((shaped) => shaped.text).join('\u0000')}`;
  let subset = byTexts.get(textsKey);
  if (!subset) {
    subset = subsetForGlyphs(face, texts);
    byTexts.set(textsKey, subset);
    subset.catch(() => byTexts.delete(textsKey));
  }
  return subset;
}

function subsetForGlyphs(face: FontFace, texts: readonly ShapedText[]): Promise<FontSubset> {
  // One glyph may stand for two texts (a space and a no-break space): the first one wins,
  // and the key includes the text so that the ToUnicode map is exact for what is cached.
  const textOf = new Map<number, string>();
  for (const shaped of texts) {
    if (shaped.face !== face) throw new Error(`text shaped in ${shaped.face}, not ${face}`);
    for (const glyph of shaped.glyphs) {
      if (glyph.gid !== 0 && !textOf.has(glyph.gid)) textOf.set(glyph.gid, glyph.text);
    }
  }
  const gids = [...textOf.keys()].sort((a, b) => a - b);
  const key = `${face}:${gids.map((gid) => `${gid}=${textOf.get(gid)}`).join(',')}`;
  let subset = subsets.get(key);
  if (!subset) {
    subset = buildSubset(face, gids, textOf, key);
    subsets.set(key, subset);
    // A failed build must not stay cached.
    subset.catch(() => subsets.delete(key));
  }
  return subset;
}

/** The five objects of the font; the Type0 font's number goes into /Resources /Font. */
export function fontObjects(
  subset: FontSubset,
  allocate: () => number,
): { font: number; objects: PdfObject[] } {
  const type0 = allocate();
  const cidFont = allocate();
  const descriptor = allocate();
  const fontFile = allocate();
  const toUnicode = allocate();
  const objects: PdfObject[] = [
    {
      num: type0,
      body: dictBody(
        `/Type /Font /Subtype /Type0 /BaseFont /${subset.baseFont} /Encoding /Identity-H ` +
          `/DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(toUnicode)}`,
      ),
    },
    {
      num: cidFont,
      body: dictBody(
        `/Type /Font /Subtype /CIDFontType2 /BaseFont /${subset.baseFont} ` +
          '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
          `/FontDescriptor ${ref(descriptor)} /W ${subset.widths} /CIDToGIDMap /Identity`,
      ),
    },
    {
      num: descriptor,
      body: dictBody(`${subset.descriptor} /FontFile2 ${ref(fontFile)}`),
    },
    {
      num: fontFile,
      body: streamBody(`/Length1 ${subset.fontFileLength1} /Filter /FlateDecode`, subset.fontFile),
    },
    { num: toUnicode, body: streamBody('/Filter /FlateDecode', subset.toUnicode) },
  ];
  return { font: type0, objects };
}

async function buildSubset(
  face: FontFace,
  gids: readonly number[],
  textOf: ReadonlyMap<number, string>,
  key: string,
): Promise<FontSubset> {
  const font = loadFont(face);
  const subset = font.createSubset();
  // Glyph 0 (.notdef) is always first; sorted inclusion makes CIDs 1…n follow the key.
  const cids = new Map<number, number>(gids.map((gid) => [gid, subset.includeGlyph(gid)]));
  const program = await encodeSubset(subset);

  const scale = 1000 / font.unitsPerEm;
  const widths = [0, ...gids].map((gid) => Math.round(font.getGlyph(gid).advanceWidth * scale));
  const cmap = new Map<number, string>(
    gids.map((gid) => [cids.get(gid) ?? 0, textOf.get(gid) ?? '']),
  );
  const baseFont = `${subsetTag(key)}+${font.postscriptName ?? 'NotoSerif'}`;

  return {
    face,
    baseFont,
    cidOf: (gid) => cids.get(gid) ?? 0,
    fontFile: flate(program),
    fontFileLength1: program.length,
    toUnicode: flate(toUnicodeCmap(cmap)),
    widths: `[0 [${widths.join(' ')}]]`,
    descriptor: descriptorContent(font, face, baseFont, scale),
  };
}

/**
 * fontkit writes a subset through a stream that starts on the next tick; its glyph table
 * keeps the original outlines and hinting for the glyphs kept (composite glyphs pull in
 * their components).
 */
function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    subset
      .encodeStream()
      .on('data', (chunk) => chunks.push(Buffer.from(chunk)))
      .on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function descriptorContent(font: Font, face: FontFace, baseFont: string, scale: number): string {
  // Serif (2) and Symbolic (4): the glyph set reaches beyond Adobe's standard Latin set.
  const flags = 2 | 4 | (face === 'italic' ? 64 : 0);
  const { minX, minY, maxX, maxY } = font.bbox;
  const weight = (font['OS/2'] as { usWeightClass?: number }).usWeightClass ?? 400;
  // PDF wants a dominant vertical stem width; the font does not record one, and this common
  // estimate from the weight class is what viewers get from other producers too.
  const stemV = Math.round(50 + (weight / 65) ** 2);
  return (
    `/Type /FontDescriptor /FontName /${baseFont} /Flags ${flags} ` +
    `/FontBBox [${pdfNumbers([minX, minY, maxX, maxY].map((v) => Math.round(v * scale)))}] ` +
    `/ItalicAngle ${pdfNumbers([font.italicAngle])} /Ascent ${Math.round(font.ascent * scale)} ` +
    `/Descent ${Math.round(font.descent * scale)} /CapHeight ${Math.round(font.capHeight * scale)} ` +
    `/StemV ${stemV}`
  );
}

/** Six capital letters derived from the glyph set, so the same subset gets the same tag. */
function subsetTag(key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + ((digest[i] ?? 0) % 26));
  return tag;
}
