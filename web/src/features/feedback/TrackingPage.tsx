/**
 * `/phan-anh/:code`: a report's status, deadline, place, photos and public history. With
 * the secret kept on this device the reporter sees their own view and may rate the answer;
 * anyone else may follow the report by e-mail.
 */
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import {
  fetchReport,
  followReport,
  rateReport,
  reportQueryKey,
  type ReportView,
} from './feedback-api';
import { secretFor } from './my-reports';
import { OverdueBadge, StatusBadge } from './StatusBadge';
import { ReportTimeline } from './ReportTimeline';
import { ReportPhoto } from './ReportPhoto';
import type { Submitted } from './submit-report';
import './feedback.css';

export function TrackingPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  usePageTitle(t('feedback.track.title', { code }));
  const submitted = (useLocation().state as { submitted?: Submitted } | null)?.submitted;
  const secret = secretFor(code);
  const report = useQuery({
    queryKey: reportQueryKey(code),
    queryFn: () => fetchReport(code, secret),
    retry: false,
  });

  return (
    <section className="feedback-track" aria-labelledby="feedback-track-title">
      <h1 id="feedback-track-title">{t('feedback.track.title', { code })}</h1>
      {submitted ? (
        <Alert kind="success">
          <p>{t('feedback.track.submitted', { code: submitted.trackingCode })}</p>
          <p>
            {t('feedback.track.routed', {
              agency: submitted.agency.name,
              deadline: formatDateTime(submitted.deadlineAt, locale),
            })}
          </p>
        </Alert>
      ) : null}
      {report.isPending ? <Loading /> : null}
      {report.error ? <Alert kind="error" error={report.error} /> : null}
      {report.data ? <ReportDetails report={report.data} secret={secret} /> : null}
    </section>
  );
}

function ReportDetails({ report, secret }: { report: ReportView; secret: string | null }) {
  const { t, locale } = useI18n();
  const osm = `https://www.openstreetmap.org/?mlat=${report.lat}&mlon=${report.lon}#map=17/${report.lat}/${report.lon}`;
  return (
    <>
      <p className="feedback-track-status">
        {t('feedback.track.status')}: <StatusBadge status={report.status} />{' '}
        {report.overdue ? <OverdueBadge /> : null}
      </p>
      {secret ? <p className="note">{t('feedback.track.yours')}</p> : null}
      <dl className="facts">
        <dt>{t('feedback.summary.what')}</dt>
        <dd>{locale === 'en' ? report.category.nameEn : report.category.name}</dd>
        <dt>{t('feedback.track.agency')}</dt>
        <dd>
          {locale === 'en' && report.agency.nameEn ? report.agency.nameEn : report.agency.name}
        </dd>
        <dt>{t('feedback.summary.where')}</dt>
        <dd>
          {report.commune.name}
          {report.address ? ` — ${report.address}` : ''} (
          <a href={osm} rel="noreferrer" target="_blank">
            {report.lat.toFixed(5)}, {report.lon.toFixed(5)}
          </a>
          )
        </dd>
        <dt>{t('feedback.track.submittedAt')}</dt>
        <dd>{formatDateTime(report.submittedAt, locale)}</dd>
        <dt>{t('feedback.track.deadline')}</dt>
        <dd>{formatDateTime(report.deadlineAt, locale)}</dd>
      </dl>
      <h2>{t('feedback.details.description')}</h2>
      <p className="feedback-description">{report.description}</p>
      {report.media.length > 0 ? (
        <ul className="feedback-previews" aria-label={t('feedback.track.photos')}>
          {report.media
            .filter((media) => media.mediaType.startsWith('image/'))
            .map((media, index) => (
              <li key={media.id}>
                <ReportPhoto
                  url={media.url}
                  alt={t('feedback.track.photoAlt', { number: index + 1 })}
                  secret={secret}
                  restricted={media.hidden === true || report.hidden === true}
                />
                {media.hidden ? (
                  <p className="note">{t('feedbackPublic.photo.hiddenNote')}</p>
                ) : null}
              </li>
            ))}
        </ul>
      ) : null}
      <ReportTimeline
        history={report.history}
        secret={secret}
        restricted={report.hidden === true}
      />
      {secret && report.canRate ? <RatingForm code={report.trackingCode} secret={secret} /> : null}
      {report.rating ? (
        <p>
          {t('feedback.rate.given', {
            rating:
              report.rating === 'satisfied'
                ? t('feedback.rate.satisfied')
                : t('feedback.rate.notSatisfied'),
          })}
        </p>
      ) : null}
      {!secret ? <FollowForm code={report.trackingCode} /> : null}
    </>
  );
}

function RatingForm({ code, secret }: { code: string; secret: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [rating, setRating] = useState<'satisfied' | 'not_satisfied' | ''>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [problem, setProblem] = useState<string | null>(null);
  const [reopened, setReopened] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!rating) {
      setProblem(t('feedback.rate.choose'));
      return;
    }
    setProblem(null);
    setBusy(true);
    setError(undefined);
    try {
      const reply = await rateReport(code, secret, rating, comment);
      setReopened(reply.reopened);
      client.setQueryData(reportQueryKey(code), reply.report);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (reopened !== null) {
    return (
      <Alert kind="success">
        <p>{reopened ? t('feedback.rate.reopened') : t('feedback.rate.thanks')}</p>
      </Alert>
    );
  }
  return (
    <section className="panel" aria-labelledby="feedback-rate-title">
      <h2 id="feedback-rate-title">{t('feedback.rate.title')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="field" aria-describedby={problem ? 'feedback-rate-error' : undefined}>
          <legend>{t('feedback.rate.question')}</legend>
          {(['satisfied', 'not_satisfied'] as const).map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name="rating"
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />
              {value === 'satisfied'
                ? t('feedback.rate.satisfied')
                : t('feedback.rate.notSatisfied')}
            </label>
          ))}
          {problem ? (
            <p id="feedback-rate-error" className="field-error">
              {problem}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="feedback-rate-comment">
            {t('feedback.rate.comment')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <textarea
            id="feedback-rate-comment"
            rows={3}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('feedback.rate.submit')}
        </button>
      </form>
    </section>
  );
}

function FollowForm({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await followReport(code, email, locale);
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="feedback-follow-title">
      <h2 id="feedback-follow-title">{t('feedback.follow.title')}</h2>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {done ? (
        <Alert kind="success">
          <p>{t('feedback.follow.done')}</p>
        </Alert>
      ) : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('feedback.follow.submit')}
        </button>
      </form>
    </section>
  );
}
