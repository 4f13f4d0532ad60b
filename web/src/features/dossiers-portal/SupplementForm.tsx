/**
 * The desk asked for more documents (yêu cầu bổ sung hồ sơ): its note, the documents it
 * named, and a form to give them — each uploaded or taken from the personal data store —
 * with a note of one's own. Sending them restarts the dossier's clock.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { DocumentSlotField, slotControlId } from './DocumentSlotField';
import { ProblemSummary, type ProblemLine } from './ProblemSummary';
import { supplyDocuments, useStoredDocuments, type MyDossier } from './dossiers-portal-api';
import { refusalOf } from './submit-refusal';
import { DOCUMENT_PROBLEM_KEY, checkDocuments, type DocumentProblems } from './wizard-checks';
import type { ChosenDocument, DocumentSlot } from './wizard-draft';

const PREFIX = 'dossier-supply';

export function SupplementForm({
  code,
  request,
  slotName,
  onSupplied,
}: {
  code: string;
  request: NonNullable<MyDossier['supplementRequest']>;
  slotName: (slot: string) => string;
  onSupplied: () => void;
}) {
  const { t, locale } = useI18n();
  const store = useStoredDocuments(true);
  const [chosen, setChosen] = useState<Record<string, ChosenDocument>>({});
  const [note, setNote] = useState('');
  const [uploading, setUploading] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<DocumentProblems>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  // The dossier's own documents are already in it: the store offers the others.
  const reusable = store.data?.filter((item) => item.dossierCode !== code);
  const slots: DocumentSlot[] = request.slots.map((slot) => ({
    slot,
    name: slotName(slot),
    required: true,
  }));

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    const found = checkDocuments(chosen, slots, uploading);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await supplyDocuments(
        code,
        slots.flatMap(({ slot }) => (chosen[slot] ? [{ slot, fileId: chosen[slot].fileId }] : [])),
        note,
      );
      setDone(true);
      onSupplied();
    } catch (failure) {
      const refusal = refusalOf(failure);
      setProblems(refusal.documents);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // The page says it was sent; the request is answered, so the form goes.
  if (done) return null;

  const lines: ProblemLine[] = slots
    .filter(({ slot }) => problems[slot])
    .map(({ slot, name }) => ({
      target: slotControlId(PREFIX, slot),
      label: name.length > 80 ? `${name.slice(0, 77)}…` : name,
      message: t(DOCUMENT_PROBLEM_KEY[problems[slot]!]),
    }));

  return (
    <section
      className="dossier-section panel dossier-attention"
      aria-labelledby="dossier-supply-title"
    >
      <h2 id="dossier-supply-title">{t('dossiersPortal.supplement.title')}</h2>
      <p className="note">
        {t('dossiersPortal.supplement.requestedAt', {
          time: formatDateTime(request.requestedAt, locale),
        })}
      </p>
      <p className="dossier-note" lang="vi">
        {request.note}
      </p>
      {slots.length > 0 ? (
        <>
          <h3>{t('dossiersPortal.supplement.asked')}</h3>
          <ul>
            {slots.map(({ slot, name }) => (
              <li key={slot} lang="vi">
                {name}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ProblemSummary id="dossier-supply-problems" lines={lines} />
        {slots.map((slot) => (
          <DocumentSlotField
            key={slot.slot}
            idPrefix={PREFIX}
            slot={slot}
            chosen={chosen[slot.slot]}
            onChoose={(document) =>
              setChosen((before) => {
                const next = { ...before };
                if (document) next[slot.slot] = document;
                else delete next[slot.slot];
                return next;
              })
            }
            problem={
              problems[slot.slot] ? t(DOCUMENT_PROBLEM_KEY[problems[slot.slot]!]) : undefined
            }
            store={{ items: reusable, loading: store.isPending, failed: store.isError }}
            onUploading={(slotCode, busySlot) =>
              setUploading((before) => {
                const next = new Set(before);
                if (busySlot) next.add(slotCode);
                else next.delete(slotCode);
                return next;
              })
            }
          />
        ))}
        <div className="field">
          <label htmlFor="dossier-supply-note">
            {t('dossiersPortal.supplement.note')}
            <span className="field-optional"> {t('form.optional')}</span>
          </label>
          <textarea
            id="dossier-supply-note"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : t('dossiersPortal.supplement.submit')}
        </button>
      </form>
    </section>
  );
}
