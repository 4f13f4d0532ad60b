/**
 * A realistic document to sign in tests and benchmarks: A4 pages of Vietnamese text in Noto
 * Serif (embedded subset), written by pdf-lib the way most office software writes PDF, with
 * object streams or with a classic cross-reference table.
 */
import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { signerAppearance } from './appearance';

const FONT = new URL('../../../assets/fonts/NotoSerif-Regular.ttf', import.meta.url);

const PARAGRAPH =
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; căn cứ Nghị định số ' +
  '30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư; Ủy ban nhân dân ' +
  'phường Hạ Long đề nghị các cơ quan, đơn vị phối hợp triển khai thực hiện nghiêm túc.';

export async function samplePdf(
  pages: number,
  /** lastPageLines: fewer lines on the last page, leaving room for the signature block. */
  options: { objectStreams?: boolean; lastPageLines?: number } = {},
): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fs.readFileSync(FONT), { subset: true });
  document.setTitle('Công văn về việc phối hợp triển khai');
  for (let index = 0; index < pages; index++) {
    const page = document.addPage([595.28, 841.89]);
    let y = 780;
    page.drawText(`Trang ${index + 1}`, { x: 60, y, size: 13, font });
    const lines = index === pages - 1 ? (options.lastPageLines ?? 34) : 34;
    for (let line = 0; line < lines; line++) {
      y -= 20;
      const start = (line * 7) % (PARAGRAPH.length - 80);
      page.drawText(PARAGRAPH.slice(start, start + 80), { x: 60, y, size: 13, font });
    }
  }
  return Buffer.from(await document.save({ useObjectStreams: options.objectStreams ?? true }));
}

/**
 * The chairman's signature block of Decree 30, laid out on page 10 of `samplePdf(10, {
 * lastPageLines: 12 })`, below its last line of text.
 */
export function chairmanBlock(signatureImagePng: Buffer) {
  return signerAppearance({
    pageIndex: 9,
    anchor: { x: 330, y: 260, width: 220 },
    competence: 'TM. ỦY BAN NHÂN DÂN',
    position: 'CHỦ TỊCH',
    fullName: 'Nguyễn Văn Hùng',
    signatureImagePng,
  });
}
