/**
 * The Open311 GeoReport v2 server's rules: which api_key may do what, how a form-encoded
 * service request becomes a report (submitReport, source `open311`), how reports and their
 * public history are listed as service requests and FixMyStreet updates, and how a back
 * office's status update becomes a workflow action (actOnReport). Shapes on the wire are
 * the format layer's (open311-*.ts); nothing here reads the reporter's personal data.
 */
import type { CompiledQuery, RawBuilder } from 'kysely';
import type { AppContext } from '../../../kernel/context';
import type { Principal } from '../../../kernel/auth';
import { resolveApiKey } from '../../../kernel/auth/api-keys';
import { randomToken } from '../../../kernel/crypto/random-token';
import { AppError } from '../../../kernel/errors/app-error';
import { feedbackDb } from '../feedback-db';
import { activeCategories, activeCategory } from '../category.queries';
import { categoryForFiling } from '../category-for-filing';
import { mediaUrl } from '../report-views';
import { submitReport } from '../report-submission';
import { actOnReport, type WorkflowAction } from '../report-workflow';
import { findReportByCode } from '../report.queries';
import { normaliseTrackingCode } from '../tracking-code';
import { validateAttributes, type FormFields } from './open311-attributes';
import { buildDiscovery } from './open311-discovery';
import { parseOpen311DateFilter } from './open311-datetime';
import { open311Errors } from './open311-errors';
import { readOpen311Location } from './open311-location';
import {
  DESCRIPTION_MAX_LENGTH,
  parseStatusFilter,
  splitListParameter,
  toServiceRequest,
} from './open311-requests';
import { toService, toServiceDefinition } from './open311-services';
import { toServiceRequestUpdate } from './open311-updates';
import {
  findRequests,
  findUpdates,
  latestHistoryId,
  publicHistoryOf,
  type PublicHistoryRow,
  servicesChangedAt,
  trackingCodeOfToken,
} from './open311.queries';
import type {
  Discovery,
  Open311Locale,
  PostServiceRequestResponse,
  PostServiceRequestUpdateResponse,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  TokenResponse,
} from './open311.types';

/** Where the server answers, below PUBLIC_URL. */
export const OPEN311_BASE_PATH = '/open311/v2';

/**
 * Page size of GET requests and GET servicerequestupdates (the `page`/`page_size`
 * extensions). The spec lets a server cap a list ("up to 1000"); 100 keeps each answer,
 * with its notes, a small, quick query. A client pages with page=2, 3… until a short page.
 */
export const OPEN311_DEFAULT_PAGE_SIZE = 50;
export const OPEN311_MAX_PAGE_SIZE = 100;

/** Who asks, as the routes saw it. */
export interface Open311Caller {
  principal: Principal | null;
  ip: string | null;
  requestId: string | null;
}

/** A caller whose api_key was resolved (open311Principal). */
export interface Open311Client extends Open311Caller {
  principal: Principal;
}

/**
 * The principal of the request's api_key: the form field or query parameter, else an
 * `X-Api-Key` header the kernel resolved. Missing → 403 OPEN311_API_KEY_MISSING; unknown,
 * revoked or expired → 403 OPEN311_API_KEY_INVALID.
 */
export async function open311Principal(
  ctx: AppContext,
  caller: Open311Caller,
  apiKey: string | undefined,
): Promise<Principal> {
  if (apiKey === undefined || apiKey.trim() === '') {
    if (caller.principal?.kind === 'api_key') return caller.principal;
    throw open311Errors.OPEN311_API_KEY_MISSING();
  }
  const principal = await resolveApiKey(ctx.db, apiKey.trim(), ctx.clock.now());
  if (!principal) throw open311Errors.OPEN311_API_KEY_INVALID();
  return principal;
}

export async function discovery(ctx: AppContext): Promise<Discovery> {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return buildDiscovery({
    endpointUrl: `${base}${OPEN311_BASE_PATH}`,
    changeset: (await servicesChangedAt(feedbackDb(ctx))) ?? new Date(0),
    contact: `${base}/`,
    keyService: `${base}/ — api_key: xin tại bộ phận quản trị hệ thống / ask the platform's administrators`,
  });
}

export async function listServices(ctx: AppContext, locale: Open311Locale): Promise<Service[]> {
  const categories = await activeCategories(feedbackDb(ctx));
  return categories.map((category) => toService(category, locale));
}

export async function serviceDefinition(
  ctx: AppContext,
  code: string,
  locale: Open311Locale,
): Promise<ServiceDefinition> {
  const category = await activeCategory(feedbackDb(ctx), code);
  if (!category) throw open311Errors.OPEN311_SERVICE_UNKNOWN({ serviceCode: code });
  return toServiceDefinition(category, locale);
}

/** The fields of POST requests, as the form parser hands them over. */
export type Open311Form = Record<string, string | string[] | undefined>;

/** The single value of a form field; the first when a client repeated it. */
export function field(form: Open311Form, name: string): string | undefined {
  const value = form[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Files a service request. Personal fields (email, first_name, last_name, phone) are stored
 * in the reporter record only, never shown. `media_url` is checked and then not kept: the
 * report's attributes accept only the category's questions, and fetching a URL a client
 * names would let any key holder make the server request arbitrary addresses; photos come
 * through the portal's upload instead. `storedAnswer`, when given, turns the answer into a
 * statement committed with the report (the stored reply to an Idempotency-Key).
 */
export async function submitServiceRequest(
  ctx: AppContext,
  client: Open311Client,
  form: Open311Form,
  storedAnswer?: (answer: PostServiceRequestResponse) => RawBuilder<unknown> | CompiledQuery,
): Promise<PostServiceRequestResponse> {
  const { principal } = client;
  const serviceCode = field(form, 'service_code')?.trim();
  if (!serviceCode) throw open311Errors.OPEN311_SERVICE_CODE_MISSING();
  let filing = await categoryForFiling(ctx, serviceCode);
  if (!filing) throw open311Errors.OPEN311_SERVICE_UNKNOWN({ serviceCode });
  const location = readOpen311Location({
    lat: field(form, 'lat'),
    long: field(form, 'long'),
    address_string: field(form, 'address_string'),
    address_id: field(form, 'address_id'),
  });
  // The commune (and so the agency) is found from the point; no geocoder turns text into one.
  if (!location.coordinates) throw open311Errors.OPEN311_COORDINATES_REQUIRED();

  let attributes = validateAttributes(filing.category.attributes, form as FormFields);
  if (!attributes.ok && filing.kept) {
    // The process's copy of the service may be older than its questions: ask the row.
    filing = await categoryForFiling(ctx, serviceCode, { reread: true });
    if (!filing) throw open311Errors.OPEN311_SERVICE_UNKNOWN({ serviceCode });
    attributes = validateAttributes(filing.category.attributes, form as FormFields);
  }
  if (!attributes.ok) throw open311Errors.OPEN311_ATTRIBUTES_INVALID(attributes.violations);
  const category = filing.category;

  const description = field(form, 'description')?.trim() ?? '';
  if (Array.from(description).length > DESCRIPTION_MAX_LENGTH) {
    throw open311Errors.OPEN311_DESCRIPTION_TOO_LONG();
  }
  const media = field(form, 'media_url')?.trim();
  if (media && !isHttpUrl(media)) throw open311Errors.OPEN311_MEDIA_URL_INVALID();

  const name = [field(form, 'first_name'), field(form, 'last_name')]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  const token = randomToken(18);
  const submitted = await submitReport(
    ctx,
    {
      principal,
      ip: client.ip,
      requestId: client.requestId,
      uploaderKey: `api_key:${principal.id}`,
      source: 'open311',
      open311Token: token,
    },
    {
      categoryCode: category.code,
      lat: location.coordinates.lat,
      lon: location.coordinates.long,
      address: location.addressString,
      description: description || category.name,
      attributes: attributes.values,
      reporter: {
        name: name || undefined,
        email: field(form, 'email')?.trim() || undefined,
        phone: field(form, 'phone')?.trim() || undefined,
      },
    },
    [],
    {
      // Outside every commune, the filing refuses it after checking the rest of the form.
      category: filing,
      alsoWrite: (trackingCode) => {
        const answer = { service_request_id: trackingCode, token, service_notice: null };
        return storedAnswer ? [storedAnswer(answer)] : [];
      },
    },
  ).catch((error: unknown) => {
    // The platform's refusal, in the words the Open311 error list has for it.
    if (error instanceof AppError && error.code === 'REPORT_OUTSIDE_PROVINCE') {
      throw open311Errors.OPEN311_LOCATION_OUTSIDE(location.coordinates);
    }
    // The service's questions changed between the check above and the write, which then
    // checked the answers against the new ones.
    if (error instanceof AppError && error.code === 'REPORT_ATTRIBUTES_INVALID') {
      throw open311Errors.OPEN311_ATTRIBUTES_INVALID([]);
    }
    throw error;
  });
  // A realtime answer (the tracking code at once) that also carries the token, so a client
  // written for batch servers can resolve it through GET tokens/{token}.
  return { service_request_id: submitted.trackingCode, token, service_notice: null };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function resolveToken(ctx: AppContext, token: string): Promise<TokenResponse> {
  const trackingCode = await trackingCodeOfToken(feedbackDb(ctx), token);
  if (!trackingCode) throw open311Errors.OPEN311_TOKEN_UNKNOWN();
  return { service_request_id: trackingCode, token };
}

export interface RequestListQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  updated_after?: string;
  updated_before?: string;
  status?: string;
  page?: number;
  page_size?: number;
  extensions?: boolean;
}

/**
 * GET requests. service_request_id "overrides all other arguments": with it, only those
 * requests are looked up, whatever the dates; without it, the date windows apply (the
 * most recent 90 days by default).
 */
export async function listServiceRequests(
  ctx: AppContext,
  query: RequestListQuery,
  locale: Open311Locale,
): Promise<ServiceRequest[]> {
  const { limit, offset } = paging(query);
  const ids = splitListParameter(query.service_request_id);
  const options = { locale, extensions: query.extensions === true };
  if (ids.length > 0) {
    const codes = ids.map(normaliseTrackingCode).filter((code): code is string => !!code);
    if (codes.length === 0) return [];
    return serviceRequests(ctx, { filters: {}, trackingCodes: codes, limit, offset }, options);
  }
  const dates = parseOpen311DateFilter(query, { now: ctx.clock.now() });
  const status = parseStatusFilter(query.status);
  if (status && status.length === 0) return [];
  const serviceCodes = splitListParameter(query.service_code);
  return serviceRequests(
    ctx,
    {
      filters: {
        status,
        from: dates.requested.from,
        to: dates.requested.before,
        updatedFrom: dates.updated.from,
        updatedBefore: dates.updated.before,
      },
      categoryCodes: serviceCodes.length > 0 ? serviceCodes : undefined,
      limit,
      offset,
    },
    options,
  );
}

export async function getServiceRequest(
  ctx: AppContext,
  id: string,
  locale: Open311Locale,
): Promise<ServiceRequest[]> {
  const code = normaliseTrackingCode(id);
  const found = code
    ? await serviceRequests(
        ctx,
        { filters: {}, trackingCodes: [code], limit: 1, offset: 0 },
        { locale, extensions: true },
      )
    : [];
  if (found.length === 0) throw open311Errors.OPEN311_REQUEST_UNKNOWN();
  return found;
}

async function serviceRequests(
  ctx: AppContext,
  query: Parameters<typeof findRequests>[1],
  options: { locale: Open311Locale; extensions: boolean },
): Promise<ServiceRequest[]> {
  const db = feedbackDb(ctx);
  const rows = await findRequests(db, query, ctx.clock.now());
  // The whole public history only for `notes` (extensions); status_notes comes with the rows.
  const events = options.extensions
    ? await publicHistoryOf(
        db,
        rows.map((row) => row.id),
      )
    : [];
  const history = new Map<string, PublicHistoryRow[]>();
  for (const event of events) {
    const own = history.get(event.reportId);
    if (own) own.push(event);
    else history.set(event.reportId, [event]);
  }
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const en = options.locale === 'en';
  return rows.map((row) => {
    const photo = row.firstPhotoId;
    return toServiceRequest(
      {
        ...row,
        agencyName: en && row.agencyNameEn ? row.agencyNameEn : row.agencyName,
        statusNotes: row.statusNotes,
        mediaUrls: photo ? [`${base}${mediaUrl(photo)}`] : [],
        history: history.get(row.id) ?? [],
      },
      options,
    );
  });
}

export interface UpdateListQuery {
  start_date?: string;
  end_date?: string;
  service_request_id?: string;
  page?: number;
  page_size?: number;
}

/** GET servicerequestupdates: the public history in the window (the last 90 days by default). */
export async function listUpdates(
  ctx: AppContext,
  query: UpdateListQuery,
  locale: Open311Locale,
): Promise<ServiceRequestUpdate[]> {
  const { limit, offset } = paging(query);
  const dates = parseOpen311DateFilter(
    { start_date: query.start_date, end_date: query.end_date },
    { now: ctx.clock.now() },
  );
  let trackingCode: string | undefined;
  if (query.service_request_id?.trim()) {
    trackingCode = normaliseTrackingCode(query.service_request_id) ?? undefined;
    if (!trackingCode) return [];
  }
  const rows = await findUpdates(feedbackDb(ctx), {
    from: dates.requested.from,
    before: dates.requested.before,
    trackingCode,
    limit,
    offset,
  });
  return rows.map((row) => toServiceRequestUpdate(row, locale));
}

/**
 * FixMyStreet's statuses as workflow actions. A status the report cannot take from where it
 * is (e.g. FIXED twice) is refused with the workflow's reason; REOPEN is the citizen's
 * (through rating), not a back office's.
 */
const STATUS_ACTIONS: Record<string, 'receive' | 'start' | 'resolve' | 'reject' | 'answer'> = {
  OPEN: 'answer',
  INVESTIGATING: 'receive',
  FOR_TRIAGE: 'answer',
  INTERNAL_REFERRAL: 'answer',
  ACTION_SCHEDULED: 'start',
  PLANNED: 'start',
  IN_PROGRESS: 'start',
  FIXED: 'resolve',
  CLOSED: 'resolve',
  NO_FURTHER_ACTION: 'reject',
  NOT_COUNCILS_RESPONSIBILITY: 'reject',
  DUPLICATE: 'reject',
  CANCELLED: 'reject',
};

/** POST servicerequestupdates: a back office (an api_key with records.process) reports progress. */
export async function postUpdate(
  ctx: AppContext,
  client: Open311Client,
  form: Open311Form,
): Promise<PostServiceRequestUpdateResponse> {
  const code = normaliseTrackingCode(field(form, 'service_request_id') ?? '');
  const report = code ? await findReportByCode(feedbackDb(ctx), code) : undefined;
  if (!code || !report || report.hidden) throw open311Errors.OPEN311_REQUEST_UNKNOWN();
  const status = (field(form, 'status') ?? '').trim().toUpperCase();
  const action = STATUS_ACTIONS[status];
  if (!action) throw open311Errors.OPEN311_STATUS_INVALID({ value: status });
  const description = field(form, 'description')?.trim() ?? '';
  if (Array.from(description).length > DESCRIPTION_MAX_LENGTH) {
    throw open311Errors.OPEN311_DESCRIPTION_TOO_LONG();
  }
  const staff = { principal: client.principal, ip: client.ip, requestId: client.requestId };
  const steps: WorkflowAction[] = [];
  switch (action) {
    case 'receive':
    case 'start':
      // Already there (received twice, started twice): the description alone is the update.
      if (!(action === 'receive' ? ['new'] : ['new', 'received']).includes(report.status)) break;
      steps.push({ action });
      break;
    case 'resolve':
      steps.push({ action, message: description || defaultMessage(status) });
      break;
    case 'reject':
      steps.push({ action, reason: description || defaultMessage(status) });
      break;
    case 'answer':
      break;
  }
  if (description && action !== 'resolve' && action !== 'reject') {
    steps.push({ action: 'answer', message: description });
  }
  if (steps.length === 0) throw open311Errors.OPEN311_STATUS_INVALID({ value: status });
  for (const step of steps) await actOnReport(ctx, staff, code, step);
  const updateId = await latestHistoryId(feedbackDb(ctx), report.id);
  return { update_id: String(updateId), account_id: null };
}

function defaultMessage(status: string): string {
  return status === 'FIXED' || status === 'CLOSED'
    ? 'Đã xử lý xong. / The problem has been dealt with.'
    : 'Không tiếp tục xử lý. / No further action will be taken.';
}

function paging(query: { page?: number; page_size?: number }): { limit: number; offset: number } {
  const limit = Math.min(query.page_size ?? OPEN311_DEFAULT_PAGE_SIZE, OPEN311_MAX_PAGE_SIZE);
  const page = query.page ?? 1;
  return { limit, offset: (page - 1) * limit };
}
