/**
 * The answers a POST requests carries for a category's extra questions: the form fields
 * `attribute[code]=value`, and `attribute[code][]=v1&attribute[code][]=v2` for several values
 * of a multivaluelist. They are checked against the category's attribute definitions and
 * normalised for storage in feedback_report.attributes:
 *
 *   string          trimmed text on one line (a line break becomes a space), ≤ 500 characters
 *   text            trimmed text, line breaks kept (CR LF → LF), ≤ 4,000 characters
 *   number          a JSON number; decimal point, optional sign and exponent ("12", "-3.5")
 *   datetime        a W3C datetime: a date stays as written (2026-11-21), a time is rewritten
 *                   on Vietnam's clock with its offset (2026-11-21T14:05:00+07:00)
 *   singlevaluelist one of the keys
 *   multivaluelist  one or more keys, each once, in the definition's order
 *
 * An empty value counts as absent. Codes the category does not define are ignored (and
 * listed), because clients such as FixMyStreet send attributes of their own with every
 * report; refusing them would refuse those clients.
 */
import type { AttributeDatatype, CategoryAttribute } from '../feedback.tables';
import { formatOpen311Datetime, parseW3cDatetime } from './open311-datetime';

export const STRING_MAX_LENGTH = 500;
export const TEXT_MAX_LENGTH = 4000;

export type AttributeProblem =
  'required' | 'multiple_values' | 'not_a_number' | 'not_a_datetime' | 'not_allowed' | 'too_long';

/** One reason to refuse the attributes; each becomes one `<error>` of the 400 answer. */
export interface AttributeViolation {
  code: string;
  problem: AttributeProblem;
  /** The question, to name it to the person using the client. */
  label: string;
  labelEn: string;
  /** The offending value, as sent. */
  value?: string;
  /** For not_allowed: the keys that are. */
  allowed?: string[];
  /** For too_long. */
  maxLength?: number;
}

export type AttributeAnswer = string | number | string[];

export type AttributeValidation =
  | { ok: true; values: Record<string, AttributeAnswer>; ignored: string[] }
  | { ok: false; violations: AttributeViolation[]; ignored: string[] };

/**
 * Form fields as a parser hands them over: pairs (URLSearchParams, or the entries of a
 * multipart body), or an object whose repeated keys hold arrays (node:querystring,
 * fast-querystring). Fields other than `attribute[…]` are skipped.
 */
export type FormFields =
  Iterable<readonly [string, string]> | Record<string, string | readonly string[] | undefined>;

const ATTRIBUTE_FIELD = /^attribute\[([^[\]]+)\](\[\])?$/;

/** The values sent for each attribute code, in the order sent. */
export function collectAttributeFields(fields: FormFields): Map<string, string[]> {
  const collected = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const match = ATTRIBUTE_FIELD.exec(name);
    if (!match) return;
    const code = match[1]!;
    const list = collected.get(code) ?? [];
    list.push(value);
    collected.set(code, list);
  };
  if (isPairs(fields)) {
    for (const [name, value] of fields) add(name, value);
  } else {
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (typeof value === 'string') add(name, value);
      else for (const item of value) add(name, item);
    }
  }
  return collected;
}

function isPairs(fields: FormFields): fields is Iterable<readonly [string, string]> {
  return typeof (fields as Iterable<unknown>)[Symbol.iterator] === 'function';
}

/** Checks the attribute fields of a POST against the category's definitions. */
export function validateAttributes(
  definitions: readonly CategoryAttribute[],
  fields: FormFields,
  timeZone?: string,
): AttributeValidation {
  const sent = collectAttributeFields(fields);
  const known = new Set(definitions.map((definition) => definition.code));
  const ignored = [...sent.keys()].filter((code) => !known.has(code));
  const values: Record<string, AttributeAnswer> = {};
  const violations: AttributeViolation[] = [];

  for (const definition of definitions) {
    const given = (sent.get(definition.code) ?? []).filter((value) => value.trim() !== '');
    const fail = (problem: AttributeProblem, extra: Partial<AttributeViolation> = {}) =>
      violations.push({
        code: definition.code,
        problem,
        label: definition.label,
        labelEn: definition.labelEn,
        ...extra,
      });

    if (given.length === 0) {
      if (definition.required) fail('required');
      continue;
    }
    if (definition.datatype !== 'multivaluelist' && given.length > 1) {
      fail('multiple_values');
      continue;
    }
    const answer = normalise(definition, given, timeZone);
    if ('problem' in answer) fail(answer.problem, answer.extra);
    else values[definition.code] = answer.value;
  }

  return violations.length > 0 ? { ok: false, violations, ignored } : { ok: true, values, ignored };
}

type Normalised =
  { value: AttributeAnswer } | { problem: AttributeProblem; extra: Partial<AttributeViolation> };

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function normalise(
  definition: CategoryAttribute,
  given: string[],
  timeZone: string | undefined,
): Normalised {
  const datatype: AttributeDatatype = definition.datatype;
  const first = given[0]!.trim();
  switch (datatype) {
    case 'string': {
      const value = first.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
      return lengthChecked(value, STRING_MAX_LENGTH, given[0]!);
    }
    case 'text': {
      const value = first.replace(/\r\n?/g, '\n');
      return lengthChecked(value, TEXT_MAX_LENGTH, given[0]!);
    }
    case 'number': {
      const value = Number(first);
      if (!NUMBER_PATTERN.test(first) || !Number.isFinite(value)) {
        return { problem: 'not_a_number', extra: { value: given[0]! } };
      }
      return { value: Object.is(value, -0) ? 0 : value };
    }
    case 'datetime': {
      const period = parseW3cDatetime(first, timeZone);
      if (!period) return { problem: 'not_a_datetime', extra: { value: given[0]! } };
      const dateOnly = ['year', 'month', 'day'].includes(period.precision);
      return { value: dateOnly ? first : formatOpen311Datetime(period.start, timeZone) };
    }
    case 'singlevaluelist':
    case 'multivaluelist': {
      const keys = (definition.values ?? []).map((value) => value.key);
      const chosen = new Set<string>();
      for (const raw of given) {
        const key = raw.trim();
        if (!keys.includes(key)) {
          return { problem: 'not_allowed', extra: { value: raw, allowed: keys } };
        }
        chosen.add(key);
      }
      if (datatype === 'singlevaluelist') return { value: first };
      return { value: keys.filter((key) => chosen.has(key)) };
    }
  }
}

function lengthChecked(value: string, maxLength: number, sent: string): Normalised {
  // Counted in characters as people see them (code points), not UTF-16 units.
  if (Array.from(value).length > maxLength) {
    return { problem: 'too_long', extra: { value: sent, maxLength } };
  }
  return { value };
}
