/** A box to type a tracking code and open that report's page. */
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';

export function TrackLookup() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const wanted = code.trim().toUpperCase();
    if (!wanted) {
      setProblem(t('form.required'));
      return;
    }
    void navigate(`/phan-anh/${encodeURIComponent(wanted)}`);
  };

  return (
    <form className="feedback-lookup" onSubmit={submit} noValidate role="search">
      <div className={`field${problem ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{t('feedback.lookup.label')}</label>
        <input
          id={id}
          value={code}
          maxLength={32}
          placeholder="PA-261121-7KX9Q"
          autoCapitalize="characters"
          aria-describedby={problem ? `${id}-error` : undefined}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        {problem ? (
          <p id={`${id}-error`} className="field-error">
            {problem}
          </p>
        ) : null}
      </div>
      <button type="submit" className="button button-secondary">
        {t('feedback.lookup.submit')}
      </button>
    </form>
  );
}
