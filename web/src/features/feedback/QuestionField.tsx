/** One question of a category, as the control its datatype calls for, labelled and checked. */
import { useId } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { Question } from './feedback-api';
import type { Answer } from './draft';

interface QuestionFieldProps {
  question: Question;
  answer: Answer | undefined;
  error: string | undefined;
  onChange: (answer: Answer) => void;
}

export function QuestionField({ question, answer, error, onChange }: QuestionFieldProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const label = locale === 'en' ? question.labelEn : question.label;
  const hint = locale === 'en' ? question.hintEn : question.hint;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const text = typeof answer === 'string' ? answer : '';
  const chosen = Array.isArray(answer) ? answer : [];
  const marker = question.required ? (
    <span className="feedback-required"> {t('feedback.required')}</span>
  ) : (
    <span className="field-optional"> {t('form.optional')}</span>
  );
  const common = {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': question.required || undefined,
  } as const;
  const extra = (
    <>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
    </>
  );
  const problem = error ? (
    <p id={errorId} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  ) : null;
  const valueName = (value: { name: string; nameEn: string }) =>
    locale === 'en' ? value.nameEn : value.name;

  if (question.datatype === 'multivaluelist' || question.datatype === 'singlevaluelist') {
    const multiple = question.datatype === 'multivaluelist';
    return (
      <fieldset
        className={`field feedback-choices${error ? ' field-invalid' : ''}`}
        aria-describedby={describedBy}
      >
        <legend>
          {label}
          {marker}
        </legend>
        {extra}
        {(question.values ?? []).map((value) => (
          <label key={value.key} className="checkbox">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`${id}-${question.code}`}
              value={value.key}
              checked={multiple ? chosen.includes(value.key) : text === value.key}
              onChange={(event) =>
                onChange(
                  multiple
                    ? event.target.checked
                      ? [...chosen, value.key]
                      : chosen.filter((key) => key !== value.key)
                    : value.key,
                )
              }
            />
            {valueName(value)}
          </label>
        ))}
        {problem}
      </fieldset>
    );
  }

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {marker}
      </label>
      {extra}
      {question.datatype === 'text' ? (
        <textarea
          id={id}
          rows={3}
          maxLength={2000}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      ) : (
        <input
          id={id}
          type={
            question.datatype === 'number'
              ? 'number'
              : question.datatype === 'datetime'
                ? 'datetime-local'
                : 'text'
          }
          inputMode={question.datatype === 'number' ? 'decimal' : undefined}
          maxLength={question.datatype === 'string' ? 2000 : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      )}
      {problem}
    </div>
  );
}
