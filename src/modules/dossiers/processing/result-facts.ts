/**
 * What a result states, taken from the form the applicant filled: every answered field in the
 * form's order, options by their labels and communes by their names. Declarations (a ticked
 * "I declare…"), phone numbers and e-mail addresses are how the desk reached the applicant,
 * not what the result certifies, and stay out.
 */
import type { FormDefinition, FormValues } from '../../../kernel/forms';
import { whatApplies } from '../../../kernel/forms';
import type { ResultFact } from '../slips';

const LEFT_OUT = new Set(['checkbox', 'email', 'phone']);

export function resultFacts(
  form: FormDefinition,
  values: FormValues,
  communeNames: ReadonlyMap<string, string>,
): ResultFact[] {
  const applies = whatApplies(form, values);
  const facts: ResultFact[] = [];
  for (const section of form.sections) {
    if (!applies.sections.has(section.id)) continue;
    for (const field of section.fields) {
      if (LEFT_OUT.has(field.type) || !applies.fields.has(field.id)) continue;
      const value = values[field.id];
      if (value === undefined || value === null || value === '') continue;
      const option = (v: string) => field.options?.find((o) => o.value === v)?.label.vi ?? v;
      let text: string;
      if (Array.isArray(value)) text = value.map(option).join(', ');
      else if (field.type === 'commune') text = communeNames.get(String(value)) ?? String(value);
      else if (field.type === 'date') text = String(value).split('-').reverse().join('/');
      else if (field.options) text = option(String(value));
      else text = String(value);
      facts.push({ label: field.label.vi, value: text });
    }
  }
  return facts;
}
