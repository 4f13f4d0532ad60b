/**
 * The checks made before leaving a step of the submission wizard, the same rules the server
 * applies (its request schema for the applicant, kernel/forms for the form, the procedure's
 * list for the documents), so what the person is told here is what the server would say.
 * Problems are message keys, worded by the page in the reader's language.
 */
import { validateForm, type FormDefinition, type FormError } from '../../../../src/kernel/forms';
import type { MessageKey } from '../../shared/i18n/translate';
import {
  applicableValues,
  type ChosenDocument,
  type DocumentSlot,
  type WizardDraft,
} from './wizard-draft';

/** Problems of the applicant step, by field: `applicant.fullName`, `communeCode`, `case`… */
export type ApplicantProblems = Record<string, MessageKey>;

/** Problems of the documents step, by slot. */
export type DocumentProblem =
  'missing' | 'unknown_slot' | 'not_found' | 'not_allowed_type' | 'duplicate_file' | 'uploading';
export type DocumentProblems = Record<string, DocumentProblem>;

const ID_NUMBER = /^[0-9]{9,13}$/;
const PHONE = /^(0|\+84)[1-9][0-9]{8,9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ApplicantNeeds {
  /** The procedure is received by each commune: the applicant's commune must be chosen. */
  commune: boolean;
  /** How many cases (trường hợp) the procedure's documents have. */
  cases: number;
  /** The kinds of applicant the procedure is for. */
  types: readonly string[];
}

export function checkApplicant(draft: WizardDraft, needs: ApplicantNeeds): ApplicantProblems {
  const problems: ApplicantProblems = {};
  const { applicant } = draft;
  if (!needs.types.includes(applicant.type)) {
    problems['applicant.type'] = 'dossiersPortal.applicant.typeRequired';
  }
  const name = applicant.fullName.trim();
  if (!name) problems['applicant.fullName'] = 'dossiersPortal.applicant.nameRequired';
  else if ([...name].length > 200)
    problems['applicant.fullName'] = 'dossiersPortal.applicant.nameLong';
  const idNumber = applicant.idNumber.replace(/[\s.-]/g, '');
  if (!idNumber) problems['applicant.idNumber'] = 'dossiersPortal.applicant.idRequired';
  else if (!ID_NUMBER.test(idNumber))
    problems['applicant.idNumber'] = 'dossiersPortal.applicant.idInvalid';
  const phone = applicant.phone.replace(/[\s.-]/g, '');
  if (phone && !PHONE.test(phone))
    problems['applicant.phone'] = 'dossiersPortal.applicant.phoneInvalid';
  const email = applicant.email.trim();
  if (email && (!EMAIL.test(email) || email.length > 254)) {
    problems['applicant.email'] = 'dossiersPortal.applicant.emailInvalid';
  }
  if (needs.commune && !/^[0-9]{5}$/.test(draft.communeCode)) {
    problems.communeCode = 'dossiersPortal.applicant.communeRequired';
  }
  if (needs.cases > 0 && (draft.caseIndex < 0 || draft.caseIndex >= needs.cases)) {
    problems.case = 'dossiersPortal.applicant.caseRequired';
  }
  return problems;
}

/** The form's errors as the server will find them, or none. */
export function checkForm(
  definition: FormDefinition,
  draft: WizardDraft,
  today: string,
): FormError[] {
  const result = validateForm(definition, applicableValues(definition, draft.values), { today });
  return result.ok ? [] : result.errors;
}

/** Every required document given, each file once, none still on its way. */
export function checkDocuments(
  documents: Readonly<Record<string, ChosenDocument>>,
  slots: readonly DocumentSlot[],
  uploading: ReadonlySet<string> = new Set(),
): DocumentProblems {
  const problems: DocumentProblems = {};
  const seen = new Set<string>();
  for (const { slot, required } of slots) {
    if (uploading.has(slot)) {
      problems[slot] = 'uploading';
      continue;
    }
    const chosen = documents[slot];
    if (!chosen) {
      if (required) problems[slot] = 'missing';
      continue;
    }
    if (seen.has(chosen.fileId)) problems[slot] = 'duplicate_file';
    seen.add(chosen.fileId);
  }
  return problems;
}

export const DOCUMENT_PROBLEM_KEY: Record<DocumentProblem, MessageKey> = {
  missing: 'dossiersPortal.documents.problem.missing',
  unknown_slot: 'dossiersPortal.documents.problem.unknown_slot',
  not_found: 'dossiersPortal.documents.problem.not_found',
  not_allowed_type: 'dossiersPortal.documents.problem.not_allowed_type',
  duplicate_file: 'dossiersPortal.documents.problem.duplicate_file',
  uploading: 'dossiersPortal.documents.problem.uploading',
};
