/**
 * The satisfaction survey of a returned dossier (khảo sát mức độ hài lòng), once: five
 * answers from "Rất không hài lòng" to "Rất hài lòng" and an optional comment. What the
 * province reports under Decision 766 as satisfaction with its services.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { answerSurvey } from './dossiers-portal-api';
import { RATINGS, RATING_KEY } from './labels';

export function SurveyForm({ code, onAnswered }: { code: string; onAnswered: () => void }) {
  const { t } = useI18n();
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (rating === null) {
      setProblem(true);
      document.getElementById('dossier-survey-1')?.focus();
      return;
    }
    setProblem(false);
    setBusy(true);
    setError(undefined);
    try {
      await answerSurvey(code, rating, comment);
      setDone(true);
      onAnswered();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // The page thanks the person; the survey is answered, so the form goes.
  if (done) return null;
  return (
    <section className="dossier-section panel" aria-labelledby="dossier-survey-title">
      <h2 id="dossier-survey-title">{t('dossiersPortal.survey.title')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset
          className={`dossier-group${problem ? ' field-invalid' : ''}`}
          aria-describedby={problem ? 'dossier-survey-error' : undefined}
        >
          <legend>{t('dossiersPortal.survey.question')}</legend>
          {RATINGS.map((value) => (
            <div className="checkbox" key={value}>
              <input
                id={`dossier-survey-${value}`}
                type="radio"
                name="dossier-survey"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              <label htmlFor={`dossier-survey-${value}`}>{t(RATING_KEY[value])}</label>
            </div>
          ))}
          {problem ? (
            <p id="dossier-survey-error" className="field-error">
              {t('dossiersPortal.survey.choose')}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="dossier-survey-comment">
            {t('dossiersPortal.survey.comment')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <textarea
            id="dossier-survey-comment"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('dossiersPortal.survey.submit')}
        </button>
      </form>
    </section>
  );
}
