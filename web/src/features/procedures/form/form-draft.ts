/**
 * What a person has typed into a form, field by field, as the inputs hold it: text for most
 * fields, true or false for a box, a list for a group of boxes. Before validation the draft is
 * read the way a Vietnamese reader wrote it, and only that: "1.500.000" in a money field is
 * one and a half million đồng, and "2,5" in a number field is two and a half.
 */
import type { FormDefinition, FormField, FormValue } from '../../../../../src/kernel/forms';

export type FormDraft = Record<string, FormValue>;

/** Thousands grouped by dots, commas or spaces, as people write prices: 1.500.000. */
const GROUPED_AMOUNT = /^\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*$/;
/** A decimal comma: 2,5. */
const DECIMAL_COMMA = /^-?\d+,\d+$/;

function readTyped(field: FormField, value: FormValue): FormValue {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (field.type === 'money' && GROUPED_AMOUNT.test(text)) return text.replace(/[.,\s]/g, '');
  if (field.type === 'number' && DECIMAL_COMMA.test(text)) return text.replace(',', '.');
  return value;
}

/** The draft with amounts and decimals written the Vietnamese way read as numbers. */
export function draftValues(definition: FormDefinition, draft: FormDraft): FormDraft {
  const values: FormDraft = {};
  for (const section of definition.sections) {
    for (const field of section.fields) {
      const value = draft[field.id];
      if (value !== undefined) values[field.id] = readTyped(field, value);
    }
  }
  return values;
}

/** Every field of the form, found by its id. */
export function fieldsById(definition: FormDefinition): Map<string, FormField> {
  return new Map(
    definition.sections.flatMap((section) => section.fields.map((field) => [field.id, field])),
  );
}
