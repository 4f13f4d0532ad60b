/**
 * The two small PDFs every demo dossier points at: one stands for each document an applicant
 * gave or the desk scanned, one for each result. Drawn once per seeding (a page of A4 with a
 * few lines of Noto Serif, so the Vietnamese reads right) and stored once: the file store
 * addresses content by its SHA-256, so thousands of records share one copy.
 */
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { fontPath } from '../../kernel/signing/appearance/font-files';

const A4 = { width: 595.28, height: 841.89 };

async function page(lines: readonly { text: string; size: number }[]): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(await readFile(fontPath('regular')), { subset: true });
  document.setTitle(lines[0]!.text);
  document.setProducer('tinhso');
  // A fixed date: the same bytes on every start, so the store keeps one copy.
  document.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  document.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const sheet = document.addPage([A4.width, A4.height]);
  let y = A4.height - 110;
  for (const line of lines) {
    const width = font.widthOfTextAtSize(line.text, line.size);
    sheet.drawText(line.text, {
      x: (A4.width - width) / 2,
      y,
      size: line.size,
      font,
      color: rgb(0.1, 0.1, 0.1),
    });
    y -= line.size * 2;
  }
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

export interface DemoPdfs {
  document: Buffer;
  result: Buffer;
}

export async function demoPdfs(): Promise<DemoPdfs> {
  const [document, result] = await Promise.all([
    page([
      { text: 'TÀI LIỆU MINH HỌA', size: 18 },
      { text: 'Thành phần hồ sơ của dữ liệu mẫu', size: 13 },
      { text: 'Demo document: it stands for every document of the demo dossiers.', size: 10 },
    ]),
    page([
      { text: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', size: 16 },
      { text: 'Bản minh họa của dữ liệu mẫu', size: 13 },
      { text: 'Demo result: it stands for every result of the demo dossiers.', size: 10 },
    ]),
  ]);
  return { document, result };
}
