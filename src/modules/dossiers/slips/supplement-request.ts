/**
 * Mẫu số 02 of Circular 01/2018/TT-VPCP, PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ: what the desk
 * gives or sends an applicant whose dossier lacks something. Whose dossier and for which
 * procedure, the numbered list of what is to be supplied or corrected, the reason, whom to ask,
 * and the officer who guided the applicant (NGƯỜI HƯỚNG DẪN), dated the day it is issued.
 */
import { drawApplicant } from './applicant-lines';
import { dossierCodeLine, drawHeading, drawTitle } from './heading-block';
import {
  bodyStyles,
  drawLabelled,
  drawLabelledText,
  drawNumberedItem,
  drawParagraph,
} from './paragraph';
import { datelineText } from './place-date-line';
import { drawSigners, SIGN_AND_WRITE_NAME } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { FIRST_LINE_INDENT } from './slip-geometry';
import { deskName, type SlipAgency, type SlipApplicant, type SlipTimeZone } from './slip-types';
import { oneLine } from './text-wrap';
import { vietnameseDateTime } from './vietnamese-time';

export const SUPPLEMENT_REQUEST_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

export interface SupplementRequestInput extends SlipTimeZone {
  agency: SlipAgency;
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  /** When the dossier was received, if it was. */
  receivedAt?: Date | null;
  /** What is to be supplied or corrected, one entry per item. */
  missing: readonly string[];
  reason: string;
  /** Whom to ask while completing the dossier: `công chức Trần Văn Bình, số điện thoại …`. */
  contact?: string | null;
  officerName: string;
  issuedAt: Date;
}

export async function renderSupplementRequest(input: SupplementRequestInput): Promise<Uint8Array> {
  const missing = input.missing.map(oneLine).filter(Boolean);
  if (missing.length === 0) throw new RangeError('a supplement request lists what is missing');
  if (!oneLine(input.reason)) throw new RangeError('a supplement request gives its reason');
  const { agency, timezone } = input;

  const flow = await startSlip({
    title: `${SUPPLEMENT_REQUEST_TITLE} ${input.dossierCode}`,
    issuedAt: input.issuedAt,
  });
  const styles = bodyStyles(flow.fonts);
  drawHeading(flow, { agency, dateline: datelineText(agency.placeName, input.issuedAt, timezone) });
  drawTitle(flow, SUPPLEMENT_REQUEST_TITLE, [dossierCodeLine(flow.fonts, input.dossierCode)]);

  drawApplicant(flow, styles, input.applicant);
  drawLabelled(flow, styles, 'Nội dung yêu cầu giải quyết', input.procedureName);
  if (input.receivedAt) {
    drawLabelled(
      flow,
      styles,
      'Thời gian nhận hồ sơ',
      vietnameseDateTime(input.receivedAt, timezone),
    );
  }
  drawParagraph(flow, [
    {
      text: 'Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
      style: styles.regular,
    },
  ]);
  missing.forEach((item, i) => {
    drawNumberedItem(flow, `${i + 1}.`, [{ text: item, style: styles.regular }], {
      numberStyle: styles.regular,
      firstIndent: FIRST_LINE_INDENT,
      spaceBefore: 2,
    });
  });
  drawLabelledText(flow, styles, 'Lý do', input.reason);
  const contact = input.contact?.trim() ? oneLine(input.contact) : deskName(agency);
  drawParagraph(flow, [
    {
      text:
        'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ ' +
        `${contact} để được hướng dẫn./.`,
      style: styles.regular,
    },
  ]);

  drawSigners(flow, {
    right: { titles: ['NGƯỜI HƯỚNG DẪN'], note: SIGN_AND_WRITE_NAME, fullName: input.officerName },
  });
  return saveSlip(flow);
}
