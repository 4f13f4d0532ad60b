/** The columns of an inbox export: what an agency files or hands to its leaders. */
import type { ExportColumn } from '../../kernel/export';
import type { ReportListItem } from './report-list.queries';
import { STATUS_LABELS } from './status-labels';

export const REPORT_EXPORT_COLUMNS: ExportColumn<ReportListItem & { overdue: boolean }>[] = [
  {
    key: 'trackingCode',
    header: 'Mã phản ánh',
    headerEn: 'Tracking code',
    width: 18,
    value: (r) => r.trackingCode,
  },
  {
    key: 'submittedAt',
    header: 'Thời gian gửi',
    headerEn: 'Submitted',
    kind: 'datetime',
    width: 18,
    value: (r) => r.submittedAt,
  },
  {
    key: 'category',
    header: 'Lĩnh vực',
    headerEn: 'Category',
    width: 24,
    value: (r) => r.categoryName,
  },
  {
    key: 'status',
    header: 'Trạng thái',
    headerEn: 'Status',
    width: 16,
    value: (r) => STATUS_LABELS[r.status].vi,
  },
  {
    key: 'agency',
    header: 'Cơ quan xử lý',
    headerEn: 'Agency',
    width: 30,
    value: (r) => r.agencyName,
  },
  {
    key: 'commune',
    header: 'Xã, phường',
    headerEn: 'Commune',
    width: 22,
    value: (r) => r.communeName,
  },
  { key: 'address', header: 'Địa điểm', headerEn: 'Address', width: 30, value: (r) => r.address },
  {
    key: 'description',
    header: 'Nội dung',
    headerEn: 'Description',
    width: 60,
    value: (r) => r.description,
  },
  {
    key: 'deadlineAt',
    header: 'Hạn xử lý',
    headerEn: 'Deadline',
    kind: 'datetime',
    width: 18,
    value: (r) => r.deadlineAt,
  },
  {
    key: 'answeredAt',
    header: 'Thời gian trả lời',
    headerEn: 'Answered',
    kind: 'datetime',
    width: 18,
    value: (r) => r.answeredAt,
  },
  { key: 'overdue', header: 'Quá hạn', headerEn: 'Overdue', width: 10, value: (r) => r.overdue },
  {
    key: 'lat',
    header: 'Vĩ độ',
    headerEn: 'Latitude',
    kind: 'number',
    width: 11,
    value: (r) => r.lat,
  },
  {
    key: 'lon',
    header: 'Kinh độ',
    headerEn: 'Longitude',
    kind: 'number',
    width: 11,
    value: (r) => r.lon,
  },
];
