/**
 * Makes the web app installable and able to start offline, without a service-worker
 * framework: renders the PNG icons from the SVG emblem with sharp, and emits the
 * hand-written service worker (web/src/pwa/service-worker.js) with the list of files of
 * this build to precache and a version derived from their hashed names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Plugin } from 'vite';

interface IconSpec {
  file: string;
  size: number;
  maskable: boolean;
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, maskable: false },
  { file: 'icons/icon-512.png', size: 512, maskable: false },
  // Maskable icons are cropped to a circle or squircle by the launcher: the emblem keeps to
  // the central safe zone on a full-bleed background of the same sea colour.
  { file: 'icons/icon-maskable-512.png', size: 512, maskable: true },
];

const SEA = '#0b4f6c';

/** Libraries that load only on the pages that need them; cached when first used instead. */
const ON_DEMAND = [
  /node_modules\/maplibre-gl\//,
  /node_modules\/echarts\//,
  /node_modules\/zrender\//,
];

export async function renderIcon(svg: Buffer, icon: IconSpec): Promise<Buffer> {
  if (!icon.maskable) {
    return sharp(svg, { density: 300 }).resize(icon.size, icon.size).png().toBuffer();
  }
  const inner = Math.round(icon.size * 0.72);
  const emblem = await sharp(svg, { density: 300 }).resize(inner, inner).png().toBuffer();
  return sharp({
    create: { width: icon.size, height: icon.size, channels: 4, background: SEA },
  })
    .composite([{ input: emblem, gravity: 'centre' }])
    .png()
    .toBuffer();
}

export function injectPrecache(source: string, files: string[]): string {
  const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
  const withVersion = source.replace(
    "const VERSION = 'development';",
    `const VERSION = '${version}';`,
  );
  const withList = withVersion.replace(
    'const PRECACHE = [];',
    `const PRECACHE = ${JSON.stringify(files)};`,
  );
  if (withVersion === source || withList === withVersion) {
    throw new Error('service-worker.js lost its VERSION or PRECACHE line');
  }
  return withList;
}

export function pwa(): Plugin {
  let root = process.cwd();
  const readSvg = (): Buffer => fs.readFileSync(path.join(root, 'public/icons/icon.svg'));

  return {
    name: 'tinhso-pwa',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      // The dev server renders the icons on request; no service worker runs in development.
      server.middlewares.use((request, response, next) => {
        const icon = ICONS.find((candidate) => request.url === `/${candidate.file}`);
        if (!icon) return next();
        renderIcon(readSvg(), icon).then(
          (png) => {
            response.setHeader('Content-Type', 'image/png');
            response.end(png);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle(_options, bundle) {
      const svg = readSvg();
      for (const icon of ICONS) {
        this.emitFile({ type: 'asset', fileName: icon.file, source: await renderIcon(svg, icon) });
      }

      const onDemandCss = new Set<string>();
      const shell: string[] = [];
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const onDemand = output.moduleIds.some((id) => ON_DEMAND.some((re) => re.test(id)));
        const css = [...(output.viteMetadata?.importedCss ?? [])];
        if (onDemand) css.forEach((file) => onDemandCss.add(file));
        else shell.push(output.fileName);
      }
      for (const output of Object.values(bundle)) {
        if (output.type !== 'asset') continue;
        if (output.fileName.endsWith('.css') && !onDemandCss.has(output.fileName)) {
          shell.push(output.fileName);
        }
      }
      const files = [
        '/index.html',
        '/manifest.webmanifest',
        '/icons/icon.svg',
        ...ICONS.map((icon) => `/${icon.file}`),
        ...shell.sort().map((file) => `/${file}`),
      ];
      const source = fs.readFileSync(path.join(root, 'src/pwa/service-worker.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: injectPrecache(source, files) });
    },
  };
}
