/**
 * Stand-in images for development, tests and the seed: a handwritten-looking signature in blue
 * ink and a round red seal with the agency's name around the ring and a star in the centre, as
 * Vietnamese seals look. Both are PNGs with a transparent background, as Appendix I of Decree
 * 30/2020 requires of real ones. They are drawn from SVG built here, with text as glyph
 * outlines (glyph-outlines.ts), so the result does not depend on the machine's fonts.
 */
import sharp from 'sharp';
import { outlineText } from './glyph-outlines';

/** Ballpoint blue and seal-ink red. */
export const SIGNATURE_INK = '#1b3fa6';
export const SEAL_INK = '#d0171d';

/**
 * The given name (the last word of a Vietnamese full name), slanted, in italic outlines
 * thickened like a pen stroke, with the initials of the other words before it and an
 * underline flourish: how many officials sign.
 */
export async function demoSignaturePng(fullName: string): Promise<Buffer> {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  const given = words.at(-1);
  if (!given) throw new Error('a name is needed to draw a signature');
  const initials = words
    .slice(0, -1)
    .map((word) => word.charAt(0))
    .join('');
  const text = initials ? `${initials}. ${given}` : given;
  const outline = outlineText('italic', text);

  const size = 96;
  const scale = size / outline.unitsPerEm;
  const pad = 36;
  const baseline = 130;
  const width = Math.ceil(outline.advance * scale + 2 * pad + 40);
  const height = 200;
  // A hand does not keep a baseline: each letter is nudged and tilted a little, the same way
  // for the same name so the image is reproducible.
  const wobble = seeded(text);
  const glyphs = outline.glyphs
    .map(
      (glyph) =>
        `<path transform="translate(${fixed(glyph.x * scale)} ${fixed(-glyph.y * scale + wobble() * 5)}) ` +
        `rotate(${fixed(wobble() * 5)}) scale(${fixed(scale)} ${fixed(-scale)})" d="${glyph.d}"/>`,
    )
    .join('');
  const end = width - pad;
  const flourish =
    `M ${pad + 10} ${baseline + 22} C ${pad + 60} ${baseline + 48}, ${end - 80} ${baseline + 30}, ` +
    `${end} ${baseline - 6} C ${end + 14} ${baseline - 20}, ${end - 40} ${baseline - 24}, ` +
    `${end - 70} ${baseline + 4} S ${end - 30} ${baseline + 40}, ${end + 6} ${baseline + 18}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}">` +
    `<g transform="translate(${pad} ${baseline + 10}) rotate(-4) skewX(-10)" fill="${SIGNATURE_INK}" ` +
    `stroke="${SIGNATURE_INK}" stroke-width="${fixed(2.5 / scale)}" stroke-linejoin="round">` +
    `${glyphs}</g>` +
    `<path d="${flourish}" fill="none" stroke="${SIGNATURE_INK}" stroke-width="4" ` +
    `stroke-linecap="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Pixel size of the seal image: 600 px over a 40 mm seal is about 380 dpi. */
export const DEMO_SEAL_PIXELS = 600;

/**
 * A round seal: a thick outer ring, a thin inner ring, the agency's name in capitals set
 * around the band between them (centred on the top, spread over most of the circle) and a
 * five-pointed star in the centre.
 */
export async function demoSealPng(agencyName: string): Promise<Buffer> {
  const name = agencyName.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  if (!name) throw new Error('a seal needs the agency name');
  const size = DEMO_SEAL_PIXELS;
  const c = size / 2;
  const outer = c - 14;
  const inner = c * 0.68;
  const outline = outlineText('bold', name);

  // The letters stand on a circle just outside the inner ring, tops outwards; the name is
  // spread over 300 degrees (or shrunk to fit them), leaving a gap at the bottom.
  const baseRadius = inner + 14;
  const span = (300 * Math.PI) / 180;
  let fontSize = 56;
  const arcAt = (px: number) => baseRadius + 0.35 * px;
  const em = outline.advance / outline.unitsPerEm;
  if (em * fontSize > span * arcAt(fontSize)) {
    fontSize = (span * baseRadius) / (em - 0.35 * span);
  }
  const scale = fontSize / outline.unitsPerEm;
  const radius = arcAt(fontSize);
  const natural = outline.advance * scale;
  const tracking =
    outline.glyphs.length > 1 ? (span * radius - natural) / (outline.glyphs.length - 1) : 0;
  const glyphs = outline.glyphs
    .map((glyph, i) => {
      const centre = glyph.x * scale + i * tracking + (glyph.advance * scale) / 2;
      const degrees = ((centre / radius - span / 2) * 180) / Math.PI;
      return (
        `<path transform="rotate(${fixed(degrees)} ${c} ${c}) ` +
        `translate(${fixed(c - (glyph.advance * scale) / 2)} ${fixed(c - baseRadius - glyph.y * scale)}) ` +
        `scale(${fixed(scale)} ${fixed(-scale)})" d="${glyph.d}"/>`
      );
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" ` +
    `viewBox="0 0 ${size} ${size}">` +
    `<g fill="none" stroke="${SEAL_INK}">` +
    `<circle cx="${c}" cy="${c}" r="${outer}" stroke-width="16"/>` +
    `<circle cx="${c}" cy="${c}" r="${fixed(inner)}" stroke-width="5"/></g>` +
    `<g fill="${SEAL_INK}">${glyphs}<path d="${star(c, c, inner * 0.55)}"/>` +
    `<path d="${star(c, c + outer - 30, 14)}"/></g></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Numbers in [-1, 1) from a text: a small linear congruential generator seeded by a hash. */
function seeded(text: string): () => number {
  let state = 2166136261;
  for (const char of text) state = Math.imul(state ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** A five-pointed star, point upwards, outer radius `r`. */
function star(cx: number, cy: number, r: number): string {
  const innerRatio = Math.sin(Math.PI / 10) / Math.sin((3 * Math.PI) / 10);
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : r * innerRatio;
    points.push(`${fixed(cx + radius * Math.cos(angle))} ${fixed(cy + radius * Math.sin(angle))}`);
  }
  return `M ${points.join(' L ')} Z`;
}

function fixed(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
