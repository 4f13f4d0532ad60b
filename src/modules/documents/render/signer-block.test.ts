/**
 * The signer's block: the signer's appearance, given the returned anchor, lands exactly in the
 * reserved rect; the block follows the body on the last page and moves whole to a new page
 * when the body leaves too little room, and only then.
 */
import { describe, expect, it } from 'vitest';
import { demoSignaturePng, signerAppearance } from '../../../kernel/signing/appearance';
import { preparePdfSignature } from '../../../kernel/signing/pdf';
import type { RenderedDocument } from './official-document';
import { CONTENT_TOP, MARGIN } from './page-geometry';
import { renderOfficialDocument } from './render-official-document';
import { congVan, lines, pageTexts, textIn } from './render.test-support';

/** The document with the signer's visible signature drawn at the reserved block. */
async function signed(rendered: RenderedDocument, signer = congVan().signer) {
  const { signerBlock } = rendered;
  const appearance = await signerAppearance({
    pageIndex: signerBlock.pageIndex,
    anchor: signerBlock.anchor,
    fontSize: signerBlock.fontSize,
    imageHeightMm: signerBlock.imageHeightMm,
    ...signer,
    signatureImagePng: await demoSignaturePng(signer.fullName),
  });
  const prepared = preparePdfSignature(rendered.pdf, {
    signingTime: new Date('2026-11-22T02:00:00Z'),
    pageIndex: signerBlock.pageIndex,
    appearance: (context) => appearance.appearance(context),
  });
  return { pdf: prepared.bytes, layout: appearance.layout };
}

describe('the signer appearance in the reserved block', () => {
  it('covers exactly the reserved rect and reads as the signer lines', async () => {
    const rendered = await renderOfficialDocument(congVan());
    expect(rendered.pageCount).toBe(1);
    const { pdf, layout } = await signed(rendered);
    const { rect } = rendered.signerBlock;
    layout.rect.forEach((value, i) => expect(value).toBeCloseTo(rect[i] ?? NaN, 6));
    expect(lines(await textIn(pdf, 0, rect))).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn Hùng',
    ]);
    // The 35 mm reserved for the signature image is what the appearance drew it at.
    const imageHeight = layout.imageRect[3] - layout.imageRect[1];
    expect(imageHeight).toBeCloseTo((35 * 72) / 25.4, 6);
  });

  it('grows with the competence lines and stays inside the page', async () => {
    const signer = {
      competence: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      position: 'Phó Chủ tịch',
      fullName: 'Trần Thị Ánh',
    };
    const rendered = await renderOfficialDocument(congVan({ signer }));
    const { pdf, layout } = await signed(rendered, signer);
    const { rect } = rendered.signerBlock;
    layout.rect.forEach((value, i) => expect(value).toBeCloseTo(rect[i] ?? NaN, 6));
    expect(lines(await textIn(pdf, 0, rect))).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trần Thị Ánh',
    ]);
  });
});

/** One short line per paragraph, so the body's end moves a line at a time. */
function shortLines(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Dòng thứ ${i + 1} của phần nội dung.`);
}

async function lastLineOnFirstPage(count: number): Promise<number> {
  const rendered = await renderOfficialDocument(congVan({ body: shortLines(count) }));
  const [first] = await pageTexts(rendered.pdf);
  return Math.max(...[...(first ?? '').matchAll(/Dòng thứ (\d+)/g)].map((m) => Number(m[1])));
}

describe('when the body ends near the foot of a page', () => {
  it('moves the signer block whole to a new page once the body fills the page', async () => {
    // The most lines the first page holds: with that many, no further line would fit.
    const full = await lastLineOnFirstPage(80);
    const rendered = await renderOfficialDocument(congVan({ body: shortLines(full) }));
    const pages = await pageTexts(rendered.pdf);
    expect(rendered.pageCount).toBe(2);
    expect(pages[0]).toContain(`Dòng thứ ${full} của phần nội dung.`);
    expect(pages[1]).not.toMatch(/Dòng thứ/);
    const { signerBlock } = rendered;
    expect(signerBlock.pageIndex).toBe(1);
    expect(signerBlock.anchor.y).toBeCloseTo(CONTENT_TOP, 6);
    expect(lines(pages[1] ?? '')).toEqual([
      '2',
      'Nơi nhận:',
      '- Như trên;',
      '- TT Đảng ủy, TT HĐND phường (để',
      'b/c);',
      '- Lưu: VT, VP.',
    ]);
    expect(await textIn(rendered.pdf, 1, signerBlock.rect)).toBe('');
  });

  it('keeps the block on the page as long as it fits there, and not one line longer', async () => {
    const full = await lastLineOnFirstPage(80);
    let fits = full;
    let rendered = await renderOfficialDocument(congVan({ body: shortLines(fits) }));
    while (rendered.pageCount > 1) {
      fits -= 1;
      rendered = await renderOfficialDocument(congVan({ body: shortLines(fits) }));
    }
    // The block needs several lines' room: it could not follow a full page.
    expect(fits).toBeLessThan(full - 3);
    expect(rendered.signerBlock.pageIndex).toBe(0);
    expect(rendered.signerBlock.rect[1]).toBeGreaterThanOrEqual(MARGIN.bottom - 1e-6);
    // Less than one line's height plus the paragraph spacing is left under the block.
    expect(rendered.signerBlock.rect[1] - MARGIN.bottom).toBeLessThan(14 * 1.362 + 6);

    const oneMore = await renderOfficialDocument(congVan({ body: shortLines(fits + 1) }));
    expect(oneMore.pageCount).toBe(2);
    expect(oneMore.signerBlock.pageIndex).toBe(1);
    const [first] = await pageTexts(oneMore.pdf);
    expect(first).toContain(`Dòng thứ ${fits + 1} của phần nội dung.`);
  });
});
