/**
 * The XML form of every Open311 answer. GeoReport v2 defines XML as the reference format
 * and JSON as its mapping by the Spark convention: a list is a wrapper element holding one
 * element per item (`services` → `service`, `attributes` → `attribute`, `notes` → `note`).
 * Each kind of answer lists its elements here, in the specification's order, so nothing
 * but those elements is ever written, whatever else the object carries.
 *
 * Text: UTF-8 with the XML declaration, no namespace (as the spec asks). & < > " ' are
 * escaped; CR is written as &#xD; so it survives the parser's end-of-line handling;
 * characters XML 1.0 forbids (C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE, U+FFFF) are dropped, since no escape can carry them. Vietnamese is written as is.
 * A null field is an empty element; an absent (undefined) field is left out.
 */
import type {
  Discovery,
  Open311Error,
  PostServiceRequestResponse,
  PostServiceRequestUpdateResponse,
  Service,
  ServiceDefinition,
  ServiceRequest,
  ServiceRequestUpdate,
  TokenResponse,
  UpdateTokenResponse,
} from './open311.types';

export const OPEN311_XML_CONTENT_TYPE = 'text/xml; charset=utf-8';
export const OPEN311_JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

// ─── Element lists, typed against the wire types so a misspelt name does not compile ─────────

/** A field: its name for a scalar, or a list with its item element (and the item's fields). */
type Field<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly (infer Item)[]
    ? Item extends object
      ? { name: K; item: string; fields: Fields<Item> }
      : { name: K; item: string }
    : K;
}[keyof T & string];

type Fields<T> = readonly Field<T>[];

type AnyField = string | { name: string; item: string; fields?: readonly AnyField[] };

const SERVICE_FIELDS: Fields<Service> = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
  { name: 'groups', item: 'group' },
];

const DEFINITION_FIELDS: Fields<ServiceDefinition> = [
  'service_code',
  {
    name: 'attributes',
    item: 'attribute',
    fields: [
      'variable',
      'code',
      'datatype',
      'required',
      'datatype_description',
      'order',
      'description',
      'automated',
      { name: 'values', item: 'value', fields: ['key', 'name', 'disable_message'] },
    ],
  },
];

const REQUEST_FIELDS: Fields<ServiceRequest> = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
  { name: 'notes', item: 'note', fields: ['datetime', 'description', 'type'] },
];

const POST_REQUEST_FIELDS: Fields<PostServiceRequestResponse> = [
  'service_request_id',
  'token',
  'service_notice',
  'account_id',
];

const TOKEN_FIELDS: Fields<TokenResponse> = ['service_request_id', 'token'];

const UPDATE_FIELDS: Fields<ServiceRequestUpdate> = [
  'update_id',
  'service_request_id',
  'status',
  'updated_datetime',
  'description',
  'media_url',
];

const POST_UPDATE_FIELDS: Fields<PostServiceRequestUpdateResponse> = [
  'update_id',
  'token',
  'account_id',
];

const UPDATE_TOKEN_FIELDS: Fields<UpdateTokenResponse> = ['update_id', 'token'];

const ERROR_FIELDS: Fields<Open311Error> = ['code', 'description'];

const DISCOVERY_FIELDS: Fields<Discovery> = [
  'changeset',
  'contact',
  'key_service',
  {
    name: 'endpoints',
    item: 'endpoint',
    fields: ['specification', 'url', 'changeset', 'type', { name: 'formats', item: 'format' }],
  },
];

// ─── The answers ─────────────────────────────────────────────────────────────────────────────

/** GET services: `<services><service>…</service></services>`. */
export function servicesXml(services: readonly Service[]): string {
  return listDocument('services', 'service', SERVICE_FIELDS, services);
}

/** GET services/{service_code}: `<service_definition>…<attributes><attribute>…`. */
export function serviceDefinitionXml(definition: ServiceDefinition): string {
  return objectDocument('service_definition', DEFINITION_FIELDS, definition);
}

/** GET requests and GET requests/{id}: `<service_requests><request>…</request></service_requests>`. */
export function serviceRequestsXml(requests: readonly ServiceRequest[]): string {
  return listDocument('service_requests', 'request', REQUEST_FIELDS, requests);
}

/** POST requests: `<service_requests><request><service_request_id>|<token>…`. */
export function postServiceRequestResponseXml(
  responses: readonly PostServiceRequestResponse[],
): string {
  return listDocument('service_requests', 'request', POST_REQUEST_FIELDS, responses);
}

/** GET tokens/{token}: `<service_requests><request><service_request_id><token>…`. */
export function tokenResponseXml(responses: readonly TokenResponse[]): string {
  return listDocument('service_requests', 'request', TOKEN_FIELDS, responses);
}

/** GET servicerequestupdates: `<service_request_updates><request_update>…`. */
export function serviceRequestUpdatesXml(updates: readonly ServiceRequestUpdate[]): string {
  return listDocument('service_request_updates', 'request_update', UPDATE_FIELDS, updates);
}

/** POST servicerequestupdates: `<service_request_updates><request_update><update_id>…`. */
export function postServiceRequestUpdateResponseXml(
  responses: readonly PostServiceRequestUpdateResponse[],
): string {
  return listDocument('service_request_updates', 'request_update', POST_UPDATE_FIELDS, responses);
}

/** GET update_tokens/{token}: `<service_request_updates><request_update><update_id><token>…`. */
export function updateTokenResponseXml(responses: readonly UpdateTokenResponse[]): string {
  return listDocument('service_request_updates', 'request_update', UPDATE_TOKEN_FIELDS, responses);
}

/** Any failure: `<errors><error><code>…</code><description>…</description></error></errors>`. */
export function errorsXml(errors: readonly Open311Error[]): string {
  return listDocument('errors', 'error', ERROR_FIELDS, errors);
}

/** GET discovery: `<discovery>…<endpoints><endpoint>…<formats><format>…`. */
export function discoveryXml(discovery: Discovery): string {
  return objectDocument('discovery', DISCOVERY_FIELDS, discovery);
}

// ─── Writing ─────────────────────────────────────────────────────────────────────────────────

function listDocument<T extends object>(
  root: string,
  item: string,
  fields: Fields<T>,
  items: readonly T[],
): string {
  const out: string[] = [];
  for (const record of items) {
    out.push(`<${item}>`);
    writeFields(out, record, fields);
    out.push(`</${item}>`);
  }
  return documentOf(root, out);
}

function objectDocument<T extends object>(root: string, fields: Fields<T>, record: T): string {
  const out: string[] = [];
  writeFields(out, record, fields);
  return documentOf(root, out);
}

function documentOf(root: string, body: string[]): string {
  return `${XML_DECLARATION}\n<${root}>${body.join('')}</${root}>\n`;
}

function writeFields(out: string[], record: object, fields: readonly AnyField[]): void {
  const values = record as Record<string, unknown>;
  for (const field of fields) {
    if (typeof field === 'string') {
      writeScalar(out, field, values[field]);
      continue;
    }
    const list = values[field.name];
    if (list === undefined) continue;
    if (list === null) {
      out.push(`<${field.name}/>`);
      continue;
    }
    if (!Array.isArray(list)) throw new TypeError(`Open311 XML: ${field.name} is not a list`);
    out.push(`<${field.name}>`);
    for (const entry of list as unknown[]) {
      if (field.fields) {
        out.push(`<${field.item}>`);
        writeFields(out, entry as object, field.fields);
        out.push(`</${field.item}>`);
      } else {
        writeScalar(out, field.item, entry);
      }
    }
    out.push(`</${field.name}>`);
  }
}

function writeScalar(out: string[], name: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    out.push(`<${name}/>`);
    return;
  }
  out.push(`<${name}>${scalarText(name, value)}</${name}>`);
}

function scalarText(name: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return escapeXmlText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return decimalText(value, name);
    default:
      throw new TypeError(`Open311 XML: ${name} is a ${typeof value}, not a scalar`);
  }
}

// XML 1.0 § 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#xD;',
};

/** Drops the characters an XML 1.0 document cannot contain in any form. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Text safe as element content (and inside quoted attribute values). */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (char) => ESCAPES[char]!);
}

/**
 * A number as an XML decimal: JavaScript writes 1e-7 and 1e+21, which an xs:decimal reader
 * (and many clients' number parsers) would not take, so the exponent is spelt out.
 */
function decimalText(value: number, name: string): string {
  if (!Number.isFinite(value)) throw new TypeError(`Open311 XML: ${name} is not a finite number`);
  const text = String(Object.is(value, -0) ? 0 : value);
  const exponentAt = text.indexOf('e');
  if (exponentAt === -1) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, exponentAt);
  const exponent = Number(text.slice(exponentAt + 1));
  const point = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const integerLength = (point === -1 ? mantissa.length : point) + exponent;
  let result: string;
  if (integerLength <= 0) result = `0.${'0'.repeat(-integerLength)}${digits}`;
  else if (integerLength >= digits.length)
    result = digits + '0'.repeat(integerLength - digits.length);
  else result = `${digits.slice(0, integerLength)}.${digits.slice(integerLength)}`;
  return negative ? `-${result}` : result;
}
