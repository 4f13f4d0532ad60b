/**
 * What the draft form holds, as the person typed it, and how it becomes the body of
 * POST/PUT /api/documents/outgoing. The form's state is never rewritten from the answer, so
 * a refusal leaves everything typed in place; the server's problems are mapped back to the
 * fields they are about.
 */
import { ApiError } from '../../shared/api/api-error';
import { errorText, fieldErrors } from '../../shared/api/error-text';
import type { I18n } from '../../shared/i18n/i18n';
import type { DraftBody, IncomingView, OutgoingView, Secrecy, Urgency } from './documents-api';
import { recipientProblems, type Recipient } from './RecipientsPicker';
import type { UploadedFile } from './AttachmentsField';

export interface DraftForm {
  /** '' for a công văn, else the kind's abbreviation. */
  kind: string;
  draftingUnit: string;
  subject: string;
  greeting: string;
  body: string;
  /** One place per line, as printed under "Nơi nhận". */
  toPlaces: string;
  urgency: Urgency;
  secrecy: Secrecy;
  replyDueOn: string;
  signerUserId: string;
  signerCompetence: string;
  signerPosition: string;
  recipients: Recipient[];
  attachments: UploadedFile[];
  responseForId: string | null;
  replacesId: string | null;
}

export type DraftField = keyof DraftBody;

export function emptyDraft(signerUserId = ''): DraftForm {
  return {
    kind: '',
    draftingUnit: '',
    subject: '',
    greeting: '',
    body: '',
    toPlaces: '',
    urgency: 'normal',
    secrecy: 'normal',
    replyDueOn: '',
    signerUserId,
    signerCompetence: '',
    signerPosition: '',
    recipients: [],
    attachments: [],
    responseForId: null,
    replacesId: null,
  };
}

/** A reply starts addressed to the sender of the document it answers. */
export function replyDraft(answered: IncomingView, signerUserId = ''): DraftForm {
  return {
    ...emptyDraft(signerUserId),
    greeting: answered.senderName,
    recipients: answered.senderOrganId
      ? [{ organId: answered.senderOrganId, organName: answered.senderName, external: false }]
      : [],
    responseForId: answered.id,
  };
}

/** A saved draft, back in the form; its attachments are named by their document-file ids. */
export function draftOf(view: OutgoingView): DraftForm {
  return {
    kind: view.typeAbbreviation ?? '',
    draftingUnit: view.draftingUnit ?? '',
    subject: view.subject,
    greeting: view.greeting ?? '',
    body: view.body,
    toPlaces: view.toPlaces.join('\n'),
    urgency: view.urgency,
    secrecy: view.secrecy,
    replyDueOn: view.replyDueOn ?? '',
    signerUserId: view.signerUserId ?? '',
    signerCompetence: view.signerCompetence ?? '',
    signerPosition: view.signerPosition ?? '',
    recipients: view.recipients.map((recipient) => ({
      organId: recipient.organId,
      organName: recipient.organName,
      external: false,
    })),
    attachments: view.files
      .filter((file) => file.role === 'attachment')
      .map((file) => ({ id: file.id, name: file.name, size: file.size })),
    responseForId: view.responseForId,
    replacesId: view.replacesId,
  };
}

export function draftBody(form: DraftForm): DraftBody {
  const congVan = form.kind === '';
  return {
    typeAbbreviation: congVan ? null : form.kind,
    ...(congVan ? { draftingUnit: form.draftingUnit.trim() || null } : {}),
    subject: form.subject.trim(),
    greeting: form.greeting.trim() || null,
    body: form.body.trim(),
    toPlaces: form.toPlaces
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    urgency: form.urgency,
    secrecy: form.secrecy,
    replyDueOn: form.replyDueOn || null,
    signerUserId: form.signerUserId,
    signerCompetence: form.signerCompetence.trim() || null,
    signerPosition: form.signerPosition.trim(),
    recipients: form.recipients.map((recipient) => ({
      organId: recipient.organId,
      organName: recipient.organName,
    })),
    responseForId: form.responseForId,
    replacesId: form.replacesId,
    attachmentFileIds: form.attachments.map((file) => file.id),
  };
}

const FIELD_OF_CODE: Record<string, DraftField> = {
  DOCUMENT_TYPE_UNKNOWN: 'typeAbbreviation',
  SIGNER_NOT_ELIGIBLE: 'signerUserId',
  RECIPIENT_INVALID: 'recipients',
  RESPONSE_FOR_INVALID: 'responseForId',
  FILE_INVALID: 'attachmentFileIds',
};

/** What to show beside each field after a refusal; an emptied required field says so. */
export function draftProblems(
  error: unknown,
  form: DraftForm,
  i18n: Pick<I18n, 'locale' | 't'>,
): { fields: Partial<Record<DraftField, string>>; recipients: Record<string, string> } {
  const fields: Partial<Record<DraftField, string>> = {};
  const body = draftBody(form) as Record<string, unknown>;
  for (const [path, message] of Object.entries(fieldErrors(error, i18n.locale, i18n.t))) {
    const field = path.split('.')[0] as DraftField;
    if (!field || fields[field]) continue;
    const value = body[field];
    fields[field] = value === '' || value === null ? i18n.t('form.required') : message;
  }
  let recipients: Record<string, string> = {};
  if (error instanceof ApiError) {
    const field = FIELD_OF_CODE[error.code];
    if (field && !fields[field]) fields[field] = errorText(error, i18n.locale, i18n.t);
    if (error.code === 'RECIPIENT_INVALID') recipients = recipientProblems(error.details, i18n.t);
  }
  return { fields, recipients };
}
