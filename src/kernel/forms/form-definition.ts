/**
 * Forms as data: an application form (tờ khai) described by a definition that the portal
 * renders and the server validates with the same code (validate-form.ts), so a value the
 * browser accepts is never refused by the server for another reason, and the other way round.
 *
 * This file and the others the package index exports import nothing outside this folder: the
 * web app bundles them as they are.
 */

/** A text shown to people, Vietnamese first, with its English. */
export interface LocalText {
  vi: string;
  en: string;
}

/**
 * When a section or field applies. A field that does not apply is neither shown nor required,
 * and its value is dropped from what the server keeps.
 */
export type FormCondition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: ReadonlyArray<string | number> }
  | { field: string; filled: boolean }
  | { all: readonly FormCondition[] }
  | { any: readonly FormCondition[] }
  | { not: FormCondition };

export type FormFieldType =
  /** One line of text. */
  | 'text'
  /** Several lines. */
  | 'textarea'
  /** A whole number or a decimal, within min/max. */
  | 'number'
  /** An amount of Vietnamese đồng: a whole number ≥ 0. */
  | 'money'
  /** A calendar date, `YYYY-MM-DD`; min/max may be dates or `today`. */
  | 'date'
  /** One of the options, from a list. */
  | 'select'
  /** One of the options, as radio buttons. */
  | 'radio'
  /** Any number of the options. */
  | 'checkboxes'
  /** Yes or no. */
  | 'checkbox'
  | 'email'
  /** A Vietnamese phone number: 0 and 9–10 digits, or +84 and 9–10 digits. */
  | 'phone'
  /** A citizen identity number (số định danh cá nhân / CCCD): 12 digits. */
  | 'citizen_id'
  /** A commune-level administrative unit, by its 5-digit code. */
  | 'commune';

export interface FormOption {
  value: string;
  label: LocalText;
}

export interface FormField {
  /** Unique in the form; the key of the value, e.g. `child_full_name`. */
  id: string;
  type: FormFieldType;
  label: LocalText;
  help?: LocalText;
  /** Required always (true), never (false, the default), or when the condition holds. */
  required?: boolean | FormCondition;
  showIf?: FormCondition;
  /** For select, radio and checkboxes. */
  options?: readonly FormOption[];
  /** Numbers and money: bounds; dates: `YYYY-MM-DD` or `today`. */
  min?: number | string;
  max?: number | string;
  minLength?: number;
  maxLength?: number;
  /** An extra rule for text: a regular expression the whole value must match, and why. */
  pattern?: { regex: string; message: LocalText };
  /**
   * Personal data (names of people, identity numbers, addresses, phone numbers): masked in
   * staff lists, never in open data or exports, reads audited.
   */
  personal?: boolean;
}

export interface FormSection {
  id: string;
  title: LocalText;
  description?: LocalText;
  showIf?: FormCondition;
  fields: readonly FormField[];
}

export interface FormDefinition {
  version: 1;
  sections: readonly FormSection[];
}

/** A value as the form holds it: JSON. */
export type FormValue = string | number | boolean | readonly string[] | null;
export type FormValues = Readonly<Record<string, FormValue | undefined>>;
