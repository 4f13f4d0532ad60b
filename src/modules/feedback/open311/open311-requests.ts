/**
 * A report as an Open311 service request (GET requests, GET requests/{id}), and the list
 * parameters of GET requests. Nothing about the reporter is ever part of it: the request
 * carries what the public list shows (the moderated description when there is one).
 */
import { CLOSED_STATUSES, OPEN_STATUSES, type ReportStatus } from '../feedback.tables';
import { formatOpen311Datetime } from './open311-datetime';
import { open311Errors } from './open311-errors';
import { actionLabel } from './open311-updates';
import type {
  FixMyStreetRequestStatus,
  Open311Locale,
  RequestStatus,
  ServiceRequest,
} from './open311.types';

/** The report columns, joined names and public URLs a service request is made of. */
export interface ReportForOpen311 {
  trackingCode: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string;
  status: ReportStatus;
  description: string;
  publicDescription: string | null;
  address: string;
  lat: number;
  lon: number;
  submittedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  deadlineAt: Date;
  /** The agency handling the report, in the reader's language. */
  agencyName: string | null;
  /** The latest public answer or status message. */
  statusNotes?: string | null;
  /** Information about what will be done, e.g. the deadline in words. */
  serviceNotice?: string | null;
  /** Public URLs of the report's visible photos; the first is media_url. */
  mediaUrls?: readonly string[];
  /** The public history rows, oldest first; sent as `notes` when extensions are asked for. */
  history?: ReadonlyArray<{ at: Date; action: string; message: string }>;
}

export interface ServiceRequestOptions {
  locale?: Open311Locale;
  /** `extensions=true`: add the `notes` history. */
  extensions?: boolean;
  /** `fixmystreet`: FixMyStreet's finer statuses (fixed, investigating…) instead of open/closed. */
  statuses?: 'standard' | 'fixmystreet';
  timeZone?: string;
}

/** "free form text limited to 4,000 characters". */
export const DESCRIPTION_MAX_LENGTH = 4000;

export function toServiceRequest(
  report: ReportForOpen311,
  options: ServiceRequestOptions = {},
): ServiceRequest {
  const { locale = 'vi', extensions = false, statuses = 'standard', timeZone } = options;
  const format = (at: Date) => formatOpen311Datetime(at, timeZone);
  const closed = CLOSED_STATUSES.includes(report.status);
  const name =
    locale === 'en' && report.categoryNameEn.trim() !== ''
      ? report.categoryNameEn
      : report.categoryName;
  const description = report.publicDescription ?? report.description;
  const request: ServiceRequest = {
    service_request_id: report.trackingCode,
    status:
      statuses === 'fixmystreet'
        ? fixMyStreetRequestStatus(report.status)
        : open311RequestStatus(report.status),
    status_notes: report.statusNotes || null,
    service_name: name,
    service_code: report.categoryCode,
    description: description ? truncate(description, DESCRIPTION_MAX_LENGTH) : null,
    agency_responsible: report.agencyName || null,
    service_notice: report.serviceNotice || null,
    requested_datetime: format(report.submittedAt),
    // The spec: "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: format(closed && report.closedAt ? report.closedAt : report.updatedAt),
    expected_datetime: format(report.deadlineAt),
    address: report.address || null,
    address_id: null,
    zipcode: null,
    lat: report.lat,
    long: report.lon,
    media_url: report.mediaUrls?.[0] ?? null,
  };
  if (extensions) {
    request.notes = (report.history ?? []).map((event) => ({
      datetime: format(event.at),
      description: event.message.trim() || actionLabel(event.action, locale),
      type: event.action,
    }));
  }
  return request;
}

export function open311RequestStatus(status: ReportStatus): RequestStatus {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open';
}

const FIXMYSTREET_STATUS: Record<ReportStatus, FixMyStreetRequestStatus> = {
  new: 'open',
  received: 'investigating',
  in_progress: 'in_progress',
  resolved: 'fixed',
  rejected: 'no_further_action',
  duplicate: 'duplicate',
};

export function fixMyStreetRequestStatus(status: ReportStatus): FixMyStreetRequestStatus {
  return FIXMYSTREET_STATUS[status];
}

/** The report statuses each accepted `status` value stands for. */
const STATUS_FILTER: Record<string, readonly ReportStatus[]> = {
  open: OPEN_STATUSES,
  closed: CLOSED_STATUSES,
  // FixMyStreet's statuses: those tinhso has, and those it never gives (they match nothing).
  investigating: ['received'],
  in_progress: ['in_progress'],
  fixed: ['resolved'],
  no_further_action: ['rejected'],
  duplicate: ['duplicate'],
  action_scheduled: [],
  planned: [],
  not_councils_responsibility: [],
  internal_referral: [],
  cancelled: [],
  for_triage: [],
};

/**
 * The `status` parameter of GET requests ("can be declared multiple times, comma delimited")
 * as report statuses; undefined when absent (no filter), possibly empty when only statuses
 * tinhso never gives were asked for. An unknown status → OPEN311_STATUS_INVALID (400).
 */
export function parseStatusFilter(
  raw: string | readonly string[] | null | undefined,
): ReportStatus[] | undefined {
  const names = splitListParameter(raw);
  if (names.length === 0) return undefined;
  const statuses = new Set<ReportStatus>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!Object.hasOwn(STATUS_FILTER, key)) {
      throw open311Errors.OPEN311_STATUS_INVALID({ value: name });
    }
    for (const status of STATUS_FILTER[key]!) statuses.add(status);
  }
  return [...statuses];
}

/**
 * A list parameter (service_request_id, service_code, status): repeated and/or comma
 * separated, trimmed, empty items and repeats dropped, first-seen order kept.
 */
export function splitListParameter(raw: string | readonly string[] | null | undefined): string[] {
  if (raw === undefined || raw === null) return [];
  const parts = (typeof raw === 'string' ? [raw] : raw).flatMap((value) => value.split(','));
  return [...new Set(parts.map((part) => part.trim()).filter(Boolean))];
}

/** At most `max` characters, counted in code points so no surrogate pair is cut in two. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
