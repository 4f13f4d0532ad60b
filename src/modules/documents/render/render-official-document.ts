/**
 * An administrative document (văn bản hành chính) as a PDF in the layout of Decree
 * 30/2020/NĐ-CP, Appendix I, ready to be signed: the places of the number, the dateline and
 * the signer's block are left empty and returned, for the signatures that fill them.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { drawBody, paragraphsOf } from './body';
import { embedDocumentFonts } from './document-fonts';
import { drawFooter } from './footer';
import { drawHeader } from './header';
import type { OfficialDocumentInput, RenderedDocument } from './official-document';
import { drawRecipients, drawTitle } from './opening';
import { PageFlow } from './page-flow';
import { drawPageNumbers } from './page-numbers';
import { oneLine } from './text-wrap';

export async function renderOfficialDocument(
  input: OfficialDocumentInput,
): Promise<RenderedDocument> {
  checkInput(input);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const fonts = await embedDocumentFonts(document);
  const flow = new PageFlow(document);

  // A type name of blanks is no type: the document is a công văn.
  const typeName = oneLine(input.typeName ?? '');
  const typed = typeName !== '';
  const { numberField, datelineField } = drawHeader(flow, fonts, { ...input, typed });
  if (typed) drawTitle(flow, fonts, typeName, input.subject);
  drawRecipients(flow, fonts, input.recipientsLine);
  drawBody(flow, fonts, input.body, typed);
  const signerBlock = drawFooter(flow, fonts, input);
  drawPageNumbers(flow.pages, fonts);

  const subject = oneLine(input.subject);
  document.setTitle(typed ? `${typeName} ${subject}` : `V/v ${subject}`);
  document.setAuthor(oneLine(input.issuerName));
  document.setLanguage('vi-VN');
  document.setCreator('tinhso');
  document.setProducer('tinhso');
  const pdf = Buffer.from(await document.save());
  return { pdf, pageCount: flow.pages.length, numberField, datelineField, signerBlock };
}

/** The parts every document has; without them it is not a document that can be issued. */
function checkInput(input: OfficialDocumentInput): void {
  const required: [string, string][] = [
    ['issuerName', input.issuerName],
    ['codeNotation', input.codeNotation],
    ['placeName', input.placeName],
    ['subject', input.subject],
    ['signer.position', input.signer.position],
    ['signer.fullName', input.signer.fullName],
  ];
  const missing = required.filter(([, value]) => !oneLine(value ?? '')).map(([name]) => name);
  if (paragraphsOf(input.body).length === 0) missing.push('body');
  if (missing.length > 0) throw new RangeError(`required and empty: ${missing.join(', ')}`);
}
