/**
 * When a section or field applies, and when a field is required. The portal calls these to
 * decide what to show, the server (through read-form.ts) to decide what to require and what to
 * keep, so both agree.
 *
 * Conditions are evaluated against normalised values (see read-form.ts): `12` and `"12"` typed
 * in a number field are the same number, an unticked checkbox is `false`.
 */
import type { FormCondition, FormField, FormSection } from './form-definition';

/**
 * How deep conditions may nest, counting the condition itself: `any → all → not → {field…}` is
 * 4. Forms that need more are unreadable for the people who maintain them; the bound also lets
 * the JSON schema spell conditions out without a recursive `$ref` (form-definition.schema.ts).
 */
export const MAX_CONDITION_DEPTH = 4;

/** Values by field id, as JSON holds them (normalised ones are `FormValue`s). */
export type ConditionValues = Readonly<Record<string, unknown>>;

/** Not given: missing, null, an empty or blank string, an empty list. */
export function isGiven(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * `equals` and `in` compare strictly (`"12"` is not `12`); on a checkboxes field they hold when
 * any ticked option matches, which is what "show when Khác is ticked" needs.
 */
export function conditionHolds(condition: FormCondition, values: ConditionValues): boolean {
  if ('all' in condition) return condition.all.every((each) => conditionHolds(each, values));
  if ('any' in condition) return condition.any.some((each) => conditionHolds(each, values));
  if ('not' in condition) return !conditionHolds(condition.not, values);
  // Own properties only: a field named `constructor` must not find Object.prototype's.
  const value = Object.hasOwn(values, condition.field) ? values[condition.field] : undefined;
  if ('equals' in condition) return someValue(value, (one) => one === condition.equals);
  if ('in' in condition) {
    return someValue(value, (one) => condition.in.some((candidate) => candidate === one));
  }
  return isGiven(value) === condition.filled;
}

function someValue(value: unknown, test: (one: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

export function sectionApplies(section: FormSection, values: ConditionValues): boolean {
  return section.showIf === undefined || conditionHolds(section.showIf, values);
}

/** A field applies when its section's showIf and its own showIf hold. */
export function fieldApplies(
  section: FormSection,
  field: FormField,
  values: ConditionValues,
): boolean {
  return (
    sectionApplies(section, values) &&
    (field.showIf === undefined || conditionHolds(field.showIf, values))
  );
}

/** Whether the field must be given (for a checkbox: ticked), assuming it applies. */
export function fieldRequired(field: FormField, values: ConditionValues): boolean {
  const { required } = field;
  if (required === undefined || typeof required === 'boolean') return required === true;
  return conditionHolds(required, values);
}
