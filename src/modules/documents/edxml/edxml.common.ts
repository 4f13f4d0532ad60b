/**
 * Parts shared by document packages and status packets: agencies, staff, the reference to an
 * earlier document, and typed reading of numbers and dates. Each part has its reader and its
 * writer side by side so their element names and order cannot drift apart.
 */
import { formatLocalDate, parseLocalDate } from './edxml.dates';
import type { LocalDate, Organ, ResponseFor, StaffInfo } from './edxml.types';
import type { Cursor } from './xml-reader';
import { el, leaf, type XmlElement } from './xml-writer';

/** Qualifies a local name with the edXML prefix used when writing. */
export const q = (name: string): string => `edXML:${name}`;

// ---- typed values ----

export function readInt(
  cursor: Cursor,
  name: string,
  allowed?: readonly number[],
): number | undefined {
  const text = cursor.text(name);
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text)) cursor.fail('not a non-negative integer', text, name);
  const value = Number(text);
  if (allowed && !allowed.includes(value)) {
    cursor.fail(`must be one of ${allowed.join(', ')}`, text, name);
  }
  return value;
}

export function readRequiredInt(cursor: Cursor, name: string, allowed?: readonly number[]): number {
  cursor.requiredText(name);
  return readInt(cursor, name, allowed)!;
}

export function readDate(cursor: Cursor, name: string): LocalDate | undefined {
  const text = cursor.text(name);
  if (text === undefined) return undefined;
  const date = parseLocalDate(text);
  if (!date) cursor.fail('not a date (yyyy/MM/dd, yyyy-MM-dd or dd/MM/yyyy)', text, name);
  return date;
}

export function readRequiredDate(cursor: Cursor, name: string): LocalDate {
  cursor.requiredText(name);
  return readDate(cursor, name)!;
}

/** Drops keys whose value is undefined, so parsed objects compare equal to hand-written ones. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---- Organ (From, To) ----

// Element order of VPCP's and Bkav's software (propOrder of Bkav's Organization).
export function writeOrgan(name: string, organ: Organ): XmlElement {
  return el(
    q(name),
    null,
    leaf(q('OrganId'), organ.organId),
    leaf(q('OrganizationInCharge'), organ.organizationInCharge),
    leaf(q('OrganName'), organ.organName),
    leaf(q('OrganAdd'), organ.organAdd),
    leaf(q('Email'), organ.email),
    leaf(q('Telephone'), organ.telephone),
    leaf(q('Fax'), organ.fax),
    leaf(q('Website'), organ.website),
  );
}

export function readOrgan(cursor: Cursor): Organ {
  return compact({
    organId: cursor.requiredText('OrganId'),
    organName: cursor.requiredText('OrganName'),
    organizationInCharge: cursor.text('OrganizationInCharge'),
    organAdd: cursor.text('OrganAdd'),
    email: cursor.text('Email'),
    telephone: cursor.text('Telephone'),
    fax: cursor.text('Fax'),
    website: cursor.text('Website'),
  });
}

// ---- StaffInfo ----

// Department, Staff, Mobile, Email: the order of the standard's numbering (2.2.5.1–2.2.5.4).
export function writeStaffInfo(staff: StaffInfo | undefined): XmlElement | undefined {
  if (!staff) return undefined;
  const node = el(
    q('StaffInfo'),
    null,
    leaf(q('Department'), staff.department),
    leaf(q('Staff'), staff.staff),
    leaf(q('Mobile'), staff.mobile),
    leaf(q('Email'), staff.email),
  );
  return node.children.length > 0 ? node : undefined;
}

export function readStaffInfo(cursor: Cursor | undefined): StaffInfo | undefined {
  if (!cursor) return undefined;
  const staff = compact({
    department: cursor.text('Department'),
    staff: cursor.text('Staff'),
    mobile: cursor.text('Mobile'),
    email: cursor.text('Email'),
  });
  return Object.keys(staff).length > 0 ? staff : undefined;
}

// ---- ResponseFor ----

export function writeResponseFor(ref: ResponseFor): XmlElement {
  return el(
    q('ResponseFor'),
    null,
    leaf(q('OrganId'), ref.organId),
    leaf(q('Code'), ref.code),
    leaf(q('PromulgationDate'), formatLocalDate(ref.promulgationDate)),
    leaf(q('DocumentId'), ref.documentId),
  );
}

export function readResponseFor(cursor: Cursor): ResponseFor {
  return {
    organId: cursor.requiredText('OrganId'),
    code: cursor.requiredText('Code'),
    promulgationDate: readRequiredDate(cursor, 'PromulgationDate'),
    documentId: cursor.requiredText('DocumentId'),
  };
}

/** True when the element has no text anywhere: axis software writes such placeholders. */
export function isBlank(cursor: Cursor): boolean {
  return (cursor.element.textContent ?? '').trim() === '';
}
