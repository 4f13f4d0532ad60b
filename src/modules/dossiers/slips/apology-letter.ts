/**
 * Mẫu số 04 of Circular 01/2018/TT-VPCP, PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ: the
 * agency's apology for a result it will return late. It names the dossier and the appointment
 * it missed, says why, apologises, and gives the new appointment; the head of the agency signs
 * it, because the apology is the agency's and not the desk's.
 */
import { drawHeading, drawTitle } from './heading-block';
import { bodyStyles, drawParagraph } from './paragraph';
import { datelineText } from './place-date-line';
import { drawSigners } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { FIRST_LINE_INDENT } from './slip-geometry';
import type { SlipAgency, SlipApplicant, SlipTimeZone } from './slip-types';
import { oneLine, paragraphsOf, type Run } from './text-wrap';
import { vietnameseDate, vietnameseDateTime } from './vietnamese-time';

export const APOLOGY_LETTER_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';

/** The head of the agency: `CHỦ TỊCH`, or `KT. CHỦ TỊCH` over `PHÓ CHỦ TỊCH`. */
export interface AgencyHead {
  competence?: string | null;
  position: string;
  fullName: string;
}

export interface ApologyLetterInput extends SlipTimeZone {
  agency: SlipAgency;
  dossierCode: string;
  applicant: SlipApplicant;
  procedureName: string;
  receivedAt: Date;
  /** The appointment on the receipt slip, now missed. */
  originalAppointmentAt: Date;
  /** The new appointment; later than the original. */
  newAppointmentAt: Date;
  /** Why the result is late. */
  reason: string;
  head: AgencyHead;
  issuedAt: Date;
}

/** The sentence of apology, with the agency's name. */
export function apologySentence(agencyName: string): string {
  return (
    'Sự chậm trễ này đã gây phiền hà, tốn kém thời gian, chi phí đi lại cho Ông/Bà. ' +
    `${oneLine(agencyName)} thành thật xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào`
  );
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

export async function renderApologyLetter(input: ApologyLetterInput): Promise<Uint8Array> {
  if (!(input.newAppointmentAt.getTime() > input.originalAppointmentAt.getTime())) {
    throw new RangeError('the new appointment must be later than the one missed');
  }
  const reason = paragraphsOf(input.reason);
  if (reason.length === 0) throw new RangeError('an apology says why the result is late');
  const { agency, timezone } = input;
  const agencyName = oneLine(agency.name);

  const flow = await startSlip({
    title: `${APOLOGY_LETTER_TITLE} ${input.dossierCode}`,
    issuedAt: input.issuedAt,
  });
  const styles = bodyStyles(flow.fonts);
  drawHeading(flow, { agency, dateline: datelineText(agency.placeName, input.issuedAt, timezone) });
  drawTitle(flow, APOLOGY_LETTER_TITLE);
  drawParagraph(
    flow,
    [
      { text: 'Kính gửi: ', style: styles.regular },
      { text: oneLine(input.applicant.name), style: styles.bold },
    ],
    { align: 'center' },
  );

  const indented = { firstIndent: FIRST_LINE_INDENT };
  const paragraph = (runs: Run[]) => drawParagraph(flow, runs, indented);
  paragraph([
    {
      text:
        `${capitalised(vietnameseDate(input.receivedAt, timezone))}, ${agencyName} tiếp nhận hồ sơ ` +
        'của Ông/Bà đề nghị giải quyết thủ tục ',
      style: styles.regular,
    },
    { text: oneLine(input.procedureName), style: styles.bold },
    { text: '.', style: styles.regular },
  ]);
  paragraph([
    { text: 'Mã hồ sơ: ', style: styles.regular },
    { text: input.dossierCode, style: styles.bold },
    { text: '.', style: styles.regular },
  ]);
  paragraph([
    { text: 'Thời gian hẹn trả kết quả giải quyết hồ sơ: ', style: styles.regular },
    { text: vietnameseDateTime(input.originalAppointmentAt, timezone), style: styles.bold },
    { text: '.', style: styles.regular },
  ]);
  const [firstReason = '', ...moreReason] = reason;
  paragraph([
    {
      text:
        `Tuy nhiên đến nay, ${agencyName} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời ` +
        'hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, với lý do: ' +
        firstReason,
      style: styles.regular,
    },
  ]);
  for (const more of moreReason) paragraph([{ text: more, style: styles.regular }]);
  paragraph([
    { text: `${apologySentence(agencyName)} `, style: styles.regular },
    { text: vietnameseDateTime(input.newAppointmentAt, timezone), style: styles.bold },
    { text: '.', style: styles.regular },
  ]);
  paragraph([{ text: 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.', style: styles.regular }]);

  drawSigners(flow, {
    right: {
      titles: [input.head.competence ?? '', input.head.position],
      fullName: input.head.fullName,
    },
  });
  return saveSlip(flow);
}
