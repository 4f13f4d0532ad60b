/**
 * The submission wizard of one procedure: applicant, form, documents, review, then the
 * dossier's code. Each step is checked as the server will check it before the next opens;
 * focus moves to each step's heading (or to the list of problems). The draft is kept in the
 * tab (wizard-draft.ts), so a reload resumes where the person was. The submission carries
 * one Idempotency-Key, kept across retries; a refusal takes the person back to the step
 * with the problem, shown beside the field or document it is about.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FormError } from '../../../../src/kernel/forms';
import type { User } from '../../shared/auth/session';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { FormRenderer } from '../procedures/form/FormRenderer';
import { todayInVietnam } from '../procedures/form/today-in-vietnam';
import type { ProcedureView } from '../procedures/procedures-api';
import { newKey } from '../feedback/idempotency-key';
import { APPLICANT_IDS, APPLICANT_LABEL, ApplicantStep } from './ApplicantStep';
import { DOCUMENT_ID_PREFIX, DocumentsStep } from './DocumentsStep';
import { slotControlId } from './DocumentSlotField';
import { ProblemSummary, type ProblemLine } from './ProblemSummary';
import { ReviewStep } from './ReviewStep';
import { STEP_TITLE, StepIndicator } from './StepIndicator';
import { SubmittedPanel } from './SubmittedPanel';
import { submitDossier, useStoredDocuments, type Submitted } from './dossiers-portal-api';
import { keyAfterFailure, maybeFiledBefore, refusalOf } from './submit-refusal';
import {
  DOCUMENT_PROBLEM_KEY,
  checkApplicant,
  checkDocuments,
  checkForm,
  type ApplicantProblems,
  type DocumentProblems,
} from './wizard-checks';
import {
  clearDraft,
  emptyDraft,
  loadDraft,
  prefilled,
  saveDraft,
  slotsOf,
  submissionBody,
  wizardSteps,
  type ChosenDocument,
  type Step,
  type WizardDraft,
} from './wizard-draft';

function startingDraft(
  procedure: ProcedureView,
  user: User,
): { draft: WizardDraft; restored: boolean } {
  const types = procedure.tthc.DoiTuongThucHien;
  const stored = loadDraft(user.id, procedure.code);
  let draft = stored ?? emptyDraft(types[0]);
  // A draft of a type the procedure no longer takes starts from its first type.
  if (types.length > 0 && !types.includes(draft.applicant.type)) {
    draft = { ...draft, applicant: { ...draft.applicant, type: types[0]! } };
  }
  return { draft: prefilled(draft, user), restored: stored !== null };
}

export function SubmitWizard({ procedure, user }: { procedure: ProcedureView; user: User }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [start] = useState(() => startingDraft(procedure, user));
  const [draft, setDraft] = useState<WizardDraft>(start.draft);
  const [applicantProblems, setApplicantProblems] = useState<ApplicantProblems>({});
  const [formErrors, setFormErrors] = useState<FormError[] | null>(null);
  const [documentProblems, setDocumentProblems] = useState<DocumentProblems>({});
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState(false);
  const [filedBefore, setFiledBefore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [uploading, setUploading] = useState<ReadonlySet<string>>(new Set());
  const [restored, setRestored] = useState(start.restored);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);

  const slots = slotsOf(procedure, draft.caseIndex);
  const steps = wizardSteps(slots.length);
  const step: Step = steps.includes(draft.step) ? draft.step : steps[0]!;
  const index = steps.indexOf(step);
  const store = useStoredDocuments(step === 'documents');

  useEffect(() => {
    if (!submitted) saveDraft(user.id, procedure.code, draft);
  }, [draft, submitted, user.id, procedure.code]);

  useEffect(() => {
    if (focusHeading.current) headingRef.current?.focus();
    focusHeading.current = false;
  }, [step, submitted]);

  const update = (change: Partial<WizardDraft>): void =>
    setDraft((before) => ({ ...before, ...change }));

  const goTo = (next: Step, focus = true): void => {
    focusHeading.current = focus;
    setRestored(false);
    setDraft((before) => ({ ...before, step: next }));
    window.scrollTo({ top: 0 });
  };

  const chooseDocument = (slot: string, document: ChosenDocument | undefined): void => {
    setDraft((before) => {
      const documents = { ...before.documents };
      if (document) documents[slot] = document;
      else delete documents[slot];
      return { ...before, documents };
    });
    setDocumentProblems((before) => {
      const rest = { ...before };
      delete rest[slot];
      return rest;
    });
  };

  const markUploading = (slot: string, busySlot: boolean): void =>
    setUploading((before) => {
      const next = new Set(before);
      if (busySlot) next.add(slot);
      else next.delete(slot);
      return next;
    });

  const needs = {
    commune: procedure.receivingAgency === null,
    cases: procedure.tthc.ThanhPhanHoSo.length,
    types: procedure.tthc.DoiTuongThucHien,
  };

  const clearMessages = (): void => {
    setError(undefined);
    setRefused(false);
    setFiledBefore(false);
  };

  /** The checks of one step; true when it passes. */
  const passes = (at: Step): boolean => {
    if (at === 'applicant') {
      const found = checkApplicant(draft, needs);
      setApplicantProblems(found);
      return Object.keys(found).length === 0;
    }
    if (at === 'form') {
      const found = checkForm(procedure.form, draft, todayInVietnam());
      setFormErrors(found.length > 0 ? found : null);
      return found.length === 0;
    }
    if (at === 'documents') {
      const found = checkDocuments(draft.documents, slots, uploading);
      setDocumentProblems(found);
      return Object.keys(found).length === 0;
    }
    return true;
  };

  const next = (): void => {
    clearMessages();
    if (!passes(step)) return;
    const following = steps[index + 1];
    if (following) goTo(following);
  };

  const submit = async (): Promise<void> => {
    clearMessages();
    // A draft restored from the tab may predate a change: every step is checked again.
    for (const each of steps) {
      if (each !== 'review' && !passes(each)) {
        goTo(each, each !== 'form');
        return;
      }
    }
    setBusy(true);
    try {
      const reply = await submitDossier(
        submissionBody(procedure, draft, todayInVietnam()),
        draft.key,
      );
      clearDraft(user.id, procedure.code);
      focusHeading.current = true;
      setSubmitted(reply);
      void client.invalidateQueries({ queryKey: ['dossiers-portal'] });
    } catch (failure) {
      if (keyAfterFailure(failure) === 'renew') update({ key: newKey() });
      setFiledBefore(maybeFiledBefore(failure));
      const refusal = refusalOf(failure);
      setApplicantProblems(refusal.applicant);
      setFormErrors(refusal.form.length > 0 ? refusal.form : null);
      setDocumentProblems(refusal.documents);
      if (refusal.step) {
        setRefused(true);
        // The form step's own summary takes the focus; the others' summaries do too.
        goTo(refusal.step, false);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const startOver = (): void => {
    if (!window.confirm(t('dossiersPortal.wizard.startOverConfirm'))) return;
    clearDraft(user.id, procedure.code);
    clearMessages();
    setApplicantProblems({});
    setFormErrors(null);
    setDocumentProblems({});
    setDraft(prefilled(emptyDraft(draft.applicant.type), user));
    focusHeading.current = true;
  };

  if (submitted) {
    return <SubmittedPanel submitted={submitted} headingRef={headingRef} />;
  }

  const procedureName = locale === 'en' ? procedure.nameEn : procedure.name;
  const back =
    index > 0 ? (
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          clearMessages();
          goTo(steps[index - 1]!);
        }}
      >
        {t('dossiersPortal.wizard.back')}
      </button>
    ) : null;
  const nav = (forward: ReactNode) => (
    <p className="button-row dossier-wizard-nav">
      {back}
      {forward}
    </p>
  );
  const nextButton = (
    <button type="submit" className="button">
      {t('dossiersPortal.wizard.next')}
    </button>
  );
  const onStepSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (step === 'review') void submit();
    else next();
  };

  const applicantLines: ProblemLine[] = (
    Object.keys(APPLICANT_IDS) as (keyof typeof APPLICANT_IDS)[]
  )
    .filter((field) => applicantProblems[field])
    .map((field) => ({
      target: APPLICANT_IDS[field],
      label: t(APPLICANT_LABEL[field]),
      message: t(applicantProblems[field]!),
    }));
  const documentLines: ProblemLine[] = slots
    .filter((slot) => documentProblems[slot.slot])
    .map((slot) => ({
      target: slotControlId(DOCUMENT_ID_PREFIX, slot.slot),
      label: slot.name.length > 80 ? `${slot.name.slice(0, 77)}…` : slot.name,
      message: t(DOCUMENT_PROBLEM_KEY[documentProblems[slot.slot]!]),
    }));

  return (
    <section className="dossier-wizard" aria-labelledby="dossier-step-title">
      <p className="dossier-wizard-title">
        {t('dossiersPortal.wizard.title')}: <span lang="vi">{procedureName}</span>
      </p>
      <StepIndicator steps={steps} current={step} />
      <h1 id="dossier-step-title" ref={headingRef} tabIndex={-1}>
        {t('dossiersPortal.step.heading', {
          number: index + 1,
          total: steps.length,
          title: t(STEP_TITLE[step]),
        })}
      </h1>
      {restored ? (
        <Alert kind="info">
          <p>{t('dossiersPortal.wizard.restored')}</p>
        </Alert>
      ) : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {refused ? (
        <Alert kind="error">
          <p>{t('dossiersPortal.wizard.refused')}</p>
        </Alert>
      ) : null}
      {filedBefore ? (
        <Alert kind="info">
          <p>{t('dossiersPortal.wizard.maybeFiled')}</p>
        </Alert>
      ) : null}
      {step === 'applicant' ? (
        <form onSubmit={onStepSubmit} noValidate>
          <ProblemSummary id="dossier-applicant-problems" lines={applicantLines} />
          <ApplicantStep
            procedure={procedure}
            draft={draft}
            problems={applicantProblems}
            update={update}
          />
          {nav(nextButton)}
        </form>
      ) : null}
      {step === 'form' ? (
        <FormRenderer
          definition={procedure.form}
          draft={draft.values}
          onDraftChange={(values) => update({ values })}
          errors={formErrors}
          onSubmit={next}
          today={todayInVietnam()}
          idPrefix="dossier-form"
          headingLevel={2}
        >
          {nav(nextButton)}
        </FormRenderer>
      ) : null}
      {step === 'documents' ? (
        <form onSubmit={onStepSubmit} noValidate>
          <ProblemSummary id="dossier-document-problems" lines={documentLines} />
          <DocumentsStep
            slots={slots}
            draft={draft}
            problems={documentProblems}
            store={{
              items: store.data,
              loading: store.isPending && store.fetchStatus !== 'idle',
              failed: store.isError,
            }}
            onChoose={chooseDocument}
            onUploading={markUploading}
            onRetryStore={() => void store.refetch()}
          />
          {nav(nextButton)}
        </form>
      ) : null}
      {step === 'review' ? (
        <form onSubmit={onStepSubmit} noValidate>
          <ReviewStep
            procedure={procedure}
            draft={draft}
            slots={slots}
            onEdit={(target) => {
              clearMessages();
              goTo(target);
            }}
          />
          {nav(
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('form.submitting') : t('dossiersPortal.wizard.submit')}
            </button>,
          )}
        </form>
      ) : null}
      <p className="dossier-wizard-restart">
        <button type="button" className="button button-secondary" onClick={startOver}>
          {t('dossiersPortal.wizard.startOver')}
        </button>
      </p>
    </section>
  );
}
