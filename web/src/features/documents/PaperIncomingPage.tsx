/**
 * Vào sổ văn bản giấy (POST /api/documents/incoming): the clerk scans a paper document that
 * arrived, types its particulars and registers it at once, taking the next arrival number.
 * What was typed stays when the server refuses; its problems appear beside the fields.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { formProblems } from '../admin/form-problems';
import {
  SECRECIES,
  URGENCIES,
  incomingKey,
  registerPaper,
  useDesk,
  type PaperBody,
  type Secrecy,
  type Urgency,
} from './documents-api';
import { DocumentsNav, INCOMING_LIST, incomingPath } from './DocumentsNav';
import { AttachmentsField, type UploadedFile } from './AttachmentsField';
import { SelectField } from './fields';
import { SECRECY_KEY, URGENCY_KEY } from './labels';
import './documents.css';

interface PaperForm {
  senderName: string;
  senderOrganId: string;
  notation: string;
  typeName: string;
  subject: string;
  promulgatedOn: string;
  signerName: string;
  urgency: Urgency;
  secrecy: Secrecy;
  replyDueOn: string;
  receivedAt: string;
  registerId: string;
  scans: UploadedFile[];
}

const EMPTY: PaperForm = {
  senderName: '',
  senderOrganId: '',
  notation: '',
  typeName: '',
  subject: '',
  promulgatedOn: '',
  signerName: '',
  urgency: 'normal',
  secrecy: 'normal',
  replyDueOn: '',
  receivedAt: '',
  registerId: '',
  scans: [],
};

function bodyOf(form: PaperForm): PaperBody {
  return {
    senderName: form.senderName.trim(),
    senderOrganId: form.senderOrganId.trim() || null,
    notation: form.notation.trim(),
    typeName: form.typeName.trim(),
    subject: form.subject.trim(),
    promulgatedOn: form.promulgatedOn,
    signerName: form.signerName.trim() || null,
    urgency: form.urgency,
    secrecy: form.secrecy,
    replyDueOn: form.replyDueOn || null,
    // The clock of the province: a paper arrives at a desk in Vietnam (UTC+7 all year).
    ...(form.receivedAt ? { receivedAt: `${form.receivedAt}:00+07:00` } : {}),
    ...(form.registerId ? { registerId: form.registerId } : {}),
    scanFileIds: form.scans.map((file) => file.id),
  };
}

export function PaperIncomingPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  usePageTitle(t('documents.paper.title'));
  const desk = useDesk();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form, setForm] = useState<PaperForm>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (patch: Partial<PaperForm>): void => setForm({ ...form, ...patch });
  const problems = formProblems(error, i18n, {
    FILE_INVALID: 'scanFileIds',
    REGISTER_NOT_FOUND: 'registerId',
  });
  const body = bodyOf(form) as Record<string, unknown>;
  const problem = (field: keyof PaperBody): string | undefined => {
    const found = Object.entries(problems).find(([path]) => path.split('.')[0] === field)?.[1];
    if (!found) return undefined;
    const value = body[field];
    return value === '' || value === null || (Array.isArray(value) && value.length === 0)
      ? t('form.required')
      : found;
  };
  const registers = (desk.data?.registers ?? []).filter(
    (register) => register.direction === 'incoming',
  );

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await registerPaper(bodyOf(form));
      client.setQueryData(incomingKey(created.id), created);
      await client.invalidateQueries({ queryKey: ['documents'], refetchType: 'none' });
      void navigate(incomingPath(created.id), { state: { notice: 'registered' } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <p>
        <Link to={INCOMING_LIST}>{t('documents.incoming.back')}</Link>
      </p>
      <h1>{t('documents.paper.title')}</h1>
      <p className="lead">{t('documents.paper.lead')}</p>
      {desk.error ? <Alert kind="error" error={desk.error} /> : null}
      {desk.isPending ? <Loading /> : null}
      {desk.data && !desk.data.permissions.clerk ? (
        <Alert kind="info">
          <p>{t('documents.paper.clerkOnly')}</p>
        </Alert>
      ) : null}
      {desk.data?.permissions.clerk ? (
        <form className="form documents-form" noValidate onSubmit={(event) => void submit(event)}>
          <div ref={summaryRef} tabIndex={-1} className="documents-summary">
            {error !== undefined ? <Alert kind="error" error={error} /> : null}
          </div>
          <section className="panel" aria-labelledby="paper-origin-title">
            <h2 id="paper-origin-title">{t('documents.paper.originSection')}</h2>
            <div className="form-columns documents-columns">
              <Field
                label={t('documents.field.sender')}
                required
                maxLength={300}
                value={form.senderName}
                error={problem('senderName')}
                onChange={(event) => set({ senderName: event.target.value })}
              />
              <Field
                label={t('documents.paper.senderCode')}
                hint={t('documents.paper.senderCodeHint')}
                optional
                maxLength={13}
                value={form.senderOrganId}
                error={problem('senderOrganId')}
                onChange={(event) => set({ senderOrganId: event.target.value })}
              />
              <Field
                label={t('documents.field.notation')}
                hint={t('documents.paper.notationHint')}
                required
                maxLength={60}
                value={form.notation}
                error={problem('notation')}
                onChange={(event) => set({ notation: event.target.value })}
              />
              <Field
                label={t('documents.field.kind')}
                hint={t('documents.paper.kindHint')}
                required
                maxLength={100}
                list="paper-kinds"
                value={form.typeName}
                error={problem('typeName')}
                onChange={(event) => set({ typeName: event.target.value })}
              />
              <datalist id="paper-kinds">
                {(desk.data.types ?? []).map((kind) => (
                  <option key={kind.name} value={locale === 'en' ? kind.nameEn : kind.name} />
                ))}
              </datalist>
              <Field
                label={t('documents.field.promulgatedOn')}
                type="date"
                required
                value={form.promulgatedOn}
                error={problem('promulgatedOn')}
                onChange={(event) => set({ promulgatedOn: event.target.value })}
              />
              <Field
                label={t('documents.field.signer')}
                optional
                maxLength={200}
                value={form.signerName}
                error={problem('signerName')}
                onChange={(event) => set({ signerName: event.target.value })}
              />
            </div>
            <Field
              label={t('documents.field.subject')}
              required
              maxLength={500}
              value={form.subject}
              error={problem('subject')}
              onChange={(event) => set({ subject: event.target.value })}
            />
          </section>
          <section className="panel" aria-labelledby="paper-handling-title">
            <h2 id="paper-handling-title">{t('documents.paper.handlingSection')}</h2>
            <div className="form-columns documents-columns">
              <SelectField
                label={t('documents.field.urgency')}
                value={form.urgency}
                onChange={(event) => set({ urgency: event.target.value as Urgency })}
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
                onChange={(event) => set({ secrecy: event.target.value as Secrecy })}
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
                error={problem('replyDueOn')}
                onChange={(event) => set({ replyDueOn: event.target.value })}
              />
              <Field
                label={t('documents.field.receivedAt')}
                hint={t('documents.paper.receivedHint')}
                type="datetime-local"
                optional
                value={form.receivedAt}
                error={problem('receivedAt')}
                onChange={(event) => set({ receivedAt: event.target.value })}
              />
              {registers.length > 1 ? (
                <SelectField
                  label={t('documents.actions.register')}
                  value={form.registerId}
                  error={problem('registerId')}
                  onChange={(event) => set({ registerId: event.target.value })}
                >
                  <option value="">{t('documents.actions.defaultRegister')}</option>
                  {registers.map((register) => (
                    <option key={register.id} value={register.id}>
                      {register.name} ({register.code})
                    </option>
                  ))}
                </SelectField>
              ) : null}
            </div>
            <AttachmentsField
              label={t('documents.paper.scans')}
              hint={t('documents.paper.scansHint')}
              required
              value={form.scans}
              onChange={(scans) => set({ scans })}
              error={problem('scanFileIds')}
            />
          </section>
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('form.submitting') : t('documents.paper.submit')}
            </button>
            <Link className="button button-secondary" to={INCOMING_LIST}>
              {t('list.cancel')}
            </Link>
          </div>
        </form>
      ) : null}
    </div>
  );
}
