/**
 * What the applicant wrote in the procedure's form, as the desk reads it: section by section
 * in the form's own order, each value under the field's label, a choice by its option's
 * label, a date as a date, an amount in đồng. Fields that did not apply (no value) are left
 * out; values the form no longer names (the form changed after submission) are kept apart
 * under their own keys, so nothing the applicant gave is hidden.
 */
import type { FormDefinition, FormField } from '../../../../src/kernel/forms';
import { formatNumber } from '../../shared/i18n/format';
import type { Locale } from '../../shared/i18n/translate';
import { formatDay } from '../documents/format-day';

export interface ValueRow {
  id: string;
  label: string;
  text: string;
}

export interface ValueSection {
  id: string;
  title: string;
  rows: ValueRow[];
}

export interface ValueWords {
  locale: Locale;
  yes: string;
  no: string;
  /** An amount already formatted, with its currency, e.g. "50.000 đồng". */
  money: (amount: string) => string;
  /** The name of a commune by its 5-digit code, when the list is at hand. */
  communeName?: ((code: string) => string | undefined) | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Any JSON value in words: lists joined, objects as their JSON. */
function plain(value: unknown, words: ValueWords): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return formatNumber(value, words.locale);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => plain(item, words)).join(', ');
  return JSON.stringify(value);
}

function optionLabel(field: FormField, value: unknown, locale: Locale): string | undefined {
  return field.options?.find((option) => option.value === value)?.label[locale];
}

/** One value of a field, in words. */
export function fieldText(field: FormField, value: unknown, words: ValueWords): string {
  const { locale } = words;
  switch (field.type) {
    case 'select':
    case 'radio':
      return optionLabel(field, value, locale) ?? plain(value, words);
    case 'checkboxes':
      return Array.isArray(value)
        ? value.map((item) => optionLabel(field, item, locale) ?? plain(item, words)).join(', ')
        : plain(value, words);
    case 'checkbox':
      return value === true ? words.yes : value === false ? words.no : plain(value, words);
    case 'money': {
      const amount = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(amount)
        ? words.money(formatNumber(amount, locale))
        : plain(value, words);
    }
    case 'number': {
      const number = typeof value === 'number' ? value : Number(value);
      return typeof value !== 'boolean' && value !== '' && Number.isFinite(number)
        ? formatNumber(number, locale)
        : plain(value, words);
    }
    case 'date':
      return typeof value === 'string' && DAY.test(value)
        ? formatDay(value, locale)
        : plain(value, words);
    case 'commune': {
      const code = plain(value, words);
      const name = words.communeName?.(code);
      return name ? `${name} (${code})` : code;
    }
    default:
      return plain(value, words);
  }
}

/** Whether the form asks for a commune anywhere (the commune names are then worth loading). */
export function hasCommuneField(form: FormDefinition | undefined): boolean {
  return (form?.sections ?? []).some((section) =>
    section.fields.some((field) => field.type === 'commune'),
  );
}

/** The applicant's values by the form's sections, then those the form does not name. */
export function formValueSections(
  form: FormDefinition | undefined,
  values: Readonly<Record<string, unknown>>,
  words: ValueWords,
): { sections: ValueSection[]; others: ValueRow[] } {
  const named = new Set<string>();
  const sections: ValueSection[] = [];
  for (const section of form?.sections ?? []) {
    const rows: ValueRow[] = [];
    for (const field of section.fields) {
      named.add(field.id);
      const value = values[field.id];
      if (isEmpty(value)) continue;
      rows.push({
        id: field.id,
        label: field.label[words.locale],
        text: fieldText(field, value, words),
      });
    }
    if (rows.length > 0) {
      sections.push({ id: section.id, title: section.title[words.locale], rows });
    }
  }
  const others = Object.entries(values)
    .filter(([id, value]) => !named.has(id) && !isEmpty(value))
    .map(([id, value]) => ({ id, label: id, text: plain(value, words) }));
  return { sections, others };
}
