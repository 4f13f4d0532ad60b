/**
 * A slip's PDF from start to bytes: a new document with the fonts embedded and the first page
 * open, described (title, language, dates) so that readers and archives can tell what it is,
 * then saved.
 */
import { PDFDocument } from 'pdf-lib';
import { PageFlow } from './page-flow';
import { embedSlipFonts } from './slip-fonts';

export interface SlipDescription {
  /** The paper's name and the dossier it concerns; shown in a reader's title bar. */
  title: string;
  /** When the paper was issued: its creation date, so the same input gives the same text. */
  issuedAt: Date;
  subject?: string;
}

export async function startSlip(description: SlipDescription): Promise<PageFlow> {
  const document = await PDFDocument.create();
  const fonts = await embedSlipFonts(document);
  document.setTitle(description.title, { showInWindowTitleBar: true });
  if (description.subject) document.setSubject(description.subject);
  document.setLanguage('vi-VN');
  document.setCreator('tinhso');
  document.setProducer('tinhso (pdf-lib)');
  document.setCreationDate(description.issuedAt);
  document.setModificationDate(description.issuedAt);
  return new PageFlow(document, fonts);
}

export async function saveSlip(flow: PageFlow): Promise<Uint8Array> {
  return flow.document.save();
}
