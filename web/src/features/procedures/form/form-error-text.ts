/**
 * The sentence for a form error, in the reader's language. The validator (kernel/forms) names
 * the error by a stable code with its numbers, and the definition holds the labels and the
 * pattern's own message, so the wording lives here, once, for the preview and the real
 * submission alike — and for errors the server sends back in the same shape.
 */
import type { FormError, FormField } from '../../../../../src/kernel/forms';
import { formatNumber } from '../../../shared/i18n/format';
import type { Locale, MessageKey, MessageParams } from '../../../shared/i18n/translate';
import { formatVnd, legalDate } from '../procedure-format';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const REQUIRED_KEY: Partial<Record<FormField['type'], MessageKey>> = {
  select: 'procedures.formError.requiredChoice',
  radio: 'procedures.formError.requiredChoice',
  commune: 'procedures.formError.requiredCommune',
  checkboxes: 'procedures.formError.requiredChoices',
  checkbox: 'procedures.formError.requiredTick',
};

/** What a value of each type must look like, said when it does not. */
const TYPE_KEY: Record<FormField['type'], MessageKey> = {
  text: 'procedures.formError.typeText',
  textarea: 'procedures.formError.typeText',
  number: 'procedures.formError.typeNumber',
  money: 'procedures.formError.typeMoney',
  date: 'procedures.formError.typeDate',
  select: 'procedures.formError.option',
  radio: 'procedures.formError.option',
  checkboxes: 'procedures.formError.option',
  checkbox: 'procedures.formError.typeCheckbox',
  email: 'procedures.formError.typeEmail',
  phone: 'procedures.formError.typePhone',
  citizen_id: 'procedures.formError.typeCitizenId',
  commune: 'procedures.formError.typeCommune',
};

/** A bound as the field's type reads it: a date, an amount of đồng, or a number. */
function boundText(field: FormField | undefined, bound: string | number, locale: Locale): string {
  if (typeof bound === 'string') return legalDate(bound);
  if (field?.type === 'money') return formatVnd(bound, locale);
  return formatNumber(bound, locale);
}

export function formErrorText(
  error: FormError,
  field: FormField | undefined,
  locale: Locale,
  t: Translate,
): string {
  const params = error.params ?? {};
  switch (error.code) {
    case 'required':
      return t((field && REQUIRED_KEY[field.type]) ?? 'procedures.formError.required');
    case 'type':
      return t(field ? TYPE_KEY[field.type] : 'form.invalid');
    case 'min': {
      if (field?.type === 'date') {
        return field.min === 'today'
          ? t('procedures.formError.dateNotPast')
          : t('procedures.formError.dateMin', { min: boundText(field, params.min ?? '', locale) });
      }
      return t('procedures.formError.min', { min: boundText(field, params.min ?? 0, locale) });
    }
    case 'max': {
      if (field?.type === 'date') {
        return field.max === 'today'
          ? t('procedures.formError.dateNotFuture')
          : t('procedures.formError.dateMax', { max: boundText(field, params.max ?? '', locale) });
      }
      return t('procedures.formError.max', { max: boundText(field, params.max ?? 0, locale) });
    }
    case 'min_length':
      return t('procedures.formError.minLength', {
        min: formatNumber(Number(params.min), locale),
        length: formatNumber(Number(params.length), locale),
      });
    case 'max_length':
      return t('procedures.formError.maxLength', {
        max: formatNumber(Number(params.max), locale),
        length: formatNumber(Number(params.length), locale),
      });
    case 'pattern':
      return field?.pattern ? field.pattern.message[locale] : t('form.invalid');
    case 'option':
      return t('procedures.formError.option');
    case 'unknown_field':
      return t('procedures.formError.unknownField');
    default:
      // A code added to the kernel after this file: say something true rather than nothing.
      return t('form.invalid');
  }
}
