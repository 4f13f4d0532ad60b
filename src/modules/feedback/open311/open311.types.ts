/**
 * The wire shapes of Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2, Service Discovery)
 * and of the FixMyStreet extensions (service request updates, update tokens, extra statuses,
 * service groups, automated attributes). Field names are the specification's, snake_case, so
 * the same objects are the JSON bodies and the input of the XML serialiser.
 *
 * Conventions: a field typed `| null` is one the specification lists for every record; it is
 * sent as JSON `null` and as an empty XML element. An optional field (`?`) is an extension or
 * a field "that may not be returned"; when absent it is left out of both formats.
 */

export type Open311Locale = 'vi' | 'en';

export type Open311Format = 'xml' | 'json';

// ─── Services ────────────────────────────────────────────────────────────────────────────────

/**
 * realtime: the POST answers with a service_request_id; batch: with a token to resolve later
 * through GET tokens/{token}; blackbox: with neither.
 */
export type ServiceType = 'realtime' | 'batch' | 'blackbox';

/** One item of GET services. */
export interface Service {
  service_code: string;
  service_name: string;
  description: string | null;
  /** True when the service has attributes: the client must fetch the service definition. */
  metadata: boolean;
  type: ServiceType;
  /** Comma-separated keywords. */
  keywords: string | null;
  group: string | null;
  /** FixMyStreet: every group the service belongs to (`<groups><group>…`). */
  groups?: string[];
}

export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface ServiceAttributeValue {
  key: string;
  name: string;
  /** FixMyStreet: when present, choosing this value blocks the report, with this message. */
  disable_message?: string;
}

export interface ServiceAttribute {
  /** False: the attribute only shows information, no input is expected. */
  variable: boolean;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  datatype_description: string | null;
  /** 1 is shown first. */
  order: number;
  /** The question, with instructions to find the answer. */
  description: string;
  /** FixMyStreet: a field filled by the client (hidden_field) or by the server (server_set). */
  automated?: 'hidden_field' | 'server_set';
  /** The choices of a singlevaluelist or multivaluelist. */
  values?: ServiceAttributeValue[];
}

/** GET services/{service_code}. */
export interface ServiceDefinition {
  service_code: string;
  attributes: ServiceAttribute[];
}

// ─── Service requests ────────────────────────────────────────────────────────────────────────

export type RequestStatus = 'open' | 'closed';

/** FixMyStreet's finer statuses of a request, accepted beside open and closed. */
export type FixMyStreetRequestStatus =
  | RequestStatus
  | 'fixed'
  | 'investigating'
  | 'action_scheduled'
  | 'in_progress'
  | 'planned'
  | 'no_further_action'
  | 'not_councils_responsibility'
  | 'duplicate'
  | 'internal_referral'
  | 'cancelled'
  | 'for_triage';

/** One entry of the `notes` extension (update history), sent when `extensions=true`. */
export interface ServiceRequestNote {
  datetime: string;
  description: string;
  /** What happened, e.g. `submitted`, `received`, `answered`. */
  type: string;
}

/** One item of GET requests and GET requests/{id} (both answer with a list). */
export interface ServiceRequest {
  service_request_id: string;
  status: RequestStatus | FixMyStreetRequestStatus;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  /** At most 4,000 characters. */
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  /** For a closed request, when it was closed. */
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** Extension (`extensions=true`): the public history of the request, oldest first. */
  notes?: ServiceRequestNote[];
}

/**
 * One item of the POST requests answer: a realtime service returns service_request_id, a
 * batch service returns token instead ("should not be returned" together).
 */
export interface PostServiceRequestResponse {
  service_request_id?: string;
  token?: string;
  service_notice?: string | null;
  account_id?: string | null;
}

/** One item of GET tokens/{token}; service_request_id is absent while the request is pending. */
export interface TokenResponse {
  service_request_id?: string;
  token: string;
}

// ─── FixMyStreet: service request updates ────────────────────────────────────────────────────

export type FixMyStreetUpdateStatus =
  | 'OPEN'
  | 'CLOSED'
  | 'FIXED'
  | 'INVESTIGATING'
  | 'ACTION_SCHEDULED'
  | 'IN_PROGRESS'
  | 'PLANNED'
  | 'NO_FURTHER_ACTION'
  | 'NOT_COUNCILS_RESPONSIBILITY'
  | 'DUPLICATE'
  | 'INTERNAL_REFERRAL'
  | 'CANCELLED'
  | 'REOPEN'
  | 'FOR_TRIAGE';

/** One item of GET servicerequestupdates (`<service_request_updates><request_update>`). */
export interface ServiceRequestUpdate {
  update_id: string;
  service_request_id: string;
  /** The status of the request after the update. */
  status: FixMyStreetUpdateStatus;
  updated_datetime: string;
  description: string;
  media_url?: string;
}

/** One item of the POST servicerequestupdates answer. */
export interface PostServiceRequestUpdateResponse {
  update_id?: string;
  token?: string;
  account_id?: string | null;
}

/** One item of GET update_tokens/{token}. */
export interface UpdateTokenResponse {
  update_id?: string;
  token: string;
}

// ─── Errors and discovery ────────────────────────────────────────────────────────────────────

/** One item of an error answer (`<errors><error>`); `code` is the HTTP status. */
export interface Open311Error {
  code: number;
  /** Meant to be read by the person using the client. */
  description: string;
}

export interface DiscoveryEndpoint {
  /** The specification's token, e.g. http://wiki.open311.org/GeoReport_v2. */
  specification: string;
  url: string;
  changeset: string;
  type: 'production' | 'test';
  /** MIME types, e.g. text/xml, application/json. */
  formats: string[];
}

/** GET discovery. */
export interface Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: DiscoveryEndpoint[];
}
