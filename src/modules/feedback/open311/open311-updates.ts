/**
 * A report's public history as FixMyStreet's service request updates
 * (GET servicerequestupdates, `<service_request_updates><request_update>`). A row without a
 * message is described by its action's label (status-labels.ts).
 */
import { actionLabel } from '../status-labels';
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

export { actionLabel };
