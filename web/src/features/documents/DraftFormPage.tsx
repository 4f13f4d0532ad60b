/**
 * Soạn văn bản đi: a new draft (POST /api/documents/outgoing), a reply to an incoming
 * document (`?traLoi=<id>`: addressed to its sender and linked to it), or a draft edited
 * again by its drafter (PUT /api/documents/outgoing/:id). What the person typed stays when
 * the server refuses; its problems appear beside the fields.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import {
  SECRECIES,
  URGENCIES,
  createDraft,
  fetchIncoming,
  fetchOutgoing,
  incomingKey,
  outgoingKey,
  updateDraft,
  useDesk,
  type Desk,
  type IncomingView,
  type OutgoingView,
} from './documents-api';
import { DocumentsNav, OUTGOING_LIST, incomingPath, outgoingPath } from './DocumentsNav';
import { AttachmentsField } from './AttachmentsField';
import { RecipientsPicker } from './RecipientsPicker';
import { SelectField, TextAreaField } from './fields';
import { SECRECY_KEY, URGENCY_KEY } from './labels';
import {
  draftBody,
  draftOf,
  draftProblems,
  emptyDraft,
  replyDraft,
  type DraftForm as DraftState,
} from './draft-form';
import './documents.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function NewDraftPage() {
  const { t } = useI18n();
  usePageTitle(t('documents.form.newTitle'));
  const [params] = useSearchParams();
  const replyTo = params.get('traLoi');
  const answeredId = replyTo && UUID.test(replyTo) ? replyTo : null;
  const desk = useDesk();
  const answered = useQuery({
    queryKey: incomingKey(answeredId ?? ''),
    queryFn: () => fetchIncoming(answeredId!),
    enabled: answeredId !== null,
  });
  const waiting = desk.isPending || (answeredId !== null && answered.isPending);
  const error = desk.error ?? answered.error;
  const onlySigner = desk.data?.signers.length === 1 ? desk.data.signers[0]!.id : '';

  return (
    <DraftPageFrame title={t('documents.form.newTitle')}>
      {error ? <Alert kind="error" error={error} /> : null}
      {waiting && !error ? <Loading /> : null}
      {desk.data && !waiting && !error ? (
        <DraftEditor
          desk={desk.data}
          initial={answered.data ? replyDraft(answered.data, onlySigner) : emptyDraft(onlySigner)}
          answered={answered.data ?? null}
        />
      ) : null}
    </DraftPageFrame>
  );
}

export function EditDraftPage() {
  const { t } = useI18n();
  usePageTitle(t('documents.form.editTitle'));
  const { id = '' } = useParams();
  const desk = useDesk();
  const draft = useQuery({ queryKey: outgoingKey(id), queryFn: () => fetchOutgoing(id) });
  const answeredId = draft.data?.responseForId ?? null;
  const answered = useQuery({
    queryKey: incomingKey(answeredId ?? ''),
    queryFn: () => fetchIncoming(answeredId!),
    enabled: answeredId !== null,
  });
  const error = desk.error ?? draft.error;
  const ready = desk.data && draft.data && (answeredId === null || !answered.isPending);

  return (
    <DraftPageFrame title={t('documents.form.editTitle')} back={draft.data ? draft.data.id : null}>
      {error ? <Alert kind="error" error={error} /> : null}
      {!ready && !error ? <Loading /> : null}
      {ready && draft.data && !draft.data.actions.includes('edit') ? (
        <Alert kind="info">
          <p>{t('documents.form.notEditable')}</p>
        </Alert>
      ) : null}
      {ready && desk.data && draft.data?.actions.includes('edit') ? (
        <DraftEditor
          desk={desk.data}
          initial={draftOf(draft.data)}
          existing={draft.data}
          answered={answered.data ?? null}
        />
      ) : null}
    </DraftPageFrame>
  );
}

function DraftPageFrame({
  title,
  back = null,
  children,
}: {
  title: string;
  back?: string | null;
  children: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <p>
        {back ? (
          <Link to={outgoingPath(back)}>{t('documents.form.backToDocument')}</Link>
        ) : (
          <Link to={OUTGOING_LIST}>{t('documents.outgoing.back')}</Link>
        )}
      </p>
      <h1>{title}</h1>
      {children}
    </div>
  );
}

function DraftEditor({
  desk,
  initial,
  existing,
  answered,
}: {
  desk: Desk;
  initial: DraftState;
  existing?: OutgoingView;
  answered: IncomingView | null;
}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<DraftState>(initial);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problems = draftProblems(error, form, i18n);
  const set = (patch: Partial<DraftState>): void => setForm({ ...form, ...patch });
  const kinds = desk.types.filter((kind) => kind.abbreviation || kind.name === 'Công văn');

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = draftBody(form);
      const saved = existing ? await updateDraft(existing.id, body) : await createDraft(body);
      client.setQueryData(outgoingKey(saved.id), saved);
      await client.invalidateQueries({ queryKey: ['documents'], refetchType: 'none' });
      void navigate(outgoingPath(saved.id), { state: { notice: 'saved' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
      // The summary is announced (role="alert"); focus takes the keyboard to it.
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  return (
    <form className="form documents-form" noValidate onSubmit={(event) => void submit(event)}>
      <div ref={summaryRef} tabIndex={-1} className="documents-summary">
        {error !== undefined ? (
          <Alert kind="error" error={error}>
            {Object.keys(problems.fields).length > 0 ? (
              <p>{t('documents.form.seeFields')}</p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {answered ? (
        <Alert kind="info">
          <p>
            {t('documents.form.replyTo', {
              notation: answered.notation,
              sender: answered.senderName,
            })}{' '}
            <Link to={incomingPath(answered.id)}>{t('documents.form.openAnswered')}</Link>
          </p>
          {problems.fields.responseForId ? (
            <p className="field-error">{problems.fields.responseForId}</p>
          ) : null}
        </Alert>
      ) : null}

      <section className="panel" aria-labelledby="draft-kind-title">
        <h2 id="draft-kind-title">{t('documents.form.kindSection')}</h2>
        <div className="form-columns documents-columns">
          <SelectField
            label={t('documents.field.kind')}
            value={form.kind}
            error={problems.fields.typeAbbreviation}
            onChange={(event) => set({ kind: event.target.value })}
          >
            {kinds.map((kind) => (
              <option key={kind.abbreviation ?? ''} value={kind.abbreviation ?? ''}>
                {locale === 'en' ? kind.nameEn : kind.name}
                {kind.abbreviation ? ` (${kind.abbreviation})` : ''}
              </option>
            ))}
          </SelectField>
          {form.kind === '' ? (
            <Field
              label={t('documents.field.draftingUnit')}
              hint={t('documents.form.draftingUnitHint', {
                issuer: desk.issuer?.abbreviation ?? 'UBND',
              })}
              optional
              maxLength={20}
              value={form.draftingUnit}
              error={problems.fields.draftingUnit}
              onChange={(event) => set({ draftingUnit: event.target.value })}
            />
          ) : null}
          <SelectField
            label={t('documents.field.urgency')}
            value={form.urgency}
            error={problems.fields.urgency}
            onChange={(event) => set({ urgency: event.target.value as DraftState['urgency'] })}
          >
            {URGENCIES.map((urgency) => (
              <option key={urgency} value={urgency}>
                {t(URGENCY_KEY[urgency])}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('documents.field.secrecy')}
            value={form.secrecy}
            error={problems.fields.secrecy}
            onChange={(event) => set({ secrecy: event.target.value as DraftState['secrecy'] })}
          >
            {SECRECIES.map((secrecy) => (
              <option key={secrecy} value={secrecy}>
                {t(SECRECY_KEY[secrecy])}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('documents.field.replyDueOn')}
            type="date"
            optional
            value={form.replyDueOn}
            error={problems.fields.replyDueOn}
            onChange={(event) => set({ replyDueOn: event.target.value })}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="draft-text-title">
        <h2 id="draft-text-title">{t('documents.form.textSection')}</h2>
        <TextAreaField
          label={t('documents.field.subject')}
          hint={t('documents.form.subjectHint')}
          rows={2}
          maxLength={500}
          required
          value={form.subject}
          error={problems.fields.subject}
          onChange={(event) => set({ subject: event.target.value })}
        />
        <Field
          label={t('documents.field.greeting')}
          hint={t('documents.form.greetingHint')}
          optional
          maxLength={1000}
          value={form.greeting}
          error={problems.fields.greeting}
          onChange={(event) => set({ greeting: event.target.value })}
        />
        <TextAreaField
          label={t('documents.field.body')}
          hint={t('documents.form.bodyHint')}
          rows={12}
          required
          value={form.body}
          error={problems.fields.body}
          onChange={(event) => set({ body: event.target.value })}
        />
        <TextAreaField
          label={t('documents.field.toPlaces')}
          hint={t('documents.form.toPlacesHint')}
          optional
          rows={4}
          value={form.toPlaces}
          error={problems.fields.toPlaces}
          onChange={(event) => set({ toPlaces: event.target.value })}
        />
      </section>

      <section className="panel" aria-labelledby="draft-signer-title">
        <h2 id="draft-signer-title">{t('documents.form.signerSection')}</h2>
        <div className="form-columns documents-columns">
          <SelectField
            label={t('documents.field.signer')}
            required
            value={form.signerUserId}
            error={problems.fields.signerUserId}
            onChange={(event) => set({ signerUserId: event.target.value })}
          >
            <option value="">{t('documents.form.chooseSigner')}</option>
            {desk.signers.map((signer) => (
              <option key={signer.id} value={signer.id}>
                {signer.fullName}
              </option>
            ))}
          </SelectField>
          <Field
            label={t('documents.field.signerCompetence')}
            hint={t('documents.form.competenceHint')}
            optional
            maxLength={200}
            value={form.signerCompetence}
            error={problems.fields.signerCompetence}
            onChange={(event) => set({ signerCompetence: event.target.value })}
          />
          <Field
            label={t('documents.field.signerPosition')}
            hint={t('documents.form.positionHint')}
            required
            maxLength={200}
            value={form.signerPosition}
            error={problems.fields.signerPosition}
            onChange={(event) => set({ signerPosition: event.target.value })}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="draft-send-title">
        <h2 id="draft-send-title">{t('documents.form.sendSection')}</h2>
        <RecipientsPicker
          value={form.recipients}
          onChange={(recipients) => set({ recipients })}
          ownCode={desk.agency.code}
          error={problems.fields.recipients}
          problems={problems.recipients}
        />
        <AttachmentsField
          label={t('documents.field.attachments')}
          hint={t('documents.form.attachmentsHint')}
          value={form.attachments}
          onChange={(attachments) => set({ attachments })}
          error={problems.fields.attachmentFileIds}
        />
      </section>

      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('documents.form.save')}
        </button>
        <Link
          className="button button-secondary"
          to={existing ? outgoingPath(existing.id) : OUTGOING_LIST}
        >
          {t('list.cancel')}
        </Link>
      </div>
    </form>
  );
}
