/**
 * Reads a filled-in form top-down, the way a person does: each field's value is parsed, and the
 * conditions of what follows see the normalised values of what came before. A definition that
 * passes check-definition.ts only looks back, so one pass settles everything.
 */
import { conditionHolds, fieldRequired, sectionApplies } from './conditions';
import type { FormDefinition, FormField, FormSection, FormValue } from './form-definition';
import { parseFieldValue, type ParsedFieldValue } from './parse-field-value';

export interface FieldReading {
  section: FormSection;
  sectionApplies: boolean;
  field: FormField;
  applies: boolean;
  /** Whether it must be given; false when it does not apply. */
  required: boolean;
  parsed: ParsedFieldValue;
}

export function readForm(
  definition: FormDefinition,
  values: Readonly<Record<string, unknown>>,
): FieldReading[] {
  // No prototype: a field named `constructor` is just a field.
  const seen: Record<string, FormValue> = Object.create(null);
  const readings: FieldReading[] = [];
  for (const section of definition.sections) {
    const shown = sectionApplies(section, seen);
    for (const field of section.fields) {
      const applies = shown && (field.showIf === undefined || conditionHolds(field.showIf, seen));
      const required = applies && fieldRequired(field, seen);
      const raw = Object.hasOwn(values, field.id) ? values[field.id] : undefined;
      const parsed = parseFieldValue(field, raw);
      // What does not apply is invisible to later conditions, as it is to the person.
      if (applies && parsed.kind === 'value') seen[field.id] = parsed.value;
      readings.push({ section, sectionApplies: shown, field, applies, required, parsed });
    }
  }
  return readings;
}

export interface ApplicableParts {
  sections: Set<string>;
  fields: Set<string>;
}

/**
 * The sections and fields that apply to these values: the portal shows these and no others,
 * and the server keeps the values of these fields only.
 */
export function whatApplies(
  definition: FormDefinition,
  values: Readonly<Record<string, unknown>>,
): ApplicableParts {
  const parts: ApplicableParts = { sections: new Set(), fields: new Set() };
  for (const reading of readForm(definition, values)) {
    if (reading.sectionApplies) parts.sections.add(reading.section.id);
    if (reading.applies) parts.fields.add(reading.field.id);
  }
  return parts;
}
