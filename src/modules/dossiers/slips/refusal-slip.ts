/**
 * Mẫu số 03 of Circular 01/2018/TT-VPCP, PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ: the desk's
 * written refusal of a dossier it will not take up, with the reason in full, so that the
 * applicant knows why and can complain. The applicant signs it too when at the desk.
 */
import { drawApplicant } from './applicant-lines';
import { dossierCodeLine, drawHeading, drawTitle } from './heading-block';
import { bodyStyles, drawLabelled, drawParagraph } from './paragraph';
import { datelineText } from './place-date-line';
import { drawSigners, SIGN_AND_WRITE_NAME } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { FIRST_LINE_INDENT } from './slip-geometry';
import {
  deskName,
  type SlipAgency,
  type SlipApplicant,
  type SlipChannel,
  type SlipTimeZone,
} from './slip-types';
import { oneLine, paragraphsOf } from './text-wrap';
import { vietnameseDateTime } from './vietnamese-time';

export const REFUSAL_SLIP_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';

export interface RefusalSlipInput extends SlipTimeZone {
  agency: SlipAgency;
  dossierCode: string;
  channel: SlipChannel;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt?: Date | null;
  reason: string;
  officerName: string;
  issuedAt: Date;
}

export async function renderRefusalSlip(input: RefusalSlipInput): Promise<Uint8Array> {
  const reason = paragraphsOf(input.reason);
  if (reason.length === 0) throw new RangeError('a refusal gives its reason');
  const { agency, timezone } = input;

  const flow = await startSlip({
    title: `${REFUSAL_SLIP_TITLE} ${input.dossierCode}`,
    issuedAt: input.issuedAt,
  });
  const styles = bodyStyles(flow.fonts);
  drawHeading(flow, { agency, dateline: datelineText(agency.placeName, input.issuedAt, timezone) });
  drawTitle(flow, REFUSAL_SLIP_TITLE, [dossierCodeLine(flow.fonts, input.dossierCode)]);

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
      text:
        `Qua xem xét, ${deskName(agency)} thông báo không tiếp nhận, giải quyết hồ sơ này ` +
        'với lý do cụ thể như sau:',
      style: styles.regular,
    },
  ]);
  for (const paragraph of reason) {
    drawParagraph(flow, [{ text: paragraph, style: styles.regular }], {
      firstIndent: FIRST_LINE_INDENT,
    });
  }
  drawParagraph(flow, [
    { text: 'Xin thông báo để Ông/Bà được biết và thực hiện./.', style: styles.regular },
  ]);

  const officer = {
    titles: ['NGƯỜI TIẾP NHẬN HỒ SƠ'],
    note: SIGN_AND_WRITE_NAME,
    fullName: oneLine(input.officerName),
  };
  drawSigners(
    flow,
    input.channel === 'TRUC_TIEP'
      ? {
          left: {
            titles: ['NGƯỜI NỘP HỒ SƠ'],
            note: SIGN_AND_WRITE_NAME,
            fullName: input.applicant.name,
          },
          right: officer,
        }
      : { right: officer },
  );
  return saveSlip(flow);
}
