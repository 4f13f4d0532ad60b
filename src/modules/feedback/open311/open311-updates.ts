/**
 * A report's public history as FixMyStreet's service request updates
 * (GET servicerequestupdates, `<service_request_updates><request_update>`), and the names of
 * history actions that the updates and the `notes` extension show when a row has no message.
 */
import type { ReportStatus } from '../feedback.tables';
import { formatOpen311Datetime } from './open311-datetime';
import type { FixMyStreetUpdateStatus, Open311Locale, ServiceRequestUpdate } from './open311.types';

/** One public feedback_history row, with what the update needs around it. */
export interface ReportEventForOpen311 {
  /** feedback_history.id: stable and unique, so it is the update_id. */
  historyId: number | string;
  trackingCode: string;
  at: Date;
  action: string;
  /**
   * The report's status once this happened: the row's to_status when it changed the status,
   * otherwise the status the report kept.
   */
  statusAfter: ReportStatus;
  message: string;
  /** Public URL of the first photo attached to this history row, if any. */
  mediaUrl?: string | null;
}

const UPDATE_STATUS: Record<ReportStatus, FixMyStreetUpdateStatus> = {
  new: 'OPEN',
  received: 'INVESTIGATING',
  in_progress: 'IN_PROGRESS',
  resolved: 'FIXED',
  rejected: 'NO_FURTHER_ACTION',
  duplicate: 'DUPLICATE',
};

/** FixMyStreet's update status; a reopening is REOPEN, whatever status it reopened to. */
export function fixMyStreetUpdateStatus(
  status: ReportStatus,
  action?: string,
): FixMyStreetUpdateStatus {
  if (action === 'reopened') return 'REOPEN';
  return UPDATE_STATUS[status];
}

export function toServiceRequestUpdate(
  event: ReportEventForOpen311,
  locale: Open311Locale = 'vi',
  timeZone?: string,
): ServiceRequestUpdate {
  const update: ServiceRequestUpdate = {
    update_id: String(event.historyId),
    service_request_id: event.trackingCode,
    status: fixMyStreetUpdateStatus(event.statusAfter, event.action),
    updated_datetime: formatOpen311Datetime(event.at, timeZone),
    description: event.message.trim() || actionLabel(event.action, locale),
  };
  if (event.mediaUrl) update.media_url = event.mediaUrl;
  return update;
}

const ACTION_LABELS: Record<string, Record<Open311Locale, string>> = {
  submitted: { vi: 'Đã gửi phản ánh', en: 'Report submitted' },
  received: { vi: 'Cơ quan đã tiếp nhận', en: 'Received by the agency' },
  assigned: { vi: 'Đã giao cán bộ xử lý', en: 'Assigned to an officer' },
  in_progress: { vi: 'Đang xử lý', en: 'Being handled' },
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
export function actionLabel(action: string, locale: Open311Locale = 'vi'): string {
  return ACTION_LABELS[action]?.[locale] ?? action;
}
