/** How a report's statuses and history actions are named to people, in both languages. */
import type { HistoryAction, ReportStatus } from './feedback.tables';

export const STATUS_LABELS: Readonly<Record<ReportStatus, { vi: string; en: string }>> = {
  new: { vi: 'Mới tiếp nhận', en: 'New' },
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  resolved: { vi: 'Đã xử lý xong', en: 'Resolved' },
  rejected: { vi: 'Không xử lý', en: 'Rejected' },
  duplicate: { vi: 'Trùng phản ánh khác', en: 'Duplicate' },
};

/** The public history actions in words (Open311 updates and notes, e-mails, the portal). */
export const ACTION_LABELS: Readonly<Partial<Record<HistoryAction, { vi: string; en: string }>>> = {
  submitted: { vi: 'Đã gửi phản ánh', en: 'Report submitted' },
  received: { vi: 'Cơ quan đã tiếp nhận', en: 'Received by the agency' },
  assigned: { vi: 'Đã giao cán bộ xử lý', en: 'Assigned to an officer' },
  started: { vi: 'Đang xử lý', en: 'Being handled' },
  answered: { vi: 'Cơ quan đã trả lời', en: 'Answered by the agency' },
  resolved: { vi: 'Đã xử lý xong', en: 'Resolved' },
  rejected: { vi: 'Không thuộc diện xử lý', en: 'Not taken up' },
  duplicate: { vi: 'Trùng với một phản ánh khác', en: 'Duplicate of another report' },
  transferred: { vi: 'Đã chuyển cơ quan khác', en: 'Transferred to another agency' },
  escalated: { vi: 'Đã chuyển lên cấp trên', en: 'Escalated to a higher level' },
  reopened: { vi: 'Đã mở lại', en: 'Reopened' },
  rated: { vi: 'Người phản ánh đã đánh giá', en: 'Rated by the reporter' },
};

/** A history action in words; an action without a label shows as its code. */
export function actionLabel(action: string, locale: 'vi' | 'en' = 'vi'): string {
  return ACTION_LABELS[action as HistoryAction]?.[locale] ?? action;
}
