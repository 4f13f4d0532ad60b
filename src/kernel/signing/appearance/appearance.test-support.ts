/**
 * Helpers for the appearance tests: a minimal one-page PDF that shows appearances (the real
 * PDF writer lives in ../pdf/ and is not needed to check what is drawn) and poppler's view
 * of it. Tests only.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { AppearanceObjects, Rect, SignatureAppearance } from './appearance-types';

const run = promisify(execFile);

export interface TestPage {
  width: number;
  height: number;
  rotate?: number;
}

/**
 * A one-page PDF. `widgets`: each appearance becomes a signature field's widget with /AP /N,
 * as the PDF writer will add it. `painted`: each form is drawn by the page's content at its
 * rect, the way a widget appearance is mapped when its transformed BBox sits at the origin.
 */
export function onePagePdf(
  page: TestPage,
  appearances: readonly SignatureAppearance[],
  mode: 'widgets' | 'painted' = 'widgets',
): { pdf: Buffer; placed: AppearanceObjects[] } {
  let next = 5;
  const allocate = () => next++;
  const ctx = {
    pageWidth: page.width,
    pageHeight: page.height,
    rotate: page.rotate ?? 0,
    allocate,
  };
  const placed = appearances.map((appearance) => appearance(ctx));
  const objects = new Map<number, Buffer>();
  for (const result of placed) for (const { num, body } of result.objects) objects.set(num, body);

  const text = (s: string) => Buffer.from(s, 'latin1');
  let content = '';
  let resources = '';
  let annots = '';
  let acroForm = '';
  if (mode === 'painted') {
    content = placed
      .map((p, i) => `q 1 0 0 1 ${p.rect[0]} ${p.rect[1]} cm /Fm${i} Do Q`)
      .join('\n');
    resources = `/XObject << ${placed.map((p, i) => `/Fm${i} ${p.normalAppearance} 0 R`).join(' ')} >>`;
  } else {
    const widgets = placed.map((p, i) => {
      const num = allocate();
      objects.set(
        num,
        text(
          `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature${i + 1}) /F 132 ` +
            `/Rect [${p.rect.join(' ')}] /AP << /N ${p.normalAppearance} 0 R >> /P 3 0 R >>`,
        ),
      );
      return `${num} 0 R`;
    });
    annots = `/Annots [${widgets.join(' ')}]`;
    acroForm = `/AcroForm << /Fields [${widgets.join(' ')}] /SigFlags 3 >>`;
  }
  objects.set(1, text(`<< /Type /Catalog /Pages 2 0 R ${acroForm} >>`));
  objects.set(2, text('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'));
  objects.set(
    3,
    text(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width} ${page.height}] ` +
        `/Rotate ${page.rotate ?? 0} /Resources << ${resources} >> /Contents 4 0 R ${annots} >>`,
    ),
  );
  objects.set(4, text(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`));

  const chunks: Buffer[] = [text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]?.length ?? 0;
  const size = Math.max(...objects.keys()) + 1;
  const offsets = new Array<number>(size).fill(0);
  for (let num = 1; num < size; num++) {
    const body = objects.get(num);
    if (!body) continue;
    offsets[num] = offset;
    const chunk = Buffer.concat([text(`${num} 0 obj\n`), body, text('\nendobj\n')]);
    chunks.push(chunk);
    offset += chunk.length;
  }
  const xref = [`xref\n0 ${size}\n`, '0000000000 65535 f \n'];
  for (let num = 1; num < size; num++) {
    xref.push(
      objects.has(num)
        ? `${String(offsets[num]).padStart(10, '0')} 00000 n \n`
        : '0000000000 65535 f \n',
    );
  }
  chunks.push(
    text(`${xref.join('')}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`),
  );
  return { pdf: Buffer.concat(chunks), placed };
}

export interface PopplerView {
  text: string;
  fonts: string;
  /** The page rendered at 72 dpi: one pixel per point, as the reader sees it. */
  render: { data: Buffer; width: number; height: number };
}

export async function popplerView(pdf: Buffer): Promise<PopplerView> {
  const dir = await mkdtemp(path.join(tmpdir(), 'appearance-'));
  try {
    const file = path.join(dir, 'page.pdf');
    await writeFile(file, pdf);
    const [text, fonts] = await Promise.all([
      run('pdftotext', ['-enc', 'UTF-8', file, '-']).then((r) => r.stdout),
      run('pdffonts', [file]).then((r) => r.stdout),
      run('pdftoppm', ['-r', '72', '-png', '-singlefile', file, path.join(dir, 'page')]),
    ]);
    const png = await readFile(path.join(dir, 'page.png'));
    const { data, info } = await sharp(png)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { text, fonts, render: { data, width: info.width, height: info.height } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export type Rgb = [number, number, number];

/** The pixels of a reader-space rect (points, y upwards) in a 72 dpi render. */
export function pixelsIn(render: PopplerView['render'], rect: Rect): Rgb[] {
  const x1 = Math.max(0, Math.ceil(rect[0]));
  const x2 = Math.min(render.width, Math.floor(rect[2]));
  const top = Math.max(0, Math.ceil(render.height - rect[3]));
  const bottom = Math.min(render.height, Math.floor(render.height - rect[1]));
  const pixels: Rgb[] = [];
  for (let y = top; y < bottom; y++) {
    for (let x = x1; x < x2; x++) {
      const i = (y * render.width + x) * 3;
      pixels.push([render.data[i] ?? 0, render.data[i + 1] ?? 0, render.data[i + 2] ?? 0]);
    }
  }
  return pixels;
}

export const isBlue = ([r, g, b]: Rgb) => b > 120 && b > r + 50 && b > g + 30;
export const isRed = ([r, g, b]: Rgb) => r > 150 && r > g + 80 && r > b + 80;
export const isDark = ([r, g, b]: Rgb) => r < 110 && g < 110 && b < 110;

/** The reader-space box (points, y upwards) around the pixels that match, or null. */
export function boxOf(
  render: PopplerView['render'],
  matches: (pixel: Rgb) => boolean,
): Rect | null {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < render.height; y++) {
    for (let x = 0; x < render.width; x++) {
      const i = (y * render.width + x) * 3;
      const pixel: Rgb = [render.data[i] ?? 0, render.data[i + 1] ?? 0, render.data[i + 2] ?? 0];
      if (!matches(pixel)) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x + 1);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y + 1);
    }
  }
  return minX === Infinity ? null : [minX, render.height - maxY, maxX, render.height - minY];
}

/** The lines pdftotext printed, blank lines and the form feed left out. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/\f/g, '').trim())
    .filter(Boolean);
}
