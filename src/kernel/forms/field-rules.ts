/**
 * The rules a well-formed value must also meet: bounds, lengths and the pattern. Run after
 * parse-field-value.ts, on the normalised value, so "  Hà  " is two characters long.
 */
import { resolveDateBound } from './calendar-date';
import { EMAIL_MAX_LENGTH } from './email-address';
import type { FormErrorCode } from './form-error';
import type { FormField, FormValue } from './form-definition';

export interface BrokenRule {
  code: FormErrorCode;
  params?: Record<string, string | number>;
}

export function checkFieldRules(
  field: FormField,
  value: FormValue,
  today: string | undefined,
): BrokenRule | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? checkText(field, value) : undefined;
    case 'email':
      return typeof value === 'string'
        ? checkLength(value, undefined, EMAIL_MAX_LENGTH)
        : undefined;
    case 'number':
      return typeof value === 'number' ? checkNumber(value, field.min, field.max) : undefined;
    case 'money':
      // An amount is never negative, whatever the definition's own minimum.
      return typeof value === 'number'
        ? checkNumber(value, Math.max(0, typeof field.min === 'number' ? field.min : 0), field.max)
        : undefined;
    case 'date':
      return typeof value === 'string' ? checkDate(field, value, today) : undefined;
    default:
      return undefined;
  }
}

function checkText(field: FormField, value: string): BrokenRule | undefined {
  // Lengths first: they are cheap, and they bound the input a pattern has to backtrack over.
  const tooLong = checkLength(value, field.minLength, field.maxLength);
  if (tooLong) return tooLong;
  if (field.pattern && !wholeMatch(field.pattern.regex).test(value)) return { code: 'pattern' };
  return undefined;
}

/** Lengths count code points, as people count letters: "𠀧" is one, not two UTF-16 units. */
function checkLength(
  value: string,
  minLength: number | undefined,
  maxLength: number | undefined,
): BrokenRule | undefined {
  const length = [...value].length;
  if (minLength !== undefined && length < minLength) {
    return { code: 'min_length', params: { min: minLength, length } };
  }
  if (maxLength !== undefined && length > maxLength) {
    return { code: 'max_length', params: { max: maxLength, length } };
  }
  return undefined;
}

function checkNumber(value: number, min: unknown, max: unknown): BrokenRule | undefined {
  if (typeof min === 'number' && value < min) return { code: 'min', params: { min } };
  if (typeof max === 'number' && value > max) return { code: 'max', params: { max } };
  return undefined;
}

/** `YYYY-MM-DD` compares as text in calendar order. */
function checkDate(
  field: FormField,
  value: string,
  today: string | undefined,
): BrokenRule | undefined {
  if (typeof field.min === 'string') {
    const min = resolveDateBound(field.min, today);
    if (value < min) return { code: 'min', params: { min } };
  }
  if (typeof field.max === 'string') {
    const max = resolveDateBound(field.max, today);
    if (value > max) return { code: 'max', params: { max } };
  }
  return undefined;
}

const compiledPatterns = new Map<string, RegExp>();

/** The pattern anchored at both ends, so `\d{5}` refuses "123456"; `u` reads it as Unicode. */
export function wholeMatch(regex: string): RegExp {
  let compiled = compiledPatterns.get(regex);
  if (!compiled) {
    compiled = new RegExp(`^(?:${regex})$`, 'u');
    compiledPatterns.set(regex, compiled);
  }
  return compiled;
}
