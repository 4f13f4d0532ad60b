/**
 * "Xem trước tờ khai": the procedure's application form, live, so a person can see what they
 * will be asked and check their answers the way the server will (validateForm, on Vietnam's
 * today). Nothing is sent: it says so, and it has no button that pretends to submit. Online
 * submission will open from this same page. The form is rendered only when asked for, which
 * spares a cheap phone thirty fields and the commune list it may not need.
 */
import { useState } from 'react';
import { validateForm, type FormDefinition, type FormError } from '../../../../src/kernel/forms';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { FormRenderer } from './form/FormRenderer';
import { draftValues, type FormDraft } from './form/form-draft';
import { todayInVietnam } from './form/today-in-vietnam';

export function FormPreview({ definition }: { definition: FormDefinition }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<FormDraft>({});
  const [errors, setErrors] = useState<FormError[] | null>(null);
  const [passed, setPassed] = useState(false);
  const today = todayInVietnam();

  const check = () => {
    const result = validateForm(definition, draftValues(definition, draft), {
      today: todayInVietnam(),
    });
    setErrors(result.ok ? [] : result.errors);
    setPassed(result.ok);
  };

  return (
    <section className="procedure-section" aria-labelledby="procedure-form-title">
      <h2 id="procedure-form-title">{t('procedures.preview.title')}</h2>
      <Alert kind="info">
        <p>{t('procedures.preview.notice')}</p>
      </Alert>
      <p>
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          aria-controls="procedure-form-preview"
          onClick={() => setOpen(!open)}
        >
          {open ? t('procedures.preview.close') : t('procedures.preview.open')}
        </button>
      </p>
      <div id="procedure-form-preview" hidden={!open}>
        {open ? (
          <FormRenderer
            definition={definition}
            draft={draft}
            onDraftChange={(next) => {
              setDraft(next);
              setPassed(false);
            }}
            errors={errors}
            onSubmit={check}
            today={today}
            idPrefix="preview"
            headingLevel={3}
          >
            <p role="status" className="procedure-preview-status">
              {passed ? t('procedures.preview.passed') : ''}
            </p>
            <div className="button-row">
              <button type="submit" className="button">
                {t('procedures.preview.check')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setDraft({});
                  setErrors(null);
                  setPassed(false);
                }}
              >
                {t('procedures.preview.clear')}
              </button>
            </div>
          </FormRenderer>
        ) : null}
      </div>
    </section>
  );
}
