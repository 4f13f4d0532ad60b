/**
 * A filled form read back to the person, section by section, with the form's own labels: a
 * choice by its option's label, a date as dd/mm/yyyy, money in đồng, a commune by its name,
 * a ticked box as "Có". Only the fields that apply and were answered are listed. A value the
 * form no longer has (the procedure's form changed since the dossier was submitted) is still
 * listed, under its key, rather than dropped.
 */
import { whatApplies, type FormDefinition, type FormField } from '../../../../src/kernel/forms';
import type { Locale } from '../../shared/i18n/translate';
import { formatVnd, legalDate } from '../procedures/procedure-format';
import { formatNumber } from '../../shared/i18n/format';

export interface AnswerLine {
  fieldId: string;
  label: string;
  text: string;
}

export interface AnswerSection {
  id: string;
  title: string;
  lines: AnswerLine[];
}

export interface ValueWords {
  locale: Locale;
  yes: string;
  no: string;
  /** The name of a commune by its code, when known. */
  communeName: (code: string) => string | undefined;
}

function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function optionLabel(field: FormField, value: string, locale: Locale): string {
  return field.options?.find((option) => option.value === value)?.label[locale] ?? value;
}

export function valueText(field: FormField | undefined, value: unknown, words: ValueWords): string {
  const { locale } = words;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    return value
      .map((each) => (field ? optionLabel(field, String(each), locale) : String(each)))
      .join(', ');
  }
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);
  switch (field?.type) {
    case 'select':
    case 'radio':
      return optionLabel(field, text, locale);
    case 'date':
      return legalDate(text);
    case 'money': {
      const amount = Number(text);
      return Number.isFinite(amount) ? formatVnd(amount, locale) : text;
    }
    case 'number': {
      const number = Number(text);
      return Number.isFinite(number) ? formatNumber(number, locale) : text;
    }
    case 'commune':
      return words.communeName(text) ?? text;
    default:
      return text;
  }
}

export function answeredSections(
  definition: FormDefinition | undefined,
  values: Readonly<Record<string, unknown>>,
  words: ValueWords,
): AnswerSection[] {
  const known = new Set<string>();
  const sections: AnswerSection[] = [];
  if (definition) {
    const applies = whatApplies(definition, values);
    for (const section of definition.sections) {
      // A hidden section's answers are the form's own, not "other": they are left out.
      for (const field of section.fields) known.add(field.id);
      if (!applies.sections.has(section.id)) continue;
      const lines: AnswerLine[] = [];
      for (const field of section.fields) {
        const value = values[field.id];
        if (!applies.fields.has(field.id) || !isAnswered(value)) continue;
        lines.push({
          fieldId: field.id,
          label: field.label[words.locale].replace(/[\s:]+$/, ''),
          text: valueText(field, value, words),
        });
      }
      if (lines.length > 0)
        sections.push({ id: section.id, title: section.title[words.locale], lines });
    }
  }
  const others = Object.entries(values)
    .filter(([id, value]) => !known.has(id) && isAnswered(value))
    .map(([id, value]) => ({ fieldId: id, label: id, text: valueText(undefined, value, words) }));
  if (others.length > 0) sections.push({ id: '', title: '', lines: others });
  return sections;
}
