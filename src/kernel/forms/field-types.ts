/**
 * What each field type makes of the definition's optional properties. One table, so the
 * definition check (which refuses a property a type ignores, since the author meant something by
 * it) and the validator cannot drift apart.
 */
import type { FormFieldType } from './form-definition';

export interface FieldTypeTraits {
  /** Chooses among `options`. */
  options: boolean;
  /** What `min` and `max` bound, if anything. */
  bounds: 'number' | 'money' | 'date' | null;
  /** Counts characters against `minLength`/`maxLength` and matches `pattern`. */
  text: boolean;
}

const none: FieldTypeTraits = { options: false, bounds: null, text: false };

export const FIELD_TYPE_TRAITS: Readonly<Record<FormFieldType, FieldTypeTraits>> = {
  text: { ...none, text: true },
  textarea: { ...none, text: true },
  number: { ...none, bounds: 'number' },
  money: { ...none, bounds: 'money' },
  date: { ...none, bounds: 'date' },
  select: { ...none, options: true },
  radio: { ...none, options: true },
  checkboxes: { ...none, options: true },
  checkbox: none,
  email: none,
  phone: none,
  citizen_id: none,
  commune: none,
};

/** Every field type, in the order the type declares them. */
export const FORM_FIELD_TYPES = Object.keys(FIELD_TYPE_TRAITS) as readonly FormFieldType[];

export function isFormFieldType(value: unknown): value is FormFieldType {
  return typeof value === 'string' && Object.hasOwn(FIELD_TYPE_TRAITS, value);
}
