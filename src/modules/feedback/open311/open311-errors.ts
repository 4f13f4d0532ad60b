/**
 * Open311 failures. The codes are ordinary AppErrors (so a route that forgets the Open311
 * error body still answers with the right status), and `toOpen311ErrorResponse` turns any
 * failure into the body GeoReport v2 prescribes: a list of `{code, description}`, `<errors>`
 * in XML, with the spec's statuses — 403 for a missing or wrong api_key, 404 for a resource
 * that does not exist (service, request, token, jurisdiction), 400 for anything else the
 * client must fix. `code` repeats the HTTP status, as in the specification's example; the
 * description is meant for the person using the client, in Vietnamese or English.
 */
import { type AppError, declaredErrors, defineErrors } from '../../../kernel/errors/app-error';
import { toAppError } from '../../../kernel/errors/error-handler';
import type { AttributeViolation } from './open311-attributes';
import type { Open311Error, Open311Locale } from './open311.types';

export const open311Errors = defineErrors('open311', {
  OPEN311_API_KEY_MISSING: {
    status: 403,
    message: 'This method needs an api_key.',
    messageVi: 'Thao tác này cần khóa API (api_key).',
  },
  OPEN311_API_KEY_INVALID: {
    status: 403,
    message: 'The api_key is not valid or has been revoked.',
    messageVi: 'Khóa API (api_key) không hợp lệ hoặc đã bị thu hồi.',
  },
  OPEN311_JURISDICTION_UNKNOWN: {
    status: 404,
    message: 'This server does not serve the jurisdiction_id given.',
    messageVi: 'Máy chủ này không phục vụ jurisdiction_id đã gửi.',
  },
  OPEN311_FORMAT_UNSUPPORTED: {
    status: 404,
    message: 'The formats are xml and json, e.g. services.xml or services.json.',
    messageVi: 'Chỉ hỗ trợ định dạng xml và json, ví dụ services.xml hoặc services.json.',
  },
  OPEN311_SERVICE_CODE_MISSING: {
    status: 400,
    message: 'service_code is required.',
    messageVi: 'Thiếu service_code (mã lĩnh vực phản ánh).',
  },
  OPEN311_SERVICE_UNKNOWN: {
    status: 404,
    message: 'No service has this service_code.',
    messageVi: 'Không có lĩnh vực phản ánh nào mang service_code này.',
  },
  OPEN311_REQUEST_UNKNOWN: {
    status: 404,
    message: 'No service request has this service_request_id.',
    messageVi: 'Không tìm thấy phản ánh có mã service_request_id này.',
  },
  OPEN311_TOKEN_UNKNOWN: {
    status: 404,
    message: 'No service request or update has this token.',
    messageVi: 'Không tìm thấy phản ánh hoặc cập nhật ứng với token này.',
  },
  OPEN311_LOCATION_MISSING: {
    status: 400,
    message: 'A location is required: lat and long, address_string or address_id.',
    messageVi: 'Cần có vị trí: lat và long, address_string hoặc address_id.',
  },
  OPEN311_LOCATION_INVALID: {
    status: 400,
    message:
      'lat and long must be sent together, as WGS84 decimal degrees (lat -90 to 90, long -180 to 180).',
    messageVi:
      'Phải gửi cả lat và long, là độ thập phân WGS84 (lat từ -90 đến 90, long từ -180 đến 180).',
  },
  OPEN311_COORDINATES_REQUIRED: {
    status: 400,
    message: 'This server places reports by lat and long; an address alone is not enough.',
    messageVi: 'Máy chủ này định vị phản ánh theo lat và long; chỉ có địa chỉ là chưa đủ.',
  },
  OPEN311_LOCATION_OUTSIDE: {
    status: 400,
    message: 'The location is outside the area this server serves.',
    messageVi: 'Vị trí nằm ngoài địa bàn mà máy chủ này phục vụ.',
  },
  OPEN311_ATTRIBUTES_INVALID: {
    status: 400,
    message: 'Some attributes are missing or not valid; see details.',
    messageVi: 'Một số thông tin bổ sung (attribute) bị thiếu hoặc không hợp lệ; xem chi tiết.',
  },
  OPEN311_DESCRIPTION_TOO_LONG: {
    status: 400,
    message: 'description is limited to 4,000 characters.',
    messageVi: 'Nội dung (description) không được quá 4.000 ký tự.',
  },
  OPEN311_MEDIA_URL_INVALID: {
    status: 400,
    message: 'media_url must be an http or https URL.',
    messageVi: 'media_url phải là một địa chỉ http hoặc https.',
  },
  OPEN311_DATE_INVALID: {
    status: 400,
    message: 'A date parameter is not a W3C datetime, e.g. 2026-11-21T14:05:00+07:00.',
    messageVi: 'Tham số ngày giờ không đúng định dạng W3C, ví dụ 2026-11-21T14:05:00+07:00.',
  },
  OPEN311_DATE_RANGE_INVALID: {
    status: 400,
    message: 'The date range must not end before it starts nor span more than 90 days.',
    messageVi: 'Khoảng thời gian không được kết thúc trước khi bắt đầu và không quá 90 ngày.',
  },
  OPEN311_STATUS_INVALID: {
    status: 400,
    message: 'status must be open or closed (comma-separated for both).',
    messageVi: 'status phải là open hoặc closed (cách nhau bằng dấu phẩy nếu cả hai).',
  },
});

export type Open311ErrorCode = keyof typeof open311Errors.specs;

/** Details of OPEN311_DATE_INVALID. */
export interface DateProblem {
  parameter: string;
  value: string;
}

/** Details of OPEN311_DATE_RANGE_INVALID. */
export interface DateRangeProblem {
  parameters: [string, string];
  problem: 'reversed' | 'too_long';
}

/** What a route sends when anything fails. */
export interface Open311ErrorResponse {
  status: number;
  errors: Open311Error[];
  /** Headers the failure asks for, e.g. Retry-After on 429. */
  headers?: Record<string, string>;
  /** True for a fault of ours (500): the route should log it with its stack. */
  unexpected: boolean;
}

/**
 * The status an Open311 client expects for a failure of ours: 403 for any authentication
 * problem (the spec has no 401), 400 for any other refusal of the request as sent; 404,
 * 429 and server faults keep theirs.
 */
export function open311HttpStatus(status: number): number {
  if (status === 401 || status === 403) return 403;
  if (status === 404 || status === 429 || status >= 500) return status;
  return 400;
}

/** Turns any thrown value into the Open311 error answer, in the reader's language. */
export function toOpen311ErrorResponse(
  error: unknown,
  locale: Open311Locale = 'vi',
): Open311ErrorResponse {
  const known = toAppError(error);
  if (!known) {
    return {
      status: 500,
      errors: [{ code: 500, description: registryText('INTERNAL', locale, 'Internal error.') }],
      unexpected: true,
    };
  }
  const status = open311HttpStatus(known.status);
  const descriptions = describe(known, locale);
  const response: Open311ErrorResponse = {
    status,
    errors: descriptions.map((description) => ({ code: status, description })),
    unexpected: status >= 500,
  };
  if (known.headers) response.headers = known.headers;
  return response;
}

/** One description per problem: attribute violations and invalid fields are listed one by one. */
function describe(error: AppError, locale: Open311Locale): string[] {
  if (error.code === 'OPEN311_ATTRIBUTES_INVALID' && Array.isArray(error.details)) {
    const violations = error.details as AttributeViolation[];
    if (violations.length > 0) return violations.map((v) => describeViolation(v, locale));
  }
  if (error.code === 'OPEN311_DATE_INVALID' && isDateProblem(error.details)) {
    const { parameter, value } = error.details;
    return [
      locale === 'vi'
        ? `Tham số ${parameter} không đúng định dạng ngày giờ W3C, ví dụ 2026-11-21T14:05:00+07:00 (nhận được "${clip(value)}").`
        : `${parameter} is not a W3C datetime, e.g. 2026-11-21T14:05:00+07:00 (received "${clip(value)}").`,
    ];
  }
  if (error.code === 'OPEN311_DATE_RANGE_INVALID' && isDateRangeProblem(error.details)) {
    const [from, to] = error.details.parameters;
    if (error.details.problem === 'reversed') {
      return [locale === 'vi' ? `${to} phải sau ${from}.` : `${to} must be later than ${from}.`];
    }
    return [
      locale === 'vi'
        ? `Khoảng từ ${from} đến ${to} không được dài quá 90 ngày.`
        : `The range from ${from} to ${to} may not span more than 90 days.`,
    ];
  }
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    const fields = (error.details as Array<{ field?: unknown; message?: unknown }>).filter(
      (problem) => typeof problem?.field === 'string' && typeof problem.message === 'string',
    );
    if (fields.length > 0) {
      return fields.map(({ field, message }) => {
        // Fastify names the part of the request first (`querystring.lat`); clients know only `lat`.
        const name = (field as string).replace(/^(body|querystring|params|headers)\.?/, '');
        if (!name) return String(message);
        return locale === 'vi'
          ? `Tham số ${name} không hợp lệ: ${String(message)}.`
          : `Invalid parameter ${name}: ${String(message)}.`;
      });
    }
  }
  return [registryText(error.code, locale, error.message)];
}

/** The text declared for a code; an English message chosen at the throw site wins in English. */
function registryText(code: string, locale: Open311Locale, fallback: string): string {
  const spec = declaredErrors().get(code);
  if (!spec) return fallback;
  if (locale === 'vi') return spec.messageVi;
  return fallback || spec.message;
}

export function describeViolation(violation: AttributeViolation, locale: Open311Locale): string {
  const vi = locale === 'vi';
  const label = `"${vi ? violation.label : violation.labelEn || violation.label}" (attribute[${violation.code}])`;
  const value = violation.value === undefined ? '' : clip(violation.value);
  switch (violation.problem) {
    case 'required':
      return vi ? `Thiếu thông tin bắt buộc ${label}.` : `${label} is required.`;
    case 'multiple_values':
      return vi ? `${label} chỉ nhận một giá trị.` : `${label} takes a single value.`;
    case 'not_a_number':
      return vi
        ? `${label} phải là một số, ví dụ 12 hoặc 3.5 (nhận được "${value}").`
        : `${label} must be a number, e.g. 12 or 3.5 (received "${value}").`;
    case 'not_a_datetime':
      return vi
        ? `${label} phải là ngày giờ ISO 8601, ví dụ 2026-11-21T14:05:00+07:00 (nhận được "${value}").`
        : `${label} must be an ISO 8601 datetime, e.g. 2026-11-21T14:05:00+07:00 (received "${value}").`;
    case 'not_allowed': {
      const allowed = (violation.allowed ?? []).join(', ');
      return vi
        ? `${label} không có lựa chọn "${value}"; các lựa chọn: ${allowed}.`
        : `${label} has no choice "${value}"; the choices are: ${allowed}.`;
    }
    case 'too_long':
      return vi
        ? `${label} không được dài quá ${violation.maxLength ?? 0} ký tự.`
        : `${label} is limited to ${violation.maxLength ?? 0} characters.`;
  }
}

/** What the client sent, shortened so an answer never echoes a whole hostile payload. */
function clip(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 100 ? value : `${chars.slice(0, 100).join('')}…`;
}

function isDateProblem(details: unknown): details is DateProblem {
  const d = details as DateProblem | undefined;
  return typeof d?.parameter === 'string' && typeof d.value === 'string';
}

function isDateRangeProblem(details: unknown): details is DateRangeProblem {
  const d = details as DateRangeProblem | undefined;
  return Array.isArray(d?.parameters) && (d.problem === 'reversed' || d.problem === 'too_long');
}
