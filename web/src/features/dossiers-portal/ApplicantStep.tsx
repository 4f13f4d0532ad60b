/**
 * Step 1, the applicant: who applies (a citizen, a business, an organisation, as the
 * procedure allows), their name, identity number and contact; the commune that receives the
 * dossier for procedures every commune handles; and the case (trường hợp) of the
 * procedure's documents that fits them, when it has several.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { CommuneSelect } from '../procedures/form/CommuneSelect';
import { APPLICANT_KEY } from '../procedures/labels';
import type { ProcedureView } from '../procedures/procedures-api';
import type { ApplicantProblems } from './wizard-checks';
import type { ApplicantDraft, WizardDraft } from './wizard-draft';

export const APPLICANT_IDS = {
  'applicant.type': 'dossier-applicant-type',
  'applicant.fullName': 'dossier-applicant-name',
  'applicant.idNumber': 'dossier-applicant-id',
  'applicant.phone': 'dossier-applicant-phone',
  'applicant.email': 'dossier-applicant-email',
  communeCode: 'dossier-commune',
  case: 'dossier-case',
} as const;

export const APPLICANT_LABEL: Record<keyof typeof APPLICANT_IDS, MessageKey> = {
  'applicant.type': 'dossiersPortal.applicant.type',
  'applicant.fullName': 'dossiersPortal.applicant.fullName',
  'applicant.idNumber': 'dossiersPortal.applicant.idNumber',
  'applicant.phone': 'dossiersPortal.applicant.phone',
  'applicant.email': 'dossiersPortal.applicant.email',
  communeCode: 'dossiersPortal.applicant.commune',
  case: 'dossiersPortal.applicant.case',
};

function TextControl({
  id,
  label,
  hint,
  error,
  optional,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  const { t } = useI18n();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional ? <span className="field-optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={optional ? undefined : true}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Group({
  id,
  legend,
  error,
  children,
}: {
  id: string;
  legend: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`dossier-group${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function ApplicantStep({
  procedure,
  draft,
  problems,
  update,
}: {
  procedure: ProcedureView;
  draft: WizardDraft;
  problems: ApplicantProblems;
  update: (change: Partial<WizardDraft>) => void;
}) {
  const { t } = useI18n();
  const { applicant } = draft;
  const types = procedure.tthc.DoiTuongThucHien;
  const cases = procedure.tthc.ThanhPhanHoSo;
  const person = applicant.type === 'CONG_DAN';
  const error = (field: keyof typeof APPLICANT_IDS) => {
    const key = problems[field];
    return key ? t(key) : undefined;
  };
  const set = (change: Partial<ApplicantDraft>) =>
    update({ applicant: { ...applicant, ...change } });

  return (
    <div className="form">
      {types.length > 1 ? (
        <Group
          id={APPLICANT_IDS['applicant.type']}
          legend={t('dossiersPortal.applicant.type')}
          error={error('applicant.type')}
        >
          {types.map((type, index) => {
            const id =
              index === 0 ? APPLICANT_IDS['applicant.type'] : `dossier-applicant-type-${index}`;
            return (
              <div className="checkbox" key={type}>
                <input
                  id={id}
                  type="radio"
                  name="applicant-type"
                  value={type}
                  checked={applicant.type === type}
                  onChange={() => set({ type: type })}
                />
                <label htmlFor={id}>{t(APPLICANT_KEY[type])}</label>
              </div>
            );
          })}
        </Group>
      ) : (
        <p className="note">
          {t('dossiersPortal.applicant.onlyType', { type: t(APPLICANT_KEY[applicant.type]) })}
        </p>
      )}
      <TextControl
        id={APPLICANT_IDS['applicant.fullName']}
        label={
          person ? t('dossiersPortal.applicant.fullName') : t('dossiersPortal.applicant.orgName')
        }
        autoComplete={person ? 'name' : 'organization'}
        maxLength={200}
        value={applicant.fullName}
        onChange={(event) => set({ fullName: event.target.value })}
        error={error('applicant.fullName')}
      />
      <TextControl
        id={APPLICANT_IDS['applicant.idNumber']}
        label={
          person ? t('dossiersPortal.applicant.idNumber') : t('dossiersPortal.applicant.taxCode')
        }
        hint={person ? t('dossiersPortal.applicant.idHint') : t('dossiersPortal.applicant.taxHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={20}
        value={applicant.idNumber}
        onChange={(event) => set({ idNumber: event.target.value })}
        error={error('applicant.idNumber')}
      />
      <TextControl
        id={APPLICANT_IDS['applicant.phone']}
        label={t('dossiersPortal.applicant.phone')}
        hint={t('dossiersPortal.applicant.contactHint')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        optional
        value={applicant.phone}
        onChange={(event) => set({ phone: event.target.value })}
        error={error('applicant.phone')}
      />
      <TextControl
        id={APPLICANT_IDS['applicant.email']}
        label={t('dossiersPortal.applicant.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        maxLength={254}
        optional
        value={applicant.email}
        onChange={(event) => set({ email: event.target.value })}
        error={error('applicant.email')}
      />
      {procedure.receivingAgency === null ? (
        <div className={`field${problems.communeCode ? ' field-invalid' : ''}`}>
          <label htmlFor={APPLICANT_IDS.communeCode}>{t('dossiersPortal.applicant.commune')}</label>
          <p id="dossier-commune-hint" className="field-hint">
            {t('dossiersPortal.applicant.communeHint')}
          </p>
          <CommuneSelect
            id={APPLICANT_IDS.communeCode}
            value={draft.communeCode}
            onChange={(communeCode) => update({ communeCode })}
            describedBy={[
              'dossier-commune-hint',
              problems.communeCode ? 'dossier-commune-error' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            invalid={!!problems.communeCode}
            required
          />
          {problems.communeCode ? (
            <p id="dossier-commune-error" className="field-error">
              {t(problems.communeCode)}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="note">
          {t('dossiersPortal.applicant.receivedBy', { agency: procedure.receivingAgency.name })}
        </p>
      )}
      {cases.length > 1 ? (
        <Group
          id={APPLICANT_IDS.case}
          legend={t('dossiersPortal.applicant.case')}
          error={error('case')}
        >
          <p className="field-hint">{t('dossiersPortal.applicant.caseHint')}</p>
          {cases.map((documentCase, index) => {
            const id = index === 0 ? APPLICANT_IDS.case : `dossier-case-${index}`;
            return (
              <div className="checkbox" key={index}>
                <input
                  id={id}
                  type="radio"
                  name="dossier-case"
                  value={index}
                  checked={draft.caseIndex === index}
                  onChange={() => update({ caseIndex: index })}
                />
                <label htmlFor={id} lang="vi">
                  {documentCase.TruongHop}
                </label>
              </div>
            );
          })}
        </Group>
      ) : null}
    </div>
  );
}
