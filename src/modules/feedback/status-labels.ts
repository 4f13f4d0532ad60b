/** How a report's status is named to people, in both languages. */
import type { ReportStatus } from './feedback.tables';

export const STATUS_LABELS: Readonly<Record<ReportStatus, { vi: string; en: string }>> = {
  new: { vi: 'Mới tiếp nhận', en: 'New' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  resolved: { vi: 'Đã xử lý xong', en: 'Resolved' },
  rejected: { vi: 'Không xử lý', en: 'Rejected' },
  duplicate: { vi: 'Trùng phản ánh khác', en: 'Duplicate' },
};
