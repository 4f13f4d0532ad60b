/**
 * Step 4, the review: everything the dossier will carry, as the desk will read it — the
 * applicant, the commune and case, the form's answers with its labels, the documents — each
 * part with a button back to the step that changes it.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { APPLICANT_KEY } from '../procedures/labels';
import type { ProcedureView } from '../procedures/procedures-api';
import { AnswerSections, useCommuneName } from './AnswerSections';
import { sizeText } from './file-checks';
import { applicableValues, type DocumentSlot, type Step, type WizardDraft } from './wizard-draft';

/** "Phường Hạ Long" inside a sentence: "Ủy ban nhân dân phường Hạ Long". */
function inSentence(name: string): string {
  return /^(Xã|Phường|Đặc khu) /.test(name)
    ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1)
    : name;
}

function Part({
  id,
  title,
  edit,
  onEdit,
  children,
}: {
  id: string;
  title: string;
  edit: string;
  onEdit: () => void;
  children: ReactNode;
}) {
  return (
    <section className="dossier-review-part" aria-labelledby={id}>
      <div className="dossier-review-head">
        <h2 id={id}>{title}</h2>
        <button type="button" className="button button-secondary" onClick={onEdit}>
          {edit}
        </button>
      </div>
      {children}
    </section>
  );
}

export function ReviewStep({
  procedure,
  draft,
  slots,
  onEdit,
}: {
  procedure: ProcedureView;
  draft: WizardDraft;
  slots: readonly DocumentSlot[];
  onEdit: (step: Step) => void;
}) {
  const { t, locale } = useI18n();
  const communeName = useCommuneName();
  const { applicant } = draft;
  const person = applicant.type === 'CONG_DAN';
  const cases = procedure.tthc.ThanhPhanHoSo;
  const none = t('dossiersPortal.review.none');

  return (
    <div className="dossier-review">
      <p>{t('dossiersPortal.review.lead')}</p>
      <Part
        id="dossier-review-applicant"
        title={t('dossiersPortal.step.applicant')}
        edit={t('dossiersPortal.review.editApplicant')}
        onEdit={() => onEdit('applicant')}
      >
        <dl className="dossier-facts">
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.applicant.type')}</dt>
            <dd>{t(APPLICANT_KEY[applicant.type])}</dd>
          </div>
          <div className="dossier-answer">
            <dt>
              {person
                ? t('dossiersPortal.applicant.fullName')
                : t('dossiersPortal.applicant.orgName')}
            </dt>
            <dd>{applicant.fullName.trim()}</dd>
          </div>
          <div className="dossier-answer">
            <dt>
              {person
                ? t('dossiersPortal.applicant.idNumber')
                : t('dossiersPortal.applicant.taxCode')}
            </dt>
            <dd>{applicant.idNumber.replace(/[\s.-]/g, '')}</dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.applicant.phone')}</dt>
            <dd>{applicant.phone.trim() || none}</dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.applicant.email')}</dt>
            <dd>{applicant.email.trim() || none}</dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.review.receiving')}</dt>
            <dd>
              {procedure.receivingAgency
                ? procedure.receivingAgency.name
                : t('dossiersPortal.review.committeeOf', {
                    commune: inSentence(communeName(draft.communeCode) ?? draft.communeCode),
                  })}
            </dd>
          </div>
          {cases.length > 1 ? (
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.applicant.case')}</dt>
              <dd lang="vi">{cases[draft.caseIndex]?.TruongHop}</dd>
            </div>
          ) : null}
        </dl>
      </Part>
      <Part
        id="dossier-review-form"
        title={t('dossiersPortal.step.form')}
        edit={t('dossiersPortal.review.editForm')}
        onEdit={() => onEdit('form')}
      >
        <AnswerSections
          definition={procedure.form}
          values={applicableValues(procedure.form, draft.values)}
          headingLevel={3}
        />
      </Part>
      {slots.length > 0 ? (
        <Part
          id="dossier-review-documents"
          title={t('dossiersPortal.step.documents')}
          edit={t('dossiersPortal.review.editDocuments')}
          onEdit={() => onEdit('documents')}
        >
          <dl className="dossier-facts">
            {slots.map((slot) => {
              const chosen = draft.documents[slot.slot];
              return (
                <div key={slot.slot} className="dossier-answer">
                  <dt lang="vi">{slot.name}</dt>
                  <dd>
                    {chosen
                      ? t('dossiersPortal.documents.chosen', {
                          name: chosen.name,
                          size: sizeText(chosen.size, locale),
                        })
                      : t('dossiersPortal.review.notGiven')}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Part>
      ) : null}
    </div>
  );
}
