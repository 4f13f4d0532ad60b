/**
 * Step 3, the documents: one field per document the chosen case lists (the required ones
 * marked), each filled by an upload or from the personal data store.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { DocumentSlotField, type StoreState } from './DocumentSlotField';
import { DOCUMENT_PROBLEM_KEY, type DocumentProblems } from './wizard-checks';
import type { ChosenDocument, DocumentSlot, WizardDraft } from './wizard-draft';

export const DOCUMENT_ID_PREFIX = 'dossier-document';

export function DocumentsStep({
  slots,
  draft,
  problems,
  store,
  onChoose,
  onUploading,
  onRetryStore,
}: {
  slots: readonly DocumentSlot[];
  draft: WizardDraft;
  problems: DocumentProblems;
  store: StoreState;
  /** Functional on purpose: two uploads may finish one after the other. */
  onChoose: (slot: string, document: ChosenDocument | undefined) => void;
  onUploading: (slot: string, uploading: boolean) => void;
  onRetryStore: () => void;
}) {
  const { t } = useI18n();
  const general = problems[''];
  return (
    <div className="form">
      <p>{t('dossiersPortal.documents.lead')}</p>
      {general ? (
        <Alert kind="error">
          <p>{t(DOCUMENT_PROBLEM_KEY[general])}</p>
        </Alert>
      ) : null}
      {store.failed ? (
        <Alert kind="info">
          <p>{t('dossiersPortal.store.failed')}</p>
          <p>
            <button type="button" className="button button-secondary" onClick={onRetryStore}>
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : !store.loading && store.items?.length === 0 ? (
        <p className="note">{t('dossiersPortal.store.empty')}</p>
      ) : null}
      {slots.map((slot) => {
        const problem = problems[slot.slot];
        return (
          <DocumentSlotField
            key={slot.slot}
            idPrefix={DOCUMENT_ID_PREFIX}
            slot={slot}
            chosen={draft.documents[slot.slot]}
            onChoose={(document) => onChoose(slot.slot, document)}
            problem={problem ? t(DOCUMENT_PROBLEM_KEY[problem]) : undefined}
            store={store}
            onUploading={onUploading}
          />
        );
      })}
    </div>
  );
}
