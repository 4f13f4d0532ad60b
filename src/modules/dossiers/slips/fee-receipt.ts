/**
 * The receipt of fees and charges paid for a dossier (biên lai thu phí, lệ phí): its series
 * and number, who paid, for which dossier, each line with its kind (phí or lệ phí, Law on Fees
 * and Charges 2015) and amount, the total in figures and in words, how it was paid (online
 * through a payment provider, or at the desk) and when.
 */
import type { PaymentProvider } from '../dossiers.tables';
import { drawHeading, drawTitle } from './heading-block';
import { amountInWords, formatDong } from './money-words';
import { bodyStyles, drawLabelled, drawParagraph } from './paragraph';
import { datelineText } from './place-date-line';
import { drawSigners, SIGN_AND_WRITE_NAME } from './signer-block';
import { saveSlip, startSlip } from './slip-document';
import { SIZE } from './slip-geometry';
import { drawTable } from './slip-table';
import { deskName, type SlipAgency, type SlipApplicant, type SlipTimeZone } from './slip-types';
import { oneLine } from './text-wrap';
import { vietnameseDateTime } from './vietnamese-time';

export const FEE_RECEIPT_TITLE = 'BIÊN LAI THU PHÍ, LỆ PHÍ';

export type FeeKind = 'PHI' | 'LE_PHI';

export interface FeeLine {
  kind: FeeKind;
  description: string;
  /** Whole đồng. */
  amount: number;
}

export interface FeePayment {
  provider: PaymentProvider;
  /** The provider's transaction number (vnp_TransactionNo), for an online payment. */
  transactionRef?: string | null;
  bankCode?: string | null;
}

export interface FeeReceiptInput extends SlipTimeZone {
  agency: SlipAgency;
  /** Ký hiệu of the receipt series, when the agency's receipts carry one. */
  series?: string | null;
  receiptNumber: string;
  payer: SlipApplicant;
  dossierCode: string;
  procedureName?: string | null;
  lines: readonly FeeLine[];
  payment: FeePayment;
  paidAt: Date;
  /** The officer who took the money at the desk, or who issued the receipt. */
  collectorName?: string | null;
}

export const FEE_KIND_TEXT: Record<FeeKind, string> = { PHI: 'Phí', LE_PHI: 'Lệ phí' };

export function paymentMethodText(payment: FeePayment, agency: SlipAgency): string {
  const details = [
    payment.transactionRef?.trim() ? `mã giao dịch ${payment.transactionRef.trim()}` : '',
    payment.bankCode?.trim() ? `ngân hàng ${payment.bankCode.trim()}` : '',
  ].filter(Boolean);
  const suffix = details.length > 0 ? ` (${details.join(', ')})` : '';
  switch (payment.provider) {
    case 'vnpay':
      return `Trực tuyến qua cổng thanh toán VNPAY${suffix}`;
    case 'sandbox':
      return `Trực tuyến qua cổng thanh toán thử nghiệm${suffix}`;
    case 'desk':
      return `Nộp trực tiếp tại ${deskName(agency)}`;
  }
}

export async function renderFeeReceipt(input: FeeReceiptInput): Promise<Uint8Array> {
  if (input.lines.length === 0) throw new RangeError('a receipt has at least one line');
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.amount) || line.amount < 0) {
      throw new RangeError(
        `an amount must be a whole, non-negative number of đồng: ${line.amount}`,
      );
    }
  }
  const total = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const { agency, timezone } = input;

  const flow = await startSlip({
    title: `${FEE_RECEIPT_TITLE} ${input.receiptNumber}`,
    issuedAt: input.paidAt,
  });
  const styles = bodyStyles(flow.fonts);
  const regular = { font: flow.fonts.regular, size: SIZE.subtitle };
  const bold = { font: flow.fonts.bold, size: SIZE.subtitle };
  drawHeading(flow, { agency, dateline: datelineText(agency.placeName, input.paidAt, timezone) });
  // The series and the number on lines of their own, as receipt forms print them.
  drawTitle(flow, FEE_RECEIPT_TITLE, [
    ...(input.series?.trim()
      ? [
          [
            { text: 'Ký hiệu: ', style: regular },
            { text: oneLine(input.series), style: bold },
          ],
        ]
      : []),
    [
      { text: 'Số: ', style: regular },
      { text: oneLine(input.receiptNumber), style: bold },
    ],
  ]);

  drawLabelled(flow, styles, 'Tên người nộp', input.payer.name);
  drawLabelled(flow, styles, 'Địa chỉ', input.payer.address);
  drawLabelled(flow, styles, 'Mã hồ sơ', input.dossierCode);
  drawLabelled(flow, styles, 'Thủ tục', input.procedureName);
  flow.space(8);
  const cellBold = { font: flow.fonts.bold, size: SIZE.table };
  drawTable(flow, {
    columns: [
      { header: 'TT', share: 0.08, align: 'center' },
      { header: 'Nội dung thu', share: 0.52 },
      { header: 'Loại', share: 0.14, align: 'center' },
      { header: 'Số tiền', share: 0.26, align: 'right' },
    ],
    rows: [
      ...input.lines.map((line, i) => [
        String(i + 1),
        line.description,
        FEE_KIND_TEXT[line.kind],
        formatDong(line.amount),
      ]),
      [
        '',
        [{ text: 'Tổng cộng', style: cellBold }],
        '',
        [{ text: formatDong(total), style: cellBold }],
      ],
    ],
    headerStyle: { font: flow.fonts.bold, size: SIZE.tableHeader },
    cellStyle: { font: flow.fonts.regular, size: SIZE.table },
  });
  drawParagraph(flow, [
    { text: 'Số tiền bằng chữ: ', style: styles.regular },
    { text: `${amountInWords(total)}.`, style: styles.italic },
  ]);
  drawLabelled(flow, styles, 'Hình thức thanh toán', paymentMethodText(input.payment, agency));
  drawLabelled(flow, styles, 'Thời gian nộp', vietnameseDateTime(input.paidAt, timezone));

  const collector = input.collectorName?.trim();
  if (input.payment.provider === 'desk') {
    drawSigners(flow, {
      left: { titles: ['NGƯỜI NỘP TIỀN'], note: SIGN_AND_WRITE_NAME, fullName: input.payer.name },
      right: { titles: ['NGƯỜI THU TIỀN'], note: SIGN_AND_WRITE_NAME, fullName: collector ?? null },
    });
  } else if (collector) {
    drawSigners(flow, {
      right: { titles: ['NGƯỜI LẬP BIÊN LAI'], note: SIGN_AND_WRITE_NAME, fullName: collector },
    });
  } else {
    drawParagraph(flow, [
      {
        text:
          `Biên lai được lập tự động khi ${oneLine(agency.name)} nhận xác nhận thanh toán ` +
          'của cổng thanh toán.',
        style: styles.italic,
      },
    ]);
  }
  return saveSlip(flow);
}
