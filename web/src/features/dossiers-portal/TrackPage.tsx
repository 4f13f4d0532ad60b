/**
 * `/tra-cuu-ho-so`: anyone with a dossier's code and the last four digits of its
 * applicant's identity number sees its status and history — nothing personal. The receipt's
 * QR code opens this page with the code in `?ma=`; the four digits are typed, never put in
 * the address. A wrong code and wrong digits get the same answer, so neither is confirmed;
 * after a few wrong tries the code is locked for a while.
 */
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { trackDossier, type TrackedDossier } from './dossiers-portal-api';
import { DossierTimeline } from './DossierTimeline';
import { StatusBadge } from './StatusBadge';
import { lockedMinutes, trackProblems } from './track-input';
import './dossiers-portal.css';

export function TrackPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('dossiersPortal.track.title'));
  const [params] = useSearchParams();
  const [code, setCode] = useState(() => (params.get('ma') ?? '').trim().toUpperCase());
  const [digits, setDigits] = useState('');
  const [problems, setProblems] = useState<{ code?: string; digits?: string }>({});
  const [outcome, setOutcome] = useState<
    | { kind: 'found'; dossier: TrackedDossier }
    | { kind: 'not_found' }
    | { kind: 'locked'; minutes: number | null }
    | { kind: 'error'; error: unknown }
    | null
  >(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const wanted = code.trim().toUpperCase();
    const found = trackProblems(wanted, digits);
    setProblems({
      ...(found.code ? { code: t(found.code) } : {}),
      ...(found.digits ? { digits: t(found.digits) } : {}),
    });
    if (found.code) {
      document.getElementById('track-code')?.focus();
      return;
    }
    if (found.digits) {
      document.getElementById('track-digits')?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'found', dossier: await trackDossier(wanted, digits.trim()) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setOutcome({ kind: 'not_found' });
      else if (error instanceof ApiError && error.status === 429) {
        setOutcome({ kind: 'locked', minutes: lockedMinutes(error) });
      } else setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };

  const field = (
    id: string,
    label: string,
    hint: string,
    error: string | undefined,
    input: InputHTMLAttributes<HTMLInputElement>,
  ) => (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <input
        id={id}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-required
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="dossier-track" aria-labelledby="dossier-track-title">
      <h1 id="dossier-track-title">{t('dossiersPortal.track.title')}</h1>
      <p className="lead">{t('dossiersPortal.track.lead')}</p>
      <form className="form dossier-track-form" onSubmit={(event) => void submit(event)} noValidate>
        {field(
          'track-code',
          t('dossiersPortal.track.code'),
          t('dossiersPortal.track.codeHint'),
          problems.code,
          {
            value: code,
            maxLength: 40,
            autoCapitalize: 'characters',
            autoComplete: 'off',
            spellCheck: false,
            onChange: (event) => setCode(event.target.value),
          },
        )}
        {field(
          'track-digits',
          t('dossiersPortal.track.digits'),
          t('dossiersPortal.track.digitsHint'),
          problems.digits,
          {
            value: digits,
            maxLength: 4,
            inputMode: 'numeric',
            autoComplete: 'off',
            pattern: '[0-9]{4}',
            className: 'dossier-digits',
            onChange: (event) => setDigits(event.target.value),
          },
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('dossiersPortal.track.searching') : t('dossiersPortal.track.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {outcome?.kind === 'not_found' ? (
          <Alert kind="error">
            <p>{t('dossiersPortal.track.notFound')}</p>
          </Alert>
        ) : null}
        {outcome?.kind === 'locked' ? (
          <Alert kind="error">
            <p>
              {outcome.minutes
                ? t('dossiersPortal.track.lockedFor', { minutes: outcome.minutes })
                : t('dossiersPortal.track.locked')}
            </p>
          </Alert>
        ) : null}
        {outcome?.kind === 'error' ? <Alert kind="error" error={outcome.error} /> : null}
      </div>
      {outcome?.kind === 'found' ? (
        <section className="dossier-section" aria-labelledby="dossier-track-result">
          <h2 id="dossier-track-result">
            {t('dossiersPortal.detail.title', { code: outcome.dossier.code })}
          </h2>
          <p className="dossier-procedure" lang="vi">
            {outcome.dossier.procedure.name}
          </p>
          <p>
            {t('dossiersPortal.detail.status')}: <StatusBadge status={outcome.dossier.status} />
          </p>
          <dl className="dossier-facts">
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.detail.submittedAt')}</dt>
              <dd>{formatDateTime(outcome.dossier.submittedAt, locale)}</dd>
            </div>
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.detail.dueAt')}</dt>
              <dd>
                {outcome.dossier.dueAt
                  ? formatDateTime(outcome.dossier.dueAt, locale)
                  : t('dossiersPortal.detail.noDueAt')}
              </dd>
            </div>
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.detail.agency')}</dt>
              <dd lang="vi">{outcome.dossier.receivingAgency.name}</dd>
            </div>
          </dl>
          <DossierTimeline
            entries={outcome.dossier.timeline}
            titleId="dossier-track-timeline"
            headingLevel={3}
          />
          <p className="note">{t('dossiersPortal.track.signInForMore')}</p>
          <p>
            <Link to={`/ho-so/${encodeURIComponent(outcome.dossier.code)}`}>
              {t('dossiersPortal.track.openMine')}
            </Link>
          </p>
        </section>
      ) : null}
    </section>
  );
}
