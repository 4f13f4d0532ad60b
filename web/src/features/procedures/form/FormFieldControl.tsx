/**
 * One field of a form definition as a labelled control, for every field type of kernel/forms.
 * Its help and its error are tied to it (aria-describedby), an error also marks it
 * aria-invalid, and a required field carries a visible mark and aria-required (groups of radio
 * buttons or boxes say it in their legend, since a group cannot be aria-required).
 *
 * Inputs keep what was typed as text; the validator reads numbers and dates from it, so what
 * a person typed is never rewritten under their fingers.
 */
import type { ReactNode } from 'react';
import type { FormField, FormValue } from '../../../../../src/kernel/forms';
import { useI18n } from '../../../shared/i18n/i18n';
import { CommuneSelect } from './CommuneSelect';

export interface FieldControlProps {
  field: FormField;
  /** The id of the control (of the first control, for a group): error links point here. */
  id: string;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  required: boolean;
  error: string | undefined;
  /** `YYYY-MM-DD` in Vietnam, for date bounds written `today`. */
  today: string;
}

function RequiredMark({ inGroup }: { inGroup?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <span className="form-required" aria-hidden="true">
        {' *'}
      </span>
      {inGroup ? <span className="visually-hidden"> {t('procedures.form.required')}</span> : null}
    </>
  );
}

const asText = (value: FormValue | undefined): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const asList = (value: FormValue | undefined): readonly string[] =>
  Array.isArray(value) ? (value as readonly string[]) : [];

/** A date bound for the date picker: `today` resolved, anything else as written. */
const dateBound = (bound: FormField['min'], today: string): string | undefined =>
  typeof bound === 'string' ? (bound === 'today' ? today : bound) : undefined;

export function FormFieldControl({
  field,
  id,
  value,
  onChange,
  required,
  error,
  today,
}: FieldControlProps) {
  const { locale } = useI18n();
  const label = field.label[locale];
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const help = field.help ? (
    <p id={helpId} className="field-hint">
      {field.help[locale]}
    </p>
  ) : null;
  const errorLine = error ? (
    <p id={errorId} className="field-error">
      {error}
    </p>
  ) : null;
  const shell = (control: ReactNode) => (
    <div className={`field form-field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {help}
      {control}
      {errorLine}
    </div>
  );
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
  };
  const text = asText(value);
  const setText = (next: string) => onChange(next);

  switch (field.type) {
    case 'text':
      return shell(
        <input
          {...common}
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'textarea':
      return shell(
        <textarea
          {...common}
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'number':
      return shell(
        <input
          {...common}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'money':
      return shell(
        <span className="form-money">
          <input
            {...common}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <span aria-hidden="true">{locale === 'vi' ? 'đ' : 'VND'}</span>
        </span>,
      );
    case 'date':
      return shell(
        <input
          {...common}
          type="date"
          min={dateBound(field.min, today)}
          max={dateBound(field.max, today)}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'email':
      return shell(
        <input
          {...common}
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'phone':
      return shell(
        <input
          {...common}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'citizen_id':
      return shell(
        <input
          {...common}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          className="form-citizen-id"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />,
      );
    case 'commune':
      return shell(
        <CommuneSelect
          id={id}
          value={text}
          onChange={setText}
          describedBy={describedBy}
          invalid={!!error}
          required={required}
        />,
      );
    case 'select':
      return shell(<ChoiceSelect {...common} field={field} value={text} onChange={setText} />);
    case 'checkbox':
      return (
        <div className={`field form-field${error ? ' field-invalid' : ''}`}>
          {help}
          <div className="checkbox form-checkbox">
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
            />
            <label htmlFor={id}>
              {label}
              {required ? <RequiredMark /> : null}
            </label>
          </div>
          {errorLine}
        </div>
      );
    case 'radio':
    case 'checkboxes': {
      const many = field.type === 'checkboxes';
      const ticked = asList(value);
      return (
        <fieldset
          className={`form-group${error ? ' field-invalid' : ''}`}
          aria-describedby={describedBy}
        >
          <legend>
            {label}
            {required ? <RequiredMark inGroup /> : null}
          </legend>
          {help}
          {(field.options ?? []).map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${index}`;
            const checked = many ? ticked.includes(option.value) : text === option.value;
            return (
              <div className="checkbox" key={option.value}>
                <input
                  id={optionId}
                  type={many ? 'checkbox' : 'radio'}
                  name={id}
                  value={option.value}
                  checked={checked}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => {
                    if (!many) onChange(option.value);
                    else if (event.target.checked) onChange([...ticked, option.value]);
                    else onChange(ticked.filter((each) => each !== option.value));
                  }}
                />
                <label htmlFor={optionId}>{option.label[locale]}</label>
              </div>
            );
          })}
          {errorLine}
        </fieldset>
      );
    }
    default:
      // A type added to the kernel after this renderer: show nothing rather than guess.
      return null;
  }
}

function ChoiceSelect({
  field,
  value,
  onChange,
  ...common
}: {
  field: FormField;
  value: string;
  onChange: (value: string) => void;
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
  'aria-required': boolean | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('procedures.form.choose')}</option>
      {(field.options ?? []).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label[locale]}
        </option>
      ))}
    </select>
  );
}
