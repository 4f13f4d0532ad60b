/**
 * What the person may do with the dossier now — exactly the server's `actions`: receive it,
 * ask for more documents, refuse it, forward or approve it, send it back a step, sign the
 * result with an authenticator code, record the result's return, apologise for a delay with
 * a new appointment. One button per action opens its form below; each form checks what it
 * can before sending, keeps what was typed when the server says no, and shows why.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { formProblems } from '../admin/form-problems';
import { SelectField, TextAreaField } from '../documents/fields';
import type { ProcedureView } from '../procedures/procedures-api';
import { earlierSteps, vietnamInstant, vietnamToday } from './dossier-facts';
import type { ActionRequest, DossierAction, DossierView, ReturnMethod } from './dossiers-api';
import { ACTION_KEY, RETURN_METHOD_KEY, SUBMIT_KEY } from './labels';
import type { DossierMutation } from './useDossierAction';

const NOTE_MAX = 2000;
/** Where a refusal of the server is about one field, that field shows it too. */
const FIELD_OF_CODE: Record<string, string> = {
  MFA_CODE_INVALID: 'code',
  APPOINTMENT_INVALID: 'newDueAt',
  NO_EARLIER_STEP: 'toStep',
  SUPPLEMENT_INVALID: 'slots',
};

interface FormProps {
  dossier: DossierView;
  procedure: ProcedureView | undefined;
  mutation: DossierMutation;
  onClose: () => void;
}

export function DossierActions({
  dossier,
  procedure,
  mutation,
}: {
  dossier: DossierView;
  procedure: ProcedureView | undefined;
  mutation: DossierMutation;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<DossierAction | null>(null);
  const actions = dossier.actions;
  // The action done (or no longer allowed) closes its form.
  const chosen = open && actions.includes(open) ? open : null;

  const toggle = (action: DossierAction): void => {
    mutation.reset();
    setOpen(chosen === action ? null : action);
  };
  const close = (): void => {
    mutation.reset();
    setOpen(null);
  };
  const props: FormProps = { dossier, procedure, mutation, onClose: close };

  return (
    <section className="panel dossiers-actions" aria-labelledby="dossier-actions-title">
      <h2 id="dossier-actions-title">{t('dossiersConsole.actions.title')}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t('dossiersConsole.actions.none')}</p>
      ) : (
        <div className="button-row" role="group" aria-label={t('dossiersConsole.actions.choose')}>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`button${chosen === action ? '' : ' button-secondary'}`}
              aria-expanded={chosen === action}
              aria-controls={chosen === action ? 'dossier-action-form' : undefined}
              onClick={() => toggle(action)}
            >
              {t(ACTION_KEY[action])}
            </button>
          ))}
        </div>
      )}
      {chosen ? (
        <div id="dossier-action-form">
          {chosen === 'receive' ? <ReceiveForm {...props} /> : null}
          {chosen === 'request_supplement' ? <SupplementForm {...props} /> : null}
          {chosen === 'refuse' ? <RefuseForm {...props} /> : null}
          {chosen === 'forward' || chosen === 'approve' ? (
            <OpinionForm {...props} action={chosen} />
          ) : null}
          {chosen === 'send_back' ? <SendBackForm {...props} /> : null}
          {chosen === 'sign' ? <SignForm {...props} /> : null}
          {chosen === 'return' ? <ReturnForm {...props} /> : null}
          {chosen === 'apologise' ? <ApologyForm {...props} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The frame of every action's form: its title, what it does, the server's refusal, and the
 * buttons. Opening it puts the keyboard on its first control; a refused check puts it on
 * the first field in error.
 */
function ActionForm({
  action,
  explain,
  mutation,
  attempt,
  onSubmit,
  onClose,
  children,
}: {
  action: DossierAction;
  explain?: string | undefined;
  mutation: DossierMutation;
  /** Counts the submissions refused by the form's own checks. */
  attempt: number;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLFormElement>(null);
  const titleId = `dossier-action-${action}-title`;

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  useEffect(() => {
    if (attempt > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!mutation.isPending) onSubmit();
  };
  return (
    <form
      ref={ref}
      className="dossiers-action-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={submit}
    >
      <h3 id={titleId}>{t(ACTION_KEY[action])}</h3>
      {explain ? <p className="muted">{explain}</p> : null}
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      {children}
      <div className="button-row">
        <button type="submit" className="button" disabled={mutation.isPending}>
          {mutation.isPending ? t('dossiersConsole.actions.busy') : t(SUBMIT_KEY[action])}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={mutation.isPending}
          onClick={onClose}
        >
          {t('dossiersConsole.actions.close')}
        </button>
      </div>
    </form>
  );
}

/** The per-field problems of the server's last refusal. */
function useServerProblems(mutation: DossierMutation): Record<string, string> {
  const i18n = useI18n();
  return formProblems(mutation.error, i18n, FIELD_OF_CODE);
}

const send = (mutation: DossierMutation, request: ActionRequest): void => mutation.mutate(request);

const optionalNote = (note: string) => (note.trim() ? { note: note.trim() } : {});

function ReceiveForm({ dossier, mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [returnMethod, setReturnMethod] = useState<ReturnMethod>(dossier.returnMethod);
  const [note, setNote] = useState('');
  const problems = useServerProblems(mutation);
  return (
    <ActionForm
      action="receive"
      explain={t('dossiersConsole.receive.explain')}
      mutation={mutation}
      attempt={0}
      onClose={onClose}
      onSubmit={() =>
        send(mutation, { action: 'receive', body: { returnMethod, ...optionalNote(note) } })
      }
    >
      <SelectField
        label={t('dossiersConsole.receive.returnMethod')}
        value={returnMethod}
        error={problems.returnMethod}
        onChange={(event) => setReturnMethod(event.target.value as ReturnMethod)}
      >
        {(['electronic', 'desk', 'post'] as const).map((method) => (
          <option key={method} value={method}>
            {t(RETURN_METHOD_KEY[method])}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t('dossiersConsole.form.note')}
        optional
        rows={3}
        maxLength={NOTE_MAX}
        value={note}
        error={problems.note}
        onChange={(event) => setNote(event.target.value)}
      />
    </ActionForm>
  );
}

/** The procedure's documents (Thành phần hồ sơ), once each, in the catalog's order. */
function procedureDocuments(procedure: ProcedureView | undefined) {
  const seen = new Map<string, string>();
  for (const documentCase of procedure?.tthc.ThanhPhanHoSo ?? []) {
    for (const document of documentCase.GiayTo) {
      if (!seen.has(document.MaGiayTo)) seen.set(document.MaGiayTo, document.TenGiayTo);
    }
  }
  return [...seen].map(([slot, name]) => ({ slot, name }));
}

function SupplementForm({ procedure, mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [slots, setSlots] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const problems = useServerProblems(mutation);
  const documents = procedureDocuments(procedure);
  const toggle = (slot: string, on: boolean): void =>
    setSlots(on ? [...slots, slot] : slots.filter((held) => held !== slot));

  return (
    <ActionForm
      action="request_supplement"
      explain={t('dossiersConsole.supplement.explain')}
      mutation={mutation}
      attempt={attempt}
      onClose={onClose}
      onSubmit={() => {
        if (!note.trim()) {
          setMissing(true);
          setAttempt(attempt + 1);
          return;
        }
        setMissing(false);
        const ordered = documents
          .map((document) => document.slot)
          .filter((slot) => slots.includes(slot));
        send(mutation, {
          action: 'request_supplement',
          body: { note: note.trim(), slots: ordered },
        });
      }}
    >
      <TextAreaField
        label={t('dossiersConsole.supplement.note')}
        rows={4}
        maxLength={NOTE_MAX}
        required
        value={note}
        error={missing ? t('dossiersConsole.supplement.noteMissing') : problems.note}
        onChange={(event) => setNote(event.target.value)}
      />
      <fieldset className="checkbox-group dossiers-slots">
        <legend>
          {t('dossiersConsole.supplement.documents')}
          <span className="field-optional"> {t('form.optional')}</span>
        </legend>
        {problems.slots ? <p className="field-error">{problems.slots}</p> : null}
        {documents.length === 0 ? (
          <p className="muted">{t('dossiersConsole.supplement.noDocuments')}</p>
        ) : (
          documents.map((document) => (
            <label key={document.slot} className="checkbox">
              <input
                type="checkbox"
                checked={slots.includes(document.slot)}
                onChange={(event) => toggle(document.slot, event.target.checked)}
              />
              <span lang="vi">{document.name}</span>
            </label>
          ))
        )}
      </fieldset>
    </ActionForm>
  );
}

/** A form whose one field is a required reason or note. */
function ReasonForm({
  action,
  label,
  hint,
  explain,
  mutation,
  onClose,
  build,
  children,
}: {
  action: DossierAction;
  label: string;
  hint?: string;
  explain?: string;
  mutation: DossierMutation;
  onClose: () => void;
  build: (text: string) => ActionRequest;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const problems = useServerProblems(mutation);
  return (
    <ActionForm
      action={action}
      explain={explain}
      mutation={mutation}
      attempt={attempt}
      onClose={onClose}
      onSubmit={() => {
        if (!text.trim()) {
          setMissing(true);
          setAttempt(attempt + 1);
          return;
        }
        setMissing(false);
        send(mutation, build(text.trim()));
      }}
    >
      <TextAreaField
        label={label}
        hint={hint}
        rows={4}
        maxLength={NOTE_MAX}
        required
        value={text}
        error={missing ? t('dossiersConsole.reasonMissing') : (problems.reason ?? problems.note)}
        onChange={(event) => setText(event.target.value)}
      />
      {children}
    </ActionForm>
  );
}

function RefuseForm({ mutation, onClose }: FormProps) {
  const { t } = useI18n();
  return (
    <ReasonForm
      action="refuse"
      label={t('dossiersConsole.refuse.reason')}
      hint={t('dossiersConsole.refuse.reasonHint')}
      mutation={mutation}
      onClose={onClose}
      build={(reason) => ({ action: 'refuse', body: { reason } })}
    />
  );
}

function OpinionForm({ mutation, onClose, action }: FormProps & { action: 'forward' | 'approve' }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const problems = useServerProblems(mutation);
  return (
    <ActionForm
      action={action}
      mutation={mutation}
      attempt={0}
      onClose={onClose}
      onSubmit={() => send(mutation, { action, body: optionalNote(note) })}
    >
      <TextAreaField
        label={t('dossiersConsole.form.opinion')}
        optional
        rows={3}
        maxLength={NOTE_MAX}
        value={note}
        error={problems.note}
        onChange={(event) => setNote(event.target.value)}
      />
    </ActionForm>
  );
}

function SendBackForm({ dossier, mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [toStep, setToStep] = useState('');
  const problems = useServerProblems(mutation);
  const steps = earlierSteps(dossier.steps);
  return (
    <ReasonForm
      action="send_back"
      label={t('dossiersConsole.sendBack.note')}
      mutation={mutation}
      onClose={onClose}
      build={(note) => ({
        action: 'send_back',
        body: { note, ...(toStep ? { toStep: Number(toStep) } : {}) },
      })}
    >
      {steps.length > 1 ? (
        <SelectField
          label={t('dossiersConsole.sendBack.toStep')}
          value={toStep}
          error={problems.toStep}
          onChange={(event) => setToStep(event.target.value)}
        >
          <option value="">{t('dossiersConsole.sendBack.previous')}</option>
          {steps.map((step) => (
            <option key={step.stepNo} value={step.stepNo}>
              {t('dossiersConsole.sendBack.step', {
                no: step.stepNo + 1,
                name: step.name,
                agency: step.agencyName,
              })}
            </option>
          ))}
        </SelectField>
      ) : null}
    </ReasonForm>
  );
}

function SignForm({ mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const problems = useServerProblems(mutation);
  const refused = problems.code;

  useEffect(() => {
    // A refused code is cleared, so the next one is typed afresh.
    if (refused) setCode('');
  }, [refused]);

  return (
    <ActionForm
      action="sign"
      explain={t('dossiersConsole.sign.explain')}
      mutation={mutation}
      attempt={attempt}
      onClose={onClose}
      onSubmit={() => {
        const digits = code.replace(/\s/g, '');
        if (!/^\d{6}$/.test(digits)) {
          setInvalid(true);
          setAttempt(attempt + 1);
          return;
        }
        setInvalid(false);
        send(mutation, { action: 'sign', body: { code: digits } });
      }}
    >
      <Field
        className="field-code"
        label={t('dossiersConsole.sign.code')}
        hint={t('dossiersConsole.sign.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        value={code}
        error={invalid ? t('dossiersConsole.sign.codeInvalid') : refused}
        onChange={(event) => setCode(event.target.value)}
      />
    </ActionForm>
  );
}

function ReturnForm({ dossier, mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [method, setMethod] = useState<'desk' | 'post'>(
    dossier.returnMethod === 'post' ? 'post' : 'desk',
  );
  const problems = useServerProblems(mutation);
  return (
    <ActionForm
      action="return"
      mutation={mutation}
      attempt={0}
      onClose={onClose}
      onSubmit={() => send(mutation, { action: 'return', body: { method } })}
    >
      <SelectField
        label={t('dossiersConsole.return.method')}
        value={method}
        error={problems.method}
        onChange={(event) => setMethod(event.target.value as 'desk' | 'post')}
      >
        {(['desk', 'post'] as const).map((option) => (
          <option key={option} value={option}>
            {t(RETURN_METHOD_KEY[option])}
          </option>
        ))}
      </SelectField>
    </ActionForm>
  );
}

function ApologyForm({ mutation, onClose }: FormProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [problems, setProblems] = useState<{ reason?: string; when?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const server = useServerProblems(mutation);
  const today = vietnamToday(new Date());

  return (
    <ActionForm
      action="apologise"
      explain={t('dossiersConsole.apologise.explain')}
      mutation={mutation}
      attempt={attempt}
      onClose={onClose}
      onSubmit={() => {
        const instant = vietnamInstant(day, time);
        const found: { reason?: string; when?: string } = {};
        if (!reason.trim()) found.reason = t('dossiersConsole.reasonMissing');
        if (!instant) found.when = t('dossiersConsole.apologise.whenMissing');
        else if (new Date(instant).getTime() <= Date.now()) {
          found.when = t('dossiersConsole.apologise.whenPast');
        }
        setProblems(found);
        if (found.reason || found.when || !instant) {
          setAttempt(attempt + 1);
          return;
        }
        send(mutation, { action: 'apologise', body: { reason: reason.trim(), newDueAt: instant } });
      }}
    >
      <TextAreaField
        label={t('dossiersConsole.apologise.reason')}
        rows={3}
        maxLength={NOTE_MAX}
        required
        value={reason}
        error={problems.reason ?? server.reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="dossiers-when">
        <Field
          label={t('dossiersConsole.apologise.day')}
          type="date"
          min={today}
          required
          value={day}
          error={problems.when ?? server.newDueAt}
          onChange={(event) => setDay(event.target.value)}
        />
        <Field
          label={t('dossiersConsole.apologise.time')}
          hint={t('dossiersConsole.apologise.timeHint')}
          type="time"
          required
          value={time}
          error={problems.when && !/^\d{2}:\d{2}$/.test(time) ? problems.when : undefined}
          onChange={(event) => setTime(event.target.value)}
        />
      </div>
    </ActionForm>
  );
}
