/**
 * The electronic result of a dossier (kết quả giải quyết thủ tục hành chính điện tử) on one
 * page where the facts allow: the agency's heading, the result's number and title as the
 * procedure names it (`TRÍCH LỤC KHAI SINH`), the facts it certifies as a table of labelled
 * values, the dossier it answers, the dateline, and the signer's position and name with an
 * empty band between them. The band is where the digital signature's appearance goes: it is
 * returned in PDF points, so the caller signs the bytes with kernel/signing's PAdES signer and
 * puts the appearance there (for the agency's seal, `signatureLayoutOf(box)` is the layout
 * `sealAppearance` places it from).
 */
import type { Rect, SignerLayout } from '../../../kernel/signing/appearance';
import { drawHeading, drawTitle } from './heading-block';
import { bodyStyles, drawParagraph } from './paragraph';
import { datelineText } from './place-date-line';
import { drawSigners } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { SIZE, mm } from './slip-geometry';
import { drawTable } from './slip-table';
import type { SlipAgency, SlipTimeZone } from './slip-types';
import { oneLine } from './text-wrap';

export interface ResultFact {
  label: string;
  value: string;
}

export interface ResultSigner {
  /** `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `TL. CHỦ TỊCH`. */
  competence?: string | null;
  /** `CHỦ TỊCH`, `PHÓ CHỦ TỊCH`. */
  position: string;
  fullName: string;
}

export interface ResultDocumentInput extends SlipTimeZone {
  agency: SlipAgency;
  /** `Số: 125/TLKS-BS`, when the result is numbered. */
  numberLine?: string | null;
  /** As the procedure names its result: `TRÍCH LỤC KHAI SINH`. */
  title: string;
  /** A line under the title: `(Bản chính)`. */
  subtitle?: string | null;
  facts: readonly ResultFact[];
  dossierCode: string;
  issuedAt: Date;
  signer: ResultSigner;
}

/**
 * Where the digital signature's appearance goes. `page` is 0-based, as signPdf's `pageIndex`;
 * `x` and `y` are the band's bottom left corner in PDF points from the page's bottom left, the
 * page being unrotated with its box at the origin; `width` and `height` are in points.
 */
export interface SignatureBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedResult {
  pdf: Uint8Array;
  signatureBox: SignatureBox;
}

/**
 * The band's height: a handwritten signature image with the agency's seal, 35–42 mm across,
 * centred on its left third; 35 mm keeps most of the seal off the position and the name.
 */
export const RESULT_SIGNATURE_HEIGHT = mm(35);

export async function renderResult(input: ResultDocumentInput): Promise<RenderedResult> {
  const facts = input.facts
    .map((fact) => ({ label: oneLine(fact.label), value: oneLine(fact.value) }))
    .filter((fact) => fact.label || fact.value);
  if (facts.length === 0) throw new RangeError('a result states at least one fact');
  if (!oneLine(input.title)) throw new RangeError('a result has a title');
  const { agency, timezone } = input;

  const flow = await startSlip({
    title: `${oneLine(input.title)} ${input.dossierCode}`,
    subject: 'Kết quả giải quyết thủ tục hành chính',
    issuedAt: input.issuedAt,
  });
  const styles = bodyStyles(flow.fonts);
  drawHeading(flow, {
    agency,
    dateline: datelineText(agency.placeName, input.issuedAt, timezone),
    ...(input.numberLine?.trim() ? { numberLine: input.numberLine } : {}),
  });
  const subtitle = input.subtitle?.trim();
  drawTitle(
    flow,
    input.title,
    subtitle ? [[{ text: subtitle, style: { font: flow.fonts.italic, size: SIZE.subtitle } }]] : [],
  );

  const labelStyle = { font: flow.fonts.regular, size: SIZE.body };
  drawTable(flow, {
    columns: [
      { header: '', share: 0.4 },
      { header: '', share: 0.6 },
    ],
    rows: facts.map((fact) => [fact.label, [{ text: fact.value, style: styles.bold }]]),
    headerStyle: labelStyle,
    cellStyle: labelStyle,
  });
  drawParagraph(flow, [
    { text: 'Mã hồ sơ: ', style: styles.regular },
    { text: input.dossierCode, style: styles.bold },
  ]);

  const { right } = drawSigners(
    flow,
    {
      right: {
        titles: [input.signer.competence ?? '', input.signer.position],
        fullName: input.signer.fullName,
      },
    },
    RESULT_SIGNATURE_HEIGHT,
  );
  return {
    pdf: await saveSlip(flow),
    signatureBox: {
      page: right.pageIndex,
      x: right.x,
      y: right.y,
      width: right.width,
      height: right.height,
    },
  };
}

/** The box as a rectangle `[x1, y1, x2, y2]`, the kernel's appearance geometry. */
export function signatureBoxRect(box: SignatureBox): Rect {
  return [box.x, box.y, box.x + box.width, box.y + box.height];
}

/**
 * The box as the layout of a signer's block whose signature image fills it: what
 * kernel/signing's `sealAppearance` places the agency's seal from (over the left third).
 */
export function signatureLayoutOf(box: SignatureBox): SignerLayout {
  const rect = signatureBoxRect(box);
  return { pageIndex: box.page, rect, imageRect: [...rect] };
}
