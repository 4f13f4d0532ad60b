/**
 * A register for a period as a spreadsheet, with the columns of the paper registers of
 * Decree 30/2020 Appendix IV (sổ đăng ký văn bản đi / đến), so the printout can be bound as
 * the year's register. The signature columns (ký nhận) stay empty for the paper copy.
 */
import type { ExportColumn } from '../../kernel/export';
import type { DocumentsDb } from './documents-db';
import {
  incomingQuery,
  outgoingQuery,
  type IncomingFilters,
  type OutgoingFilters,
} from './document-list.queries';

/** `2026-11-22` → `22/11/2026`, as registers are written. */
function vietnameseDate(date: string | null): string | null {
  if (!date) return null;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export interface OutgoingRegisterRow {
  notation: string | null;
  promulgatedOn: string | null;
  typeName: string;
  subject: string;
  signerName: string | null;
  recipients: string | null;
  status: string;
}

export const OUTGOING_REGISTER_COLUMNS: ExportColumn<OutgoingRegisterRow>[] = [
  {
    key: 'notation',
    header: 'Số, ký hiệu văn bản',
    headerEn: 'Number and notation',
    width: 18,
    value: (r) => r.notation,
  },
  {
    key: 'date',
    header: 'Ngày tháng văn bản',
    headerEn: 'Date',
    width: 12,
    value: (r) => vietnameseDate(r.promulgatedOn),
  },
  {
    key: 'subject',
    header: 'Tên loại và trích yếu nội dung văn bản',
    headerEn: 'Type and excerpt',
    width: 60,
    value: (r) => `${r.typeName}: ${r.subject}`,
  },
  {
    key: 'signer',
    header: 'Người ký',
    headerEn: 'Signed by',
    width: 22,
    value: (r) => r.signerName,
  },
  {
    key: 'recipients',
    header: 'Nơi nhận văn bản',
    headerEn: 'Recipients',
    width: 40,
    value: (r) => r.recipients,
  },
  {
    key: 'archive',
    header: 'Đơn vị, người nhận bản lưu',
    headerEn: 'File copy kept by',
    width: 16,
    value: () => 'Văn thư',
  },
  {
    key: 'copies',
    header: 'Số lượng bản',
    headerEn: 'Copies',
    width: 8,
    kind: 'number',
    value: () => null,
  },
  {
    key: 'sent',
    header: 'Ngày chuyển',
    headerEn: 'Sent on',
    width: 12,
    value: (r) => vietnameseDate(r.promulgatedOn),
  },
  {
    key: 'receipt',
    header: 'Ký nhận',
    headerEn: 'Signature of receipt',
    width: 12,
    value: () => null,
  },
  {
    key: 'note',
    header: 'Ghi chú',
    headerEn: 'Notes',
    width: 16,
    value: (r) =>
      r.status === 'recalled' ? 'Đã thu hồi' : r.status === 'replaced' ? 'Đã bị thay thế' : null,
  },
];

export interface IncomingRegisterRow {
  receivedAt: Date;
  number: number | null;
  senderName: string;
  notation: string;
  promulgatedOn: string;
  typeName: string;
  subject: string;
  handlingUnit: string | null;
  status: string;
}

export const INCOMING_REGISTER_COLUMNS: ExportColumn<IncomingRegisterRow>[] = [
  {
    key: 'receivedAt',
    header: 'Ngày đến',
    headerEn: 'Arrived',
    kind: 'datetime',
    width: 17,
    value: (r) => r.receivedAt,
  },
  {
    key: 'number',
    header: 'Số đến',
    headerEn: 'Arrival number',
    kind: 'number',
    width: 8,
    value: (r) => r.number,
  },
  { key: 'sender', header: 'Tác giả', headerEn: 'Issuer', width: 32, value: (r) => r.senderName },
  {
    key: 'notation',
    header: 'Số, ký hiệu',
    headerEn: 'Number and notation',
    width: 18,
    value: (r) => r.notation,
  },
  {
    key: 'date',
    header: 'Ngày tháng',
    headerEn: 'Date',
    width: 12,
    value: (r) => vietnameseDate(r.promulgatedOn),
  },
  {
    key: 'subject',
    header: 'Tên loại và trích yếu nội dung',
    headerEn: 'Type and excerpt',
    width: 60,
    value: (r) => `${r.typeName}: ${r.subject}`,
  },
  {
    key: 'unit',
    header: 'Đơn vị hoặc người nhận',
    headerEn: 'Handled by',
    width: 24,
    value: (r) => r.handlingUnit,
  },
  {
    key: 'receipt',
    header: 'Ký nhận',
    headerEn: 'Signature of receipt',
    width: 12,
    value: () => null,
  },
  {
    key: 'note',
    header: 'Ghi chú',
    headerEn: 'Notes',
    width: 16,
    value: (r) =>
      r.status === 'done' ? 'Đã xử lý xong' : r.status === 'recalled' ? 'Đã thu hồi' : null,
  },
];

const BATCH = 1000;

export async function* outgoingRegisterRows(
  db: DocumentsDb,
  filters: OutgoingFilters,
): AsyncGenerator<OutgoingRegisterRow> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await outgoingQuery(db, { ...filters, box: 'register' })
      .select(['notation', 'promulgatedOn', 'typeName', 'subject', 'signerName', 'status'])
      .select((eb) =>
        eb
          .selectFrom('documentRecipient')
          .select((inner) =>
            inner.fn.agg<string>('string_agg', ['organName', inner.val('; ')]).as('names'),
          )
          .whereRef('documentRecipient.outgoingId', '=', 'documentOutgoing.id')
          .as('recipients'),
      )
      .orderBy('year')
      .orderBy('number')
      .limit(BATCH)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < BATCH) return;
  }
}

export async function* incomingRegisterRows(
  db: DocumentsDb,
  filters: IncomingFilters,
): AsyncGenerator<IncomingRegisterRow> {
  for (let offset = 0; ; offset += BATCH) {
    const rows = await incomingQuery(db, { ...filters, box: 'register' })
      .select([
        'receivedAt',
        'number',
        'senderName',
        'notation',
        'promulgatedOn',
        'typeName',
        'subject',
        'handlingUnit',
        'status',
      ])
      .orderBy('year')
      .orderBy('number')
      .limit(BATCH)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < BATCH) return;
  }
}
