/**
 * The appearances as poppler sees them: text extracted with pdftotext (proves glyphs and
 * ToUnicode), fonts listed by pdffonts, and pixels of a 72 dpi render (proves where the
 * images and text land, upright, on plain and rotated pages).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Rect } from './appearance-types';
import {
  boxOf,
  isBlue,
  isDark,
  isRed,
  onePagePdf,
  pixelsIn,
  popplerView,
  textLines,
  type PopplerView,
} from './appearance.test-support';
import { attachmentStampAppearance, sealAppearance, signerAppearance } from './decree30-layout';
import { demoSealPng, demoSignaturePng } from './demo-images';

const A4 = { width: 595.28, height: 841.89 };

let signaturePng: Buffer;
let sealPng: Buffer;

beforeAll(async () => {
  [signaturePng, sealPng] = await Promise.all([
    demoSignaturePng('Nguyễn Văn Hùng'),
    demoSealPng('Ủy ban nhân dân tỉnh Lâm Đồng'),
  ]);
});

async function mainDocumentSignatures(anchor = { x: 320, y: 300, width: 220 }) {
  const signer = await signerAppearance({
    anchor,
    competence: ['TM. Ủy ban nhân dân', 'KT. CHỦ TỊCH'],
    position: 'phó chủ tịch',
    // Decomposed on purpose, as some keyboards send it: the PDF must carry NFC text.
    fullName: 'Nguyễn Văn Hùng'.normalize('NFD'),
    signatureImagePng: signaturePng,
  });
  const seal = await sealAppearance({
    signerLayout: signer.layout,
    sealImagePng: sealPng,
    diameterMm: 36,
  });
  return { signer, seal };
}

/** The part of a rect between two fractions of its width. */
function slice(rect: Rect, from: number, to: number): Rect {
  const w = rect[2] - rect[0];
  return [rect[0] + w * from, rect[1], rect[0] + w * to, rect[3]];
}

describe.each([
  { rotate: 0, mode: 'widgets' as const },
  { rotate: 0, mode: 'painted' as const },
  { rotate: 90, mode: 'widgets' as const },
  { rotate: 270, mode: 'widgets' as const },
])('signer block and seal on an A4 page, /Rotate $rotate, as $mode', ({ rotate, mode }) => {
  let view: PopplerView;
  let imageRect: Rect;
  let sealRect: Rect;
  let blockRect: Rect;

  beforeAll(async () => {
    const { signer, seal } = await mainDocumentSignatures();
    imageRect = signer.layout.imageRect;
    blockRect = signer.layout.rect;
    sealRect = seal.layout.rect;
    const page = { ...A4, rotate };
    view = await popplerView(onePagePdf(page, [signer.appearance, seal.appearance], mode).pdf);
  });

  it('extracts the block as text, in order, with every diacritic', () => {
    expect(textLines(view.text)).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn Hùng',
    ]);
  });

  it('embeds one subset CID TrueType font, Identity-H, with a ToUnicode map', () => {
    const rows = view.fonts.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^[A-Z]{6}\+NotoSerif-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/,
    );
  });

  it('draws the blue signature upright, where the layout put its image', () => {
    const blue = boxOf(view.render, isBlue);
    expect(blue).not.toBeNull();
    // The ink lies inside the image's rect and fills most of its width: had the image been
    // turned with the page, its box would be tall and narrow and outside the rect.
    const [x1, y1, x2, y2] = blue!;
    expect(x1).toBeGreaterThanOrEqual(imageRect[0] - 1);
    expect(x2).toBeLessThanOrEqual(imageRect[2] + 1);
    expect(y1).toBeGreaterThanOrEqual(imageRect[1] - 1);
    expect(y2).toBeLessThanOrEqual(imageRect[3] + 1);
    expect(x2 - x1).toBeGreaterThan(0.8 * (imageRect[2] - imageRect[0]));
    expect(x2 - x1).toBeGreaterThan(2 * (y2 - y1));
  });

  it('puts the red seal over the left third of the signature, not over the rest', () => {
    const leftThird = pixelsIn(view.render, slice(imageRect, 0, 1 / 3));
    const rightPart = pixelsIn(view.render, slice(imageRect, 0.4, 1));
    expect(leftThird.filter(isRed).length).toBeGreaterThan(50);
    expect(rightPart.filter(isRed)).toHaveLength(0);
    expect(rightPart.filter(isBlue).length).toBeGreaterThan(50);
    const red = boxOf(view.render, isRed);
    expect(red).not.toBeNull();
    // Real size: the ring spans the 36 mm diameter, within a couple of points.
    expect(red![2] - red![0]).toBeGreaterThan(sealRect[2] - sealRect[0] - 3);
    expect(red![2] - red![0]).toBeLessThan(sealRect[2] - sealRect[0] + 1);
  });

  it('keeps the black text above and below the image, inside the block', () => {
    const above: Rect = [blockRect[0], imageRect[3], blockRect[2], blockRect[3]];
    const below: Rect = [sealRect[2], blockRect[1], blockRect[2], imageRect[1]];
    expect(pixelsIn(view.render, above).filter(isDark).length).toBeGreaterThan(200);
    expect(pixelsIn(view.render, below).filter(isDark).length).toBeGreaterThan(50);
    const outside: Rect = [0, 0, blockRect[0] - 60, A4.height];
    expect(pixelsIn(view.render, outside).filter(isDark)).toHaveLength(0);
  });
});

describe.each([
  { name: 'A4 portrait', width: A4.width, height: A4.height, rotate: 0 },
  { name: 'A4 landscape', width: A4.height, height: A4.width, rotate: 0 },
  { name: 'A4 portrait turned by /Rotate 90', width: A4.width, height: A4.height, rotate: 90 },
])('attachment stamp on $name', (page) => {
  let view: PopplerView;

  beforeAll(async () => {
    const stamp = await attachmentStampAppearance({
      numberNotation: '15/QĐ-UBND',
      signedAt: new Date('2026-11-21T02:30:05.250Z'),
    });
    view = await popplerView(onePagePdf(page, [stamp.appearance]).pdf);
  });

  it('reads as the number and notation, then the time in ISO 8601 at +07:00', () => {
    expect(textLines(view.text)).toEqual(['15/QĐ-UBND', '2026-11-21T09:30:05+07:00']);
    expect(view.fonts).toMatch(/[A-Z]{6}\+NotoSerif-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('sits upright in the top right corner, in black', () => {
    const ink = boxOf(view.render, isDark);
    expect(ink).not.toBeNull();
    const [x1, y1, x2, y2] = ink!;
    const { width, height } = view.render;
    expect(x1).toBeGreaterThan(width / 2);
    expect(y1).toBeGreaterThan(height * 0.85);
    // Within the 15 mm right margin and the 8 mm top margin, give or take antialiasing.
    expect(x2).toBeLessThanOrEqual(width - 42);
    expect(x2).toBeGreaterThan(width - 45);
    expect(y2).toBeLessThanOrEqual(height - 22);
    // Two lines of size-10 text: far wider than tall, unlike text turned with the page.
    expect(x2 - x1).toBeGreaterThan(100);
    expect(y2 - y1).toBeLessThan(26);
    expect(y2 - y1).toBeGreaterThan(17);
  });
});
