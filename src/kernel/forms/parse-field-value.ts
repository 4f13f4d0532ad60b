/**
 * Reads what was sent for one field into its normalised value: the step that decides whether
 * the value is of the field's kind at all. Bounds, lengths and patterns come after
 * (field-rules.ts), so conditions can look at a value that is out of range but well formed.
 */
import { isCalendarDate } from './calendar-date';
import { isGiven } from './conditions';
import { normaliseEmail } from './email-address';
import type { FormField, FormOption, FormValue } from './form-definition';
import { isCitizenId, isCommuneCode, normalisePhone } from './vietnamese-identifiers';

export type ParsedFieldValue =
  | { kind: 'absent' }
  | { kind: 'value'; value: FormValue }
  | { kind: 'invalid'; code: 'type' | 'option' };

const ABSENT: ParsedFieldValue = { kind: 'absent' };
const WRONG_TYPE: ParsedFieldValue = { kind: 'invalid', code: 'type' };
const NOT_AN_OPTION: ParsedFieldValue = { kind: 'invalid', code: 'option' };

/** A decimal as people and number inputs write it: no exponent, no thousands separator. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const INTEGER = /^-?\d+$/;

export function parseFieldValue(field: FormField, raw: unknown): ParsedFieldValue {
  // An unticked checkbox sends nothing; it still says "no".
  if (!isGiven(raw)) return field.type === 'checkbox' ? { kind: 'value', value: false } : ABSENT;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return parseText(raw, field.type === 'text');
    case 'number':
      return parseNumber(raw);
    case 'money':
      return parseMoney(raw);
    case 'date':
      return parseString(raw, (text) => (isCalendarDate(text) ? text : undefined));
    case 'select':
    case 'radio':
      return parseChoice(raw, field.options ?? []);
    case 'checkboxes':
      return parseChoices(raw, field.options ?? []);
    case 'checkbox':
      return typeof raw === 'boolean' ? { kind: 'value', value: raw } : WRONG_TYPE;
    case 'email':
      return parseString(raw, (text) => normaliseEmail(text.normalize('NFC')));
    case 'phone':
      return parseString(raw, normalisePhone);
    case 'citizen_id':
      return parseString(raw, (text) => (isCitizenId(text) ? text : undefined));
    case 'commune':
      return parseString(raw, (text) => (isCommuneCode(text) ? text : undefined));
    default:
      throw new Error(`Unknown field type ${JSON.stringify(field.type satisfies never)}`);
  }
}

function parseString(raw: unknown, read: (text: string) => string | undefined): ParsedFieldValue {
  if (typeof raw !== 'string') return WRONG_TYPE;
  const value = read(raw.trim());
  return value === undefined ? WRONG_TYPE : { kind: 'value', value };
}

/**
 * NFC, so a name typed with combining marks (as some Vietnamese keyboards send it) is stored,
 * counted and compared as the same letters typed precomposed.
 */
function parseText(raw: unknown, singleLine: boolean): ParsedFieldValue {
  if (typeof raw !== 'string') return WRONG_TYPE;
  const text = raw.trim().normalize('NFC');
  return hasForbiddenCharacter(text, singleLine) ? WRONG_TYPE : { kind: 'value', value: text };
}

/**
 * Control characters and unpaired surrogates: PostgreSQL refuses NUL and unpaired surrogates in
 * text and jsonb, so accepting them here would fail later with a 500; the rest are invisible
 * and only come from pasting or scripts. One-line text has no line breaks.
 */
function hasForbiddenCharacter(text: string, singleLine: boolean): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const isLineBreak = unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
    if (isLineBreak) {
      if (singleLine) return true;
      continue;
    }
    if (unit < 0x20 && unit !== 0x09) return true;
    if (unit === 0x7f) return true;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function parseNumber(raw: unknown): ParsedFieldValue {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) value = Number(raw.trim());
  else return WRONG_TYPE;
  // -0 would become 0 after a JSON round trip anyway; say 0 from the start.
  return Number.isFinite(value) ? { kind: 'value', value: value + 0 } : WRONG_TYPE;
}

/** Whole đồng. Negative amounts are well formed and refused by the bound (field-rules.ts). */
function parseMoney(raw: unknown): ParsedFieldValue {
  let value: number;
  if (typeof raw === 'number') value = raw;
  else if (typeof raw === 'string' && INTEGER.test(raw.trim())) value = Number(raw.trim());
  else return WRONG_TYPE;
  return Number.isSafeInteger(value) ? { kind: 'value', value: value + 0 } : WRONG_TYPE;
}

function parseChoice(raw: unknown, options: readonly FormOption[]): ParsedFieldValue {
  if (typeof raw !== 'string') return WRONG_TYPE;
  const value = raw.trim().normalize('NFC');
  return options.some((option) => option.value === value)
    ? { kind: 'value', value }
    : NOT_AN_OPTION;
}

/** Ticked options, each once, in the order the form lists them (so equal choices are equal). */
function parseChoices(raw: unknown, options: readonly FormOption[]): ParsedFieldValue {
  if (!Array.isArray(raw)) return WRONG_TYPE;
  const ticked = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'string') return WRONG_TYPE;
    ticked.add(item.trim().normalize('NFC'));
  }
  const known = new Set(
    options.filter((option) => ticked.has(option.value)).map((option) => option.value),
  );
  return known.size === ticked.size ? { kind: 'value', value: [...known] } : NOT_AN_OPTION;
}
