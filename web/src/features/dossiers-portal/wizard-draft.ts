/**
 * The dossier being prepared: who applies, where, which case of the procedure's documents,
 * the form as typed (form/form-draft), the document chosen for each slot, the step reached
 * and the Idempotency-Key of its submission. It is kept in the tab's sessionStorage, per
 * account and procedure, so a reload or a phone dropping the page in the background loses
 * nothing; sessionStorage rather than localStorage because the draft holds identity numbers,
 * which should not outlive the tab on a shared computer. Nothing of it goes into the address.
 */
import {
  validateForm,
  whatApplies,
  type FormDefinition,
  type FormValue,
} from '../../../../src/kernel/forms';
import { draftValues, type FormDraft } from '../procedures/form/form-draft';
import type { ProcedureView } from '../procedures/procedures-api';
import type { SubmitBody } from './dossiers-portal-api';
import { newKey } from '../feedback/idempotency-key';

export type ApplicantType = SubmitBody['applicant']['type'];

export const STEPS = ['applicant', 'form', 'documents', 'review'] as const;
export type Step = (typeof STEPS)[number];

export interface ChosenDocument {
  fileId: string;
  name: string;
  size: number;
  mediaType: string;
  /** Uploaded in this wizard, or taken from the personal data store. */
  source: 'upload' | 'store';
  /** For a document of the store: the dossier it was given with. */
  fromDossier?: string;
}

export interface ApplicantDraft {
  type: ApplicantType;
  fullName: string;
  idNumber: string;
  phone: string;
  email: string;
}

export interface WizardDraft {
  version: 1;
  applicant: ApplicantDraft;
  communeCode: string;
  caseIndex: number;
  values: FormDraft;
  /** By slot (MaGiayTo). A slot of another case is kept, but only the chosen case's are sent. */
  documents: Record<string, ChosenDocument>;
  step: Step;
  /** One per submission, kept across retries so the platform files the dossier once. */
  key: string;
}

export function emptyDraft(type: ApplicantType = 'CONG_DAN'): WizardDraft {
  return {
    version: 1,
    applicant: { type, fullName: '', idNumber: '', phone: '', email: '' },
    communeCode: '',
    caseIndex: 0,
    values: {},
    documents: {},
    step: 'applicant',
    key: newKey(),
  };
}

/** The account's name, e-mail and phone where the person has not typed their own. */
export function prefilled(
  draft: WizardDraft,
  user: { fullName: string; email?: string | null; phone?: string | null },
): WizardDraft {
  const { applicant } = draft;
  return {
    ...draft,
    applicant: {
      ...applicant,
      fullName: applicant.fullName || user.fullName,
      email: applicant.email || (user.email ?? ''),
      phone: applicant.phone || (user.phone ?? ''),
    },
  };
}

/** The documents the chosen case lists, in its order. */
export interface DocumentSlot {
  slot: string;
  name: string;
  required: boolean;
}

export function slotsOf(procedure: ProcedureView, caseIndex: number): DocumentSlot[] {
  return (procedure.tthc.ThanhPhanHoSo[caseIndex]?.GiayTo ?? []).map((document) => ({
    slot: document.MaGiayTo,
    name: document.TenGiayTo,
    required: document.BatBuoc,
  }));
}

/** The steps of this wizard: without documents when the chosen case lists none. */
export function wizardSteps(slotCount: number): Step[] {
  return STEPS.filter((step) => step !== 'documents' || slotCount > 0);
}

/** Only the answers of the fields that apply: a section hidden since is not sent at all. */
export function applicableValues(
  definition: FormDefinition,
  values: FormDraft,
): Record<string, FormValue> {
  const read = draftValues(definition, values);
  const applies = whatApplies(definition, read);
  return Object.fromEntries(Object.entries(read).filter(([field]) => applies.fields.has(field)));
}

const digits = (text: string) => text.replace(/[\s.-]/g, '');

/** The body of POST /api/dossiers from a checked draft. */
export function submissionBody(
  procedure: ProcedureView,
  draft: WizardDraft,
  today: string,
): SubmitBody {
  const checked = validateForm(procedure.form, applicableValues(procedure.form, draft.values), {
    today,
  });
  const values = checked.ok ? checked.values : applicableValues(procedure.form, draft.values);
  const { applicant } = draft;
  const phone = digits(applicant.phone);
  const email = applicant.email.trim();
  return {
    procedureCode: procedure.code,
    ...(procedure.receivingAgency === null ? { communeCode: draft.communeCode } : {}),
    ...(procedure.tthc.ThanhPhanHoSo.length > 0 ? { case: draft.caseIndex } : {}),
    applicant: {
      type: applicant.type,
      fullName: applicant.fullName.trim(),
      idNumber: digits(applicant.idNumber),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    },
    values: values,
    documents: slotsOf(procedure, draft.caseIndex).flatMap(({ slot }) => {
      const chosen = draft.documents[slot];
      return chosen ? [{ slot, fileId: chosen.fileId }] : [];
    }),
  };
}

const STORAGE_PREFIX = 'tinhso.dossier-draft';

function storageKey(userId: string, procedureCode: string): string {
  return `${STORAGE_PREFIX}.${userId}.${procedureCode}`;
}

function isDraft(value: unknown): value is WizardDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<WizardDraft>;
  return (
    draft.version === 1 &&
    typeof draft.applicant === 'object' &&
    draft.applicant !== null &&
    typeof draft.applicant.fullName === 'string' &&
    typeof draft.applicant.idNumber === 'string' &&
    typeof draft.communeCode === 'string' &&
    typeof draft.caseIndex === 'number' &&
    typeof draft.values === 'object' &&
    draft.values !== null &&
    typeof draft.documents === 'object' &&
    draft.documents !== null &&
    typeof draft.key === 'string' &&
    (STEPS as readonly unknown[]).includes(draft.step)
  );
}

/** A stored draft, or null when there is none or it is not one this version can read. */
export function parseDraft(raw: string | null): WizardDraft | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDraft(userId: string, procedureCode: string): WizardDraft | null {
  try {
    return parseDraft(storage()?.getItem(storageKey(userId, procedureCode)) ?? null);
  } catch {
    return null;
  }
}

export function saveDraft(userId: string, procedureCode: string, draft: WizardDraft): void {
  try {
    storage()?.setItem(storageKey(userId, procedureCode), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the wizard still works, a reload just starts afresh.
  }
}

export function clearDraft(userId: string, procedureCode: string): void {
  try {
    storage()?.removeItem(storageKey(userId, procedureCode));
  } catch {
    // Nothing to clear.
  }
}
