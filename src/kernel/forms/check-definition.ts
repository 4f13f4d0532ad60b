/**
 * Checks a form definition before it is imported, for what its JSON shape cannot say: ids that
 * are unique and usable as keys, conditions that only look back (so the form reads top-down and
 * one pass validates it), options, bounds and patterns that make sense for the field's type,
 * and labels in both languages. A definition with problems is never used: validate-form.ts
 * trusts it.
 */
import { isCalendarDate, isDateBound } from './calendar-date';
import { MAX_CONDITION_DEPTH } from './conditions';
import { FIELD_TYPE_TRAITS, isFormFieldType, type FieldTypeTraits } from './field-types';
import type {
  FormCondition,
  FormDefinition,
  FormField,
  FormOption,
  LocalText,
} from './form-definition';
import { parseFieldValue } from './parse-field-value';

export type DefinitionProblemCode =
  | 'version'
  | 'empty_form'
  | 'empty_section'
  | 'id_format'
  | 'duplicate_id'
  | 'unknown_type'
  | 'empty_label'
  | 'options_missing'
  | 'duplicate_option'
  /** An option value that is empty, padded with spaces or not NFC: no answer could match it. */
  | 'option_value'
  /** A property the field's type ignores (options on a text field, min on a phone…). */
  | 'not_for_type'
  | 'bad_bound'
  | 'min_above_max'
  | 'invalid_pattern'
  | 'condition_unknown_field'
  /** A condition on the field itself or on one further down the form. */
  | 'condition_forward'
  | 'condition_too_deep'
  /** `all: []`, `any: []` or `in: []`: always true or always false, surely a slip. */
  | 'condition_empty'
  /** A value the field can never have once normalised ("parnet" for a radio, "5" for a number). */
  | 'condition_value'
  /** `filled` on a checkbox, which always holds a value: say `equals: true`. */
  | 'condition_filled_checkbox';

export interface DefinitionProblem {
  code: DefinitionProblemCode;
  /** Where, e.g. `sections[1].fields[0].showIf.any[2].field`. */
  path: string;
  /** For the person importing the definition, in English. */
  message: string;
}

/** Ids are keys in stored values, URLs of the portal and CSS; keep them plain. */
const ID = /^[a-z][a-z0-9_]*$/;

export function checkFormDefinition(definition: FormDefinition): DefinitionProblem[] {
  return new DefinitionCheck(definition).problems;
}

class DefinitionCheck {
  readonly problems: DefinitionProblem[] = [];
  /** Every field id of the form, to tell a condition looking ahead from a misspelt one. */
  private readonly allFieldIds = new Set<string>();
  /** The fields above the point being checked: what a condition there may look at. */
  private readonly earlier = new Map<string, FormField>();

  constructor(definition: FormDefinition) {
    if (definition.version !== 1) this.report('version', 'version', 'the version must be 1');
    if (definition.sections.length === 0) {
      this.report('empty_form', 'sections', 'the form has no sections');
    }
    for (const section of definition.sections) {
      for (const field of section.fields) this.allFieldIds.add(field.id);
    }
    const sectionIds = new Set<string>();
    const fieldIds = new Set<string>();
    definition.sections.forEach((section, s) => {
      const at = `sections[${s}]`;
      this.checkId(section.id, `${at}.id`, sectionIds, 'section');
      this.checkText(section.title, `${at}.title`);
      if (section.description !== undefined)
        this.checkText(section.description, `${at}.description`);
      if (section.showIf !== undefined) this.checkCondition(section.showIf, `${at}.showIf`, 1);
      if (section.fields.length === 0) {
        this.report('empty_section', `${at}.fields`, `section "${section.id}" has no fields`);
      }
      section.fields.forEach((field, f) => {
        const where = `${at}.fields[${f}]`;
        this.checkId(field.id, `${where}.id`, fieldIds, 'field');
        this.checkField(field, where);
        if (field.showIf !== undefined) this.checkCondition(field.showIf, `${where}.showIf`, 1);
        if (typeof field.required === 'object') {
          this.checkCondition(field.required, `${where}.required`, 1);
        }
        if (!this.earlier.has(field.id)) this.earlier.set(field.id, field);
      });
    });
  }

  private report(code: DefinitionProblemCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }

  private checkId(id: string, path: string, seen: Set<string>, kind: 'section' | 'field'): void {
    if (typeof id !== 'string' || !ID.test(id)) {
      this.report('id_format', path, `${kind} id ${JSON.stringify(id)} must match ${ID.source}`);
    } else if (seen.has(id)) {
      this.report('duplicate_id', path, `${kind} id "${id}" appears twice`);
    }
    seen.add(id);
  }

  private checkText(text: LocalText | undefined, path: string): void {
    for (const language of ['vi', 'en'] as const) {
      const value: unknown = text?.[language];
      if (typeof value !== 'string' || value.trim() === '') {
        this.report('empty_label', `${path}.${language}`, `the ${language} text is empty`);
      }
    }
  }

  private checkField(field: FormField, at: string): void {
    this.checkText(field.label, `${at}.label`);
    if (field.help !== undefined) this.checkText(field.help, `${at}.help`);
    if (!isFormFieldType(field.type)) {
      this.report('unknown_type', `${at}.type`, `unknown field type ${JSON.stringify(field.type)}`);
      return;
    }
    const traits = FIELD_TYPE_TRAITS[field.type];
    const ignored = (property: string) =>
      this.report('not_for_type', `${at}.${property}`, `a ${field.type} field has no ${property}`);

    if (traits.options) this.checkOptions(field, at);
    else if (field.options !== undefined) ignored('options');

    if (traits.bounds) this.checkBounds(field, traits.bounds, at);
    else
      for (const bound of ['min', 'max'] as const) if (field[bound] !== undefined) ignored(bound);

    if (traits.text) this.checkTextRules(field, at);
    else {
      for (const rule of ['minLength', 'maxLength', 'pattern'] as const) {
        if (field[rule] !== undefined) ignored(rule);
      }
    }
  }

  private checkOptions(field: FormField, at: string): void {
    const options: readonly FormOption[] = field.options ?? [];
    if (options.length === 0) {
      this.report('options_missing', `${at}.options`, `field "${field.id}" has no options`);
    }
    const values = new Set<string>();
    options.forEach((option, o) => {
      const path = `${at}.options[${o}]`;
      const { value } = option;
      if (typeof value !== 'string' || value === '' || value !== value.trim().normalize('NFC')) {
        this.report(
          'option_value',
          `${path}.value`,
          `option value ${JSON.stringify(value)} cannot be chosen (empty, padded or not NFC)`,
        );
      } else if (values.has(value)) {
        this.report('duplicate_option', `${path}.value`, `option "${value}" appears twice`);
      }
      values.add(value);
      this.checkText(option.label, `${path}.label`);
    });
  }

  private checkBounds(
    field: FormField,
    kind: NonNullable<FieldTypeTraits['bounds']>,
    at: string,
  ): void {
    const valid = (bound: unknown): boolean => {
      if (kind === 'date') return isDateBound(bound);
      if (kind === 'money') return Number.isSafeInteger(bound) && (bound as number) >= 0;
      return typeof bound === 'number' && Number.isFinite(bound);
    };
    const { min, max } = field;
    for (const [name, bound] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (bound !== undefined && !valid(bound)) {
        const expected =
          kind === 'date'
            ? 'a date YYYY-MM-DD or "today"'
            : kind === 'money'
              ? 'a whole number of đồng ≥ 0'
              : 'a finite number';
        this.report(
          'bad_bound',
          `${at}.${name}`,
          `${name} of "${field.id}" must be ${expected}, not ${JSON.stringify(bound)}`,
        );
      }
    }
    // Two fixed bounds compare as they are; `today` moves, so a bound by it cannot be judged here.
    const comparable =
      valid(min) &&
      valid(max) &&
      (kind !== 'date' || (isCalendarDate(min as string) && isCalendarDate(max as string)));
    if (comparable && (min as number | string) > (max as number | string)) {
      this.report('min_above_max', `${at}.min`, `min of "${field.id}" is above its max`);
    }
  }

  private checkTextRules(field: FormField, at: string): void {
    const { minLength, maxLength, pattern } = field;
    const valid = (length: unknown) => Number.isSafeInteger(length) && (length as number) >= 0;
    for (const [name, length] of [
      ['minLength', minLength],
      ['maxLength', maxLength],
    ] as const) {
      if (length !== undefined && !valid(length)) {
        this.report(
          'bad_bound',
          `${at}.${name}`,
          `${name} of "${field.id}" must be a whole number ≥ 0`,
        );
      }
    }
    if (valid(minLength) && valid(maxLength) && (minLength as number) > (maxLength as number)) {
      this.report(
        'min_above_max',
        `${at}.minLength`,
        `minLength of "${field.id}" is above its maxLength`,
      );
    }
    if (pattern === undefined) return;
    try {
      // As validate-form.ts compiles it, less the anchors; a pattern valid alone stays one group.
      new RegExp(pattern.regex, 'u');
    } catch (error) {
      this.report(
        'invalid_pattern',
        `${at}.pattern.regex`,
        `pattern of "${field.id}": ${(error as Error).message}`,
      );
    }
    this.checkText(pattern.message, `${at}.pattern.message`);
  }

  private checkCondition(condition: FormCondition, at: string, depth: number): void {
    if (depth > MAX_CONDITION_DEPTH) {
      this.report('condition_too_deep', at, `conditions nest at most ${MAX_CONDITION_DEPTH} deep`);
      return;
    }
    if ('all' in condition || 'any' in condition) {
      const [name, parts] = 'all' in condition ? ['all', condition.all] : ['any', condition.any];
      if (parts.length === 0)
        this.report('condition_empty', `${at}.${name}`, `"${name}" lists no conditions`);
      parts.forEach((part, i) => this.checkCondition(part, `${at}.${name}[${i}]`, depth + 1));
      return;
    }
    if ('not' in condition) {
      this.checkCondition(condition.not, `${at}.not`, depth + 1);
      return;
    }
    const target = this.earlier.get(condition.field);
    if (!target) {
      const [code, why] = this.allFieldIds.has(condition.field)
        ? (['condition_forward', 'which is not above it in the form'] as const)
        : (['condition_unknown_field', 'which the form does not have'] as const);
      this.report(code, `${at}.field`, `the condition looks at field "${condition.field}", ${why}`);
      return;
    }
    if ('equals' in condition) this.checkComparedValue(target, condition.equals, `${at}.equals`);
    else if ('in' in condition) {
      if (condition.in.length === 0)
        this.report('condition_empty', `${at}.in`, '"in" lists no values');
      condition.in.forEach((value, i) => this.checkComparedValue(target, value, `${at}.in[${i}]`));
    } else if (target.type === 'checkbox') {
      this.report(
        'condition_filled_checkbox',
        at,
        `checkbox "${target.id}" always has a value: use equals: true`,
      );
    }
  }

  /** The value must be one the field can hold once normalised, or the condition never holds. */
  private checkComparedValue(target: FormField, value: unknown, at: string): void {
    if (!isFormFieldType(target.type)) return;
    // A condition on checkboxes compares one ticked option.
    const probe: FormField = target.type === 'checkboxes' ? { ...target, type: 'select' } : target;
    const parsed = parseFieldValue(probe, value);
    if (parsed.kind !== 'value' || parsed.value !== value) {
      this.report(
        'condition_value',
        at,
        `field "${target.id}" (${target.type}) never holds ${JSON.stringify(value)}`,
      );
    }
  }
}
