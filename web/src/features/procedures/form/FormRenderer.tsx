/**
 * Renders a form definition of kernel/forms (a tờ khai): its sections and fields, showing and
 * hiding them as the answers change, exactly as the server will read them (whatApplies, the
 * same code it runs). It holds no state: the page owns the draft and the errors, so the same
 * renderer serves the preview on a procedure's page and, later, the real submission, whose
 * errors may come back from the server in the same shape.
 *
 * After a check, the errors of the fields that still apply are shown beside them and listed
 * in a summary at the top, which takes the focus.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  fieldRequired,
  whatApplies,
  type FormDefinition,
  type FormError,
  type FormValue,
} from '../../../../../src/kernel/forms';
import { useI18n } from '../../../shared/i18n/i18n';
import { draftValues, fieldsById, type FormDraft } from './form-draft';
import { formErrorText } from './form-error-text';
import { ErrorSummary, type SummaryLine } from './ErrorSummary';
import { FormFieldControl } from './FormFieldControl';
import './form-renderer.css';

export interface FormRendererProps {
  definition: FormDefinition;
  draft: FormDraft;
  onDraftChange: (draft: FormDraft) => void;
  /** The errors of the last check, here or by the server; null before the first check. */
  errors: readonly FormError[] | null;
  onSubmit: () => void;
  /** `YYYY-MM-DD` in Vietnam (todayInVietnam): date bounds written `today`. */
  today: string;
  /** Unique on the page: element ids are `{idPrefix}-{field id}`. */
  idPrefix: string;
  /** The level of the section headings, under the page's own. */
  headingLevel?: 2 | 3;
  /** The form's buttons. */
  children: ReactNode;
}

export function FormRenderer({
  definition,
  draft,
  onDraftChange,
  errors,
  onSubmit,
  today,
  idPrefix,
  headingLevel = 2,
  children,
}: FormRendererProps) {
  const { t, locale } = useI18n();
  const values = useMemo(() => draftValues(definition, draft), [definition, draft]);
  const applies = useMemo(() => whatApplies(definition, values), [definition, values]);
  const fields = useMemo(() => fieldsById(definition), [definition]);
  const controlId = (fieldId: string) => `${idPrefix}-${fieldId}`;

  // Errors of fields hidden since the check are moot: the server drops those values.
  const shown = (errors ?? []).filter(
    (error) => applies.fields.has(error.field) || !fields.has(error.field),
  );
  const messageOf = (error: FormError) => formErrorText(error, fields.get(error.field), locale, t);
  const errorByField = new Map(shown.map((error) => [error.field, messageOf(error)]));
  const lines: SummaryLine[] = shown.map((error) => {
    const field = fields.get(error.field);
    return {
      target: field ? controlId(field.id) : null,
      // "… của mình." then ": message" would read as two sentences run together.
      label: field ? field.label[locale].replace(/[\s.:;]+$/, '') : error.field,
      message: messageOf(error),
    };
  });

  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new check with problems: start the reader at the list of them.
    if (errors && errors.length > 0) summary.current?.focus();
  }, [errors]);

  const announcement = useSectionAnnouncement(definition, applies.sections);

  const set = (fieldId: string, value: FormValue) => onDraftChange({ ...draft, [fieldId]: value });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <form className="form-renderer" noValidate onSubmit={submit}>
      {lines.length > 0 ? (
        <ErrorSummary
          ref={summary}
          id={`${idPrefix}-summary`}
          lines={lines}
          headingLevel={headingLevel}
        />
      ) : null}
      <p className="note">{t('procedures.form.requiredNote')}</p>
      {definition.sections
        .filter((section) => applies.sections.has(section.id))
        .map((section) => (
          <section
            key={section.id}
            className="form-section"
            aria-labelledby={`${idPrefix}-section-${section.id}`}
          >
            <Heading id={`${idPrefix}-section-${section.id}`}>{section.title[locale]}</Heading>
            {section.description ? <p className="note">{section.description[locale]}</p> : null}
            {section.fields
              .filter((field) => applies.fields.has(field.id))
              .map((field) => (
                <FormFieldControl
                  key={field.id}
                  field={field}
                  id={controlId(field.id)}
                  value={draft[field.id]}
                  onChange={(value) => set(field.id, value)}
                  required={fieldRequired(field, values)}
                  error={errorByField.get(field.id)}
                  today={today}
                />
              ))}
          </section>
        ))}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {children}
    </form>
  );
}

/**
 * A section that appears because of an answer is said aloud ("Đã hiện thêm: Thông tin của
 * cha"), since a screen reader does not notice new content below the field it is on.
 */
function useSectionAnnouncement(definition: FormDefinition, sections: Set<string>): string {
  const { t, locale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<Set<string> | null>(null);
  const key = [...sections].join(' ');
  useEffect(() => {
    const before = previous.current;
    previous.current = sections;
    if (!before) return;
    const added = definition.sections.filter(
      (section) => sections.has(section.id) && !before.has(section.id),
    );
    if (added.length > 0) {
      setAnnouncement(
        t('procedures.form.sectionsShown', {
          titles: added.map((section) => section.title[locale]).join('; '),
        }),
      );
    }
    // Keyed on `key`, not the set: a new Set holding the same sections is no change.
  }, [key, definition]);
  return announcement;
}
