/**
 * Mẫu số 01 of Circular 01/2018/TT-VPCP, GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ: what the desk
 * gives an applicant whose dossier it accepts. The dossier's code under the title; who
 * submitted and for which procedure; the numbered contents of the form (the documents
 * received with their originals and copies, how many sets, the time allowed, when it was
 * received, the appointment to return the result, where the result will be returned); a QR
 * code opening the public tracking page, its address printed beneath; the signers.
 */
import type { ReturnMethod } from '../dossiers.tables';
import { dossierCodeLine, drawHeading, drawTitle } from './heading-block';
import type { PageFlow } from './page-flow';
import { drawApplicant } from './applicant-lines';
import { bodyStyles, drawLabelled, drawLine, drawParagraph } from './paragraph';
import { datelineText } from './place-date-line';
import { drawQrCode, qrMatrix, type QrMatrix } from './qr-code';
import { drawSigners, SIGN_AND_WRITE_NAME } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { BLOCK_SPACING, SIZE, TEXT_COLUMN, mm } from './slip-geometry';
import { drawTable } from './slip-table';
import {
  deskName,
  type SlipAgency,
  type SlipApplicant,
  type SlipChannel,
  type SlipTimeZone,
} from './slip-types';
import { trackingUrl } from './tracking-url';
import { wrapRuns } from './text-wrap';
import { vietnameseDateTime } from './vietnamese-time';

export const RECEIPT_SLIP_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

export interface ReceivedDocument {
  /** As the procedure lists it: `Tờ khai đăng ký khai sinh`. */
  name: string;
  /** Bản chính received. */
  originals: number;
  /** Bản sao (certified or plain copies) received. */
  copies: number;
}

export interface ReceiptSlipInput extends SlipTimeZone {
  agency: SlipAgency;
  dossierCode: string;
  channel: SlipChannel;
  applicant: SlipApplicant;
  procedureName: string;
  documents: readonly ReceivedDocument[];
  /** Sets of the dossier received (`Số lượng hồ sơ: 01 (bộ)`); 1 unless told. */
  sets?: number;
  /** The time the procedure allows, as the catalog words it: `05 ngày làm việc`. */
  resolutionTime?: string;
  receivedAt: Date;
  /** Ngày hẹn trả: the day and hour the result is promised for. */
  appointmentAt: Date;
  returnMethod: ReturnMethod;
  /** Where the result is handed over or sent: the desk's address, a postal address. */
  returnPlace?: string | null;
  /** The officer who received the dossier. */
  officerName: string;
  /** The portal's public address (config.publicUrl). */
  publicUrl: string;
}

/**
 * The QR code's side, quiet zone included. 26 mm gives a version-5 symbol (the tracking URL of
 * a dossier at level M) modules of 0.58 mm, above the 0.5 mm phone cameras read at arm's length.
 */
const QR_SIZE = mm(26);

/** The module matrix the receipt's QR code draws: the tracking page's URL for the dossier. */
export function trackingQrMatrix(publicUrl: string, dossierCode: string): QrMatrix {
  return qrMatrix(trackingUrl(publicUrl, dossierCode));
}

export function returnMethodText(method: ReturnMethod, agency: SlipAgency): string {
  switch (method) {
    case 'electronic':
      return 'Trực tuyến (kết quả điện tử trên Cổng Dịch vụ công)';
    case 'desk':
      return `Trực tiếp tại ${deskName(agency)}`;
    case 'post':
      return 'Qua dịch vụ bưu chính công ích';
  }
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function count(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a whole, non-negative number: ${value}`);
  }
  return value;
}

export async function renderReceiptSlip(input: ReceiptSlipInput): Promise<Uint8Array> {
  const { agency, timezone } = input;
  const url = trackingUrl(input.publicUrl, input.dossierCode);
  const matrix = trackingQrMatrix(input.publicUrl, input.dossierCode);
  const sets = count(input.sets ?? 1, 'the number of sets');
  const originals = input.documents.reduce((sum, d) => sum + count(d.originals, 'originals'), 0);
  const copies = input.documents.reduce((sum, d) => sum + count(d.copies, 'copies'), 0);

  const flow = await startSlip({
    title: `${RECEIPT_SLIP_TITLE} ${input.dossierCode}`,
    issuedAt: input.receivedAt,
  });
  const styles = bodyStyles(flow.fonts);
  drawHeading(flow, {
    agency,
    dateline: datelineText(agency.placeName, input.receivedAt, timezone),
  });
  drawTitle(flow, RECEIPT_SLIP_TITLE, [dossierCodeLine(flow.fonts, input.dossierCode)]);

  drawApplicant(flow, styles, input.applicant);
  drawLabelled(flow, styles, 'Nội dung yêu cầu giải quyết', input.procedureName);

  let item = 0;
  const numbered = (label: string, value: string, after = '') =>
    drawParagraph(flow, [
      { text: `${++item}. ${label}: `, style: styles.regular },
      { text: value, style: styles.bold },
      ...(after ? [{ text: after, style: styles.regular }] : []),
    ]);

  drawParagraph(flow, [{ text: `${++item}. Thành phần hồ sơ nộp gồm:`, style: styles.regular }]);
  flow.space(4);
  drawTable(flow, {
    columns: [
      { header: 'TT', share: 0.08, align: 'center' },
      { header: 'Tên giấy tờ', share: 0.62 },
      { header: 'Bản chính', share: 0.15, align: 'center' },
      { header: 'Bản sao', share: 0.15, align: 'center' },
    ],
    rows: input.documents.map((document, i) => [
      String(i + 1),
      document.name,
      String(document.originals),
      String(document.copies),
    ]),
    headerStyle: { font: flow.fonts.bold, size: SIZE.tableHeader },
    cellStyle: { font: flow.fonts.regular, size: SIZE.table },
  });
  numbered(
    'Số lượng hồ sơ',
    `${twoDigits(sets)} (bộ)`,
    `, gồm ${input.documents.length} giấy tờ (${originals} bản chính, ${copies} bản sao).`,
  );
  if (input.resolutionTime?.trim()) {
    numbered('Thời gian giải quyết hồ sơ theo quy định là', input.resolutionTime.trim());
  }
  numbered('Thời gian nhận hồ sơ', vietnameseDateTime(input.receivedAt, timezone));
  numbered(
    'Thời gian trả kết quả giải quyết hồ sơ',
    vietnameseDateTime(input.appointmentAt, timezone),
  );
  const place = input.returnPlace?.trim();
  numbered(
    'Đăng ký nhận kết quả tại',
    returnMethodText(input.returnMethod, agency) + (place ? ` (${place})` : ''),
  );

  drawTrackingCode(flow, matrix, url);

  const officer = {
    titles: ['NGƯỜI TIẾP NHẬN HỒ SƠ'],
    note: SIGN_AND_WRITE_NAME,
    fullName: input.officerName,
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

/**
 * The QR code with a line beside it on what it opens, and the address itself beneath, in full
 * on its own lines, for whoever types it in. The three stay together on one page.
 */
function drawTrackingCode(flow: PageFlow, matrix: QrMatrix, url: string): void {
  const small = { font: flow.fonts.regular, size: SIZE.small };
  const italic = { font: flow.fonts.italic, size: SIZE.small };
  const gap = mm(4);
  const besideWidth = TEXT_COLUMN.width - QR_SIZE - gap;
  const beside = wrapRuns(
    [
      {
        text:
          'Quét mã QR hoặc mở địa chỉ dưới đây để tra cứu tình trạng giải quyết hồ sơ ' +
          '(nhập thêm 4 chữ số cuối của số giấy tờ tùy thân đã khai khi nộp hồ sơ).',
        style: italic,
      },
    ],
    besideWidth,
  );
  const address = wrapRuns([{ text: url, style: small }], TEXT_COLUMN.width);
  const height = QR_SIZE + address.reduce((sum, line) => sum + line.height, 0);
  flow.space(BLOCK_SPACING / 2);
  const { page, top } = flow.take(height);
  drawQrCode(page, matrix, TEXT_COLUMN.x, top, QR_SIZE);
  // The text beside is centred on the symbol's height.
  let y = top - QR_SIZE / 2 + beside.reduce((sum, line) => sum + line.height, 0) / 2;
  for (const line of beside) {
    drawLine(page, line, TEXT_COLUMN.x + QR_SIZE + gap, y - line.ascent);
    y -= line.height;
  }
  y = top - QR_SIZE;
  for (const line of address) {
    drawLine(page, line, TEXT_COLUMN.x, y - line.ascent);
    y -= line.height;
  }
}
