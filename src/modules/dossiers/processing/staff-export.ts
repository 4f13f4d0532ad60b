/** The columns of a dossier list export: what a desk files or hands to its leaders. */
import type { ExportColumn } from '../../../kernel/export';
import { STATUS_LABELS } from '../dossier-status-labels';
import type { listItemView } from './staff-dossiers';

type Row = ReturnType<typeof listItemView>;

const CHANNEL_LABELS = {
  TRUC_TUYEN: 'Trực tuyến',
  TRUC_TIEP: 'Trực tiếp',
  BUU_CHINH: 'Bưu chính',
} as const;

export const STAFF_EXPORT_COLUMNS: ExportColumn<Row>[] = [
  { key: 'code', header: 'Mã hồ sơ', headerEn: 'Dossier code', width: 26, value: (r) => r.code },
  {
    key: 'procedure',
    header: 'Thủ tục',
    headerEn: 'Procedure',
    width: 40,
    value: (r) => `${r.procedure.code} ${r.procedure.name}`,
  },
  {
    key: 'applicant',
    header: 'Người nộp',
    headerEn: 'Applicant',
    width: 20,
    value: (r) => r.applicantName,
  },
  {
    key: 'channel',
    header: 'Kênh nộp',
    headerEn: 'Channel',
    width: 12,
    value: (r) => CHANNEL_LABELS[r.channel],
  },
  {
    key: 'status',
    header: 'Trạng thái',
    headerEn: 'Status',
    width: 22,
    value: (r) => STATUS_LABELS[r.status].vi,
  },
  {
    key: 'step',
    header: 'Bước đang xử lý',
    headerEn: 'Current step',
    width: 30,
    value: (r) => (r.step ? `${r.step.name} (${r.step.agencyName})` : null),
  },
  {
    key: 'submittedAt',
    header: 'Ngày nộp',
    headerEn: 'Submitted',
    kind: 'datetime',
    width: 18,
    value: (r) => r.submittedAt,
  },
  {
    key: 'dueAt',
    header: 'Hẹn trả',
    headerEn: 'Due',
    kind: 'datetime',
    width: 18,
    value: (r) => r.dueAt,
  },
  {
    key: 'finishedAt',
    header: 'Ngày có kết quả',
    headerEn: 'Finished',
    kind: 'datetime',
    width: 18,
    value: (r) => r.finishedAt,
  },
  {
    key: 'late',
    header: 'Quá hạn',
    headerEn: 'Late',
    width: 9,
    value: (r) => (r.late ? 'Có' : 'Không'),
  },
  {
    key: 'agency',
    header: 'Nơi tiếp nhận',
    headerEn: 'Received by',
    width: 30,
    value: (r) => r.receivingAgency.name,
  },
];
