/**
 * Validates a submitted form against its definition. The portal runs it as the person types and
 * the server runs it again on what arrives, with the same `today`, so they never disagree.
 */
import { isCalendarDate } from './calendar-date';
import { checkFieldRules } from './field-rules';
import type { FormDefinition, FormValue } from './form-definition';
import type { FormError } from './form-error';
import { readForm } from './read-form';

export interface ValidateFormOptions {
  /** Today in the province's time zone (Asia/Ho_Chi_Minh), `YYYY-MM-DD`: resolves `today`. */
  today: string;
}

export type FormValidation =
  /** The values of the fields that apply, normalised; fields not given are left out. */
  | { ok: true; values: Record<string, FormValue> }
  /** One error per field, in the order of the form; keys it does not have at the end. */
  | { ok: false; errors: FormError[] };

/**
 * Values of fields that do not apply are dropped, not refused: the person may have filled in a
 * section and then changed the answer that showed it.
 */
export function validateForm(
  definition: FormDefinition,
  values: Readonly<Record<string, unknown>>,
  options?: ValidateFormOptions,
): FormValidation {
  const today = options?.today;
  if (today !== undefined && !isCalendarDate(today)) {
    throw new Error(`options.today must be a date YYYY-MM-DD, not ${JSON.stringify(today)}`);
  }
  if (today === undefined && boundsByToday(definition)) {
    // Checked up front, not when a date happens to be given, so the mistake shows at once.
    throw new Error('This form bounds a date by `today`: pass options.today (YYYY-MM-DD)');
  }

  const errors: FormError[] = [];
  const accepted: [string, FormValue][] = [];
  const known = new Set<string>();
  for (const { field, applies, required, parsed } of readForm(definition, values)) {
    known.add(field.id);
    if (!applies) continue;
    if (parsed.kind === 'invalid') {
      errors.push({ field: field.id, code: parsed.code });
      continue;
    }
    // A required checkbox is a declaration: it must be ticked.
    const given = parsed.kind === 'value' && !(field.type === 'checkbox' && parsed.value === false);
    if (!given) {
      if (required) errors.push({ field: field.id, code: 'required' });
      else if (parsed.kind === 'value') accepted.push([field.id, parsed.value]);
      continue;
    }
    const broken = checkFieldRules(field, parsed.value, today);
    if (broken) errors.push({ field: field.id, ...broken });
    else accepted.push([field.id, parsed.value]);
  }
  for (const key of Object.keys(values)) {
    if (!known.has(key) && values[key] !== undefined) {
      errors.push({ field: key, code: 'unknown_field' });
    }
  }
  // fromEntries defines own properties, so even an id like `__proto__` stays a plain key.
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, values: Object.fromEntries(accepted) };
}

function boundsByToday(definition: FormDefinition): boolean {
  return definition.sections.some((section) =>
    section.fields.some(
      (field) => field.type === 'date' && (field.min === 'today' || field.max === 'today'),
    ),
  );
}
