/**
 * `/phan-anh/moi`: filing a report in three steps (where, what, details) with a step
 * indicator. Focus moves to each step's heading; what was typed stays when the server
 * refuses, and the refusal is shown next to the fields it names. Offline, or when the
 * request cannot reach the server, the report is queued and sent later.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { useSession } from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import type { MessageKey } from '../../shared/i18n/translate';
import { useCategories } from './feedback-api';
import {
  EMPTY_DRAFT,
  STEPS,
  checkDetails,
  checkWhat,
  checkWhere,
  reportBody,
  serverProblems,
  stepOfField,
  type Draft,
  type Problems,
  type Step,
} from './draft';
import { WhereStep } from './WhereStep';
import { WhatStep } from './WhatStep';
import { DetailsStep } from './DetailsStep';
import { enqueue, isNetworkError } from './outbox';
import { rememberReport } from './my-reports';
import { sendReport, type Submission } from './submit-report';
import { newKey } from './idempotency-key';
import './feedback.css';

const STEP_TITLE: Record<Step, MessageKey> = {
  where: 'feedback.step.where',
  what: 'feedback.step.what',
  details: 'feedback.step.details',
};

export function ReportWizard() {
  const { t, locale } = useI18n();
  usePageTitle(t('feedback.new.title'));
  const { user } = useSession();
  const navigate = useNavigate();
  const categories = useCategories();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [step, setStep] = useState<Step>('where');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [queuedCode, setQueuedCode] = useState(false);
  // One key per report, kept across retries so the platform files it once.
  const [key, setKey] = useState(newKey);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const category = categories.data?.find((item) => item.code === draft.categoryCode);

  useEffect(() => {
    if (!user) return;
    setDraft((before) => ({
      ...before,
      name: before.name || user.fullName,
      email: before.email || (user.email ?? ''),
      phone: before.phone || (user.phone ?? ''),
    }));
  }, [user]);

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step, queuedCode]);

  const update = (change: Partial<Draft>): void => setDraft((before) => ({ ...before, ...change }));
  const index = STEPS.indexOf(step);

  const goTo = (next: Step): void => {
    moved.current = true;
    setStep(next);
  };

  const checks = (at: Step): Problems => {
    if (at === 'where') return checkWhere(draft, t);
    if (at === 'what') return checkWhat(draft, category, t);
    return checkDetails(draft, category, !!user, t);
  };

  const submit = async (): Promise<void> => {
    if (!category) return;
    const submission: Submission = {
      key,
      body: reportBody(draft, category, locale),
      photos: draft.photos,
      video: draft.video,
      categoryName: locale === 'en' ? category.nameEn : category.name,
      createdAt: new Date().toISOString(),
    };
    const queue = async (): Promise<void> => {
      await enqueue(submission);
      moved.current = true;
      setQueuedCode(true);
    };
    setBusy(true);
    setError(undefined);
    try {
      if (!navigator.onLine) {
        await queue();
        return;
      }
      const reply = await sendReport(submission);
      rememberReport({
        trackingCode: reply.trackingCode,
        secret: reply.secret,
        categoryName: submission.categoryName,
        submittedAt: String(reply.submittedAt),
      });
      void navigate(`/phan-anh/${reply.trackingCode}`, { state: { submitted: reply } });
    } catch (failure) {
      if (isNetworkError(failure)) {
        await queue().catch(() => setError(failure));
        return;
      }
      setError(failure);
      const fromServer = serverProblems(failure, { locale, t });
      setProblems(fromServer);
      const first = Object.keys(fromServer)[0];
      if (first) goTo(stepOfField(first));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const found = checks(step);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setError(undefined);
      return;
    }
    const next = STEPS[index + 1];
    if (next) goTo(next);
    else void submit();
  };

  if (queuedCode) {
    return (
      <section className="feedback-wizard" aria-labelledby="feedback-queued-title">
        <h1 id="feedback-queued-title" ref={headingRef} tabIndex={-1}>
          {t('feedback.new.title')}
        </h1>
        <Alert kind="success">
          <p>{t('feedback.new.queued')}</p>
        </Alert>
        <p className="button-row">
          <Link to="/phan-anh/cua-toi" className="button">
            {t('feedback.mine.title')}
          </Link>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setDraft(EMPTY_DRAFT);
              setKey(newKey());
              setStep('where');
              setQueuedCode(false);
            }}
          >
            {t('feedback.new.another')}
          </button>
        </p>
      </section>
    );
  }

  return (
    <section className="feedback-wizard" aria-labelledby="feedback-step-title">
      <p className="feedback-wizard-title">{t('feedback.new.title')}</p>
      <ol className="feedback-steps" aria-label={t('feedback.step.indicator')}>
        {STEPS.map((name, position) => (
          <li
            key={name}
            aria-current={name === step ? 'step' : undefined}
            className={position < index ? 'feedback-step-done' : undefined}
          >
            <span className="feedback-step-number" aria-hidden="true">
              {position < index ? '✓' : position + 1}
            </span>
            <span>
              {t(STEP_TITLE[name])}
              {position < index ? (
                <span className="visually-hidden"> ({t('feedback.step.done')})</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <h1 id="feedback-step-title" ref={headingRef} tabIndex={-1}>
        {t('feedback.step.heading', {
          number: index + 1,
          total: STEPS.length,
          title: t(STEP_TITLE[step]),
        })}
      </h1>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {Object.keys(problems).length > 0 && error === undefined ? (
        <Alert kind="error">
          <p>{t('feedback.new.fixProblems')}</p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        {step === 'where' ? <WhereStep draft={draft} problems={problems} update={update} /> : null}
        {step === 'what' ? <WhatStep draft={draft} problems={problems} update={update} /> : null}
        {step === 'details' && category ? (
          <DetailsStep
            draft={draft}
            category={category}
            problems={problems}
            signedIn={!!user}
            update={update}
          />
        ) : null}
        <p className="button-row feedback-wizard-nav">
          {index > 0 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setProblems({});
                goTo(STEPS[index - 1] ?? 'where');
              }}
            >
              {t('feedback.new.back')}
            </button>
          ) : null}
          <button type="submit" className="button" disabled={busy}>
            {step === 'details'
              ? busy
                ? t('form.submitting')
                : t('feedback.new.submit')
              : t('feedback.new.next')}
          </button>
        </p>
      </form>
    </section>
  );
}
