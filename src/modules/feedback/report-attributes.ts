/**
 * Answers to a category's extra questions, checked against the category's definitions:
 * required questions answered, numbers are numbers, dates are dates, list answers are keys
 * of the list. Unknown questions are refused rather than silently stored.
 */
import type { CategoryAttribute } from './feedback.tables';

export type AttributeAnswer = string | number | string[];

export interface AttributeViolation {
  field: string;
  message: string;
}

export type AttributeCheck =
  | { ok: true; values: Record<string, AttributeAnswer> }
  | { ok: false; violations: AttributeViolation[] };

const MAX_TEXT = 2000;

function checkOne(
  definition: CategoryAttribute,
  answer: unknown,
): { value: AttributeAnswer } | { message: string } {
  const keys = new Set((definition.values ?? []).map((value) => value.key));
  switch (definition.datatype) {
    case 'number': {
      const value = typeof answer === 'string' && answer.trim() !== '' ? Number(answer) : answer;
      if (typeof value !== 'number' || !Number.isFinite(value)) return { message: 'not a number' };
      return { value };
    }
    case 'datetime': {
      if (typeof answer !== 'string' || Number.isNaN(Date.parse(answer))) {
        return { message: 'not a date and time (ISO 8601)' };
      }
      return { value: new Date(answer).toISOString() };
    }
    case 'singlevaluelist': {
      if (typeof answer !== 'string' || !keys.has(answer))
        return { message: 'not one of the listed values' };
      return { value: answer };
    }
    case 'multivaluelist': {
      const list = typeof answer === 'string' ? [answer] : answer;
      if (
        !Array.isArray(list) ||
        list.some((item) => typeof item !== 'string' || !keys.has(item))
      ) {
        return { message: 'not a list of the listed values' };
      }
      return { value: [...new Set(list as string[])] };
    }
    case 'string':
    case 'text': {
      if (typeof answer !== 'string' && typeof answer !== 'number') return { message: 'not text' };
      const text = String(answer).trim();
      if (text.length > MAX_TEXT) return { message: `longer than ${MAX_TEXT} characters` };
      return { value: text };
    }
  }
}

function isBlank(answer: unknown): boolean {
  return (
    answer === undefined ||
    answer === null ||
    (typeof answer === 'string' && answer.trim() === '') ||
    (Array.isArray(answer) && answer.length === 0)
  );
}

export function checkAttributes(
  definitions: readonly CategoryAttribute[],
  answers: Readonly<Record<string, unknown>>,
): AttributeCheck {
  const violations: AttributeViolation[] = [];
  const values: Record<string, AttributeAnswer> = {};
  const known = new Set(definitions.map((definition) => definition.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code))
      violations.push({ field: `attributes.${code}`, message: 'unknown question' });
  }
  for (const definition of definitions) {
    const answer = answers[definition.code];
    if (isBlank(answer)) {
      if (definition.required) {
        violations.push({ field: `attributes.${definition.code}`, message: 'required' });
      }
      continue;
    }
    const result = checkOne(definition, answer);
    if ('message' in result) {
      violations.push({ field: `attributes.${definition.code}`, message: result.message });
    } else {
      values[definition.code] = result.value;
    }
  }
  return violations.length > 0 ? { ok: false, violations } : { ok: true, values };
}
