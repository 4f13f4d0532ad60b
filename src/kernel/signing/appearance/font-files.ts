/**
 * The Noto Serif faces that stand in for the Times New Roman Decree 30/2020 prescribes (a
 * close serif that has every Vietnamese letter). Each face is read and parsed once per
 * process, on first use, so a process that never signs never pays for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkitModule from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';

export type FontFace = 'regular' | 'bold' | 'italic';

const FILE_NAMES: Record<FontFace, string> = {
  regular: 'NotoSerif-Regular.ttf',
  bold: 'NotoSerif-Bold.ttf',
  italic: 'NotoSerif-Italic.ttf',
};

// The package's Node entry is a UMD bundle: under ESM its API arrives as the default export,
// while its type declarations describe named exports. Accept either shape.
type FontkitApi = typeof fontkitModule;
const fontkit: FontkitApi =
  (fontkitModule as unknown as { default?: FontkitApi }).default ?? fontkitModule;

const loaded = new Map<FontFace, Font>();

export function loadFont(face: FontFace): Font {
  let font = loaded.get(face);
  if (!font) {
    font = fontkit.create(readFileSync(fontPath(face)));
    loaded.set(face, font);
  }
  return font;
}

/**
 * The font files live in `assets/fonts/` at the repository root. The module is found by
 * walking up from this file rather than by a fixed `../../../..`, so the lookup survives
 * this folder moving or the code being run from a build output directory; the working
 * directory is the last resort.
 */
export function fontPath(face: FontFace): string {
  const relative = path.join('assets', 'fonts', FILE_NAMES[face]);
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const fromCwd = path.resolve(relative);
  if (existsSync(fromCwd)) return fromCwd;
  throw new Error(`font file ${relative} not found above ${fileURLToPath(import.meta.url)}`);
}
