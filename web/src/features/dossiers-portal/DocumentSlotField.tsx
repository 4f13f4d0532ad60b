/**
 * One document of the procedure's list (a slot, MaGiayTo): the file chosen for it, and two
 * ways to choose one — upload a PDF, JPG or PNG from the device (checked before it is sent,
 * with a progress bar on its way), or take a document from the personal data store (Kho dữ
 * liệu cá nhân: documents given with earlier dossiers and results received), which the
 * platform copies into the new dossier without a new upload. Used by the submission wizard
 * and by the answer to a request for more documents.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import type { StoredDocument } from './dossiers-portal-api';
import {
  ACCEPT,
  DEFAULT_LIMIT_BYTES,
  checkFile,
  sizeText,
  storedTypeProblem,
  uploadRefusal,
  type FileProblem,
} from './file-checks';
import { uploadDocument } from './upload-document';
import type { ChosenDocument, DocumentSlot } from './wizard-draft';

export interface StoreState {
  items: readonly StoredDocument[] | undefined;
  loading: boolean;
  failed: boolean;
}

export function slotControlId(prefix: string, slot: string): string {
  return `${prefix}-${slot.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function DocumentSlotField({
  idPrefix,
  slot,
  chosen,
  onChoose,
  problem,
  store,
  onUploading,
}: {
  idPrefix: string;
  slot: DocumentSlot;
  chosen: ChosenDocument | undefined;
  onChoose: (document: ChosenDocument | undefined) => void;
  /** What is wrong with this slot, in words, after a check or the server's refusal. */
  problem: string | undefined;
  store: StoreState;
  onUploading: (slot: string, uploading: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const id = slotControlId(idPrefix, slot.slot);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const [announcement, setAnnouncement] = useState('');
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);

  const problemText = (found: FileProblem): string => {
    switch (found.code) {
      case 'type':
        return t('dossiersPortal.file.type');
      case 'empty':
        return t('dossiersPortal.file.empty');
      case 'size':
        return t('dossiersPortal.file.size', { limit: sizeText(found.limitBytes, locale) });
      case 'unreadable':
        return t('dossiersPortal.file.unreadable');
      case 'converted':
        return t('dossiersPortal.file.converted');
    }
  };

  const upload = async (file: File): Promise<void> => {
    setFailure(undefined);
    const found = checkFile(file);
    setFileProblem(found);
    if (found) return;
    const controller = new AbortController();
    cancel.current = controller;
    setProgress(0);
    setAnnouncement(t('dossiersPortal.file.uploading', { name: file.name }));
    onUploading(slot.slot, true);
    try {
      const uploaded = await uploadDocument(file, {
        onProgress: (share) => setProgress(share),
        signal: controller.signal,
      });
      const stored = storedTypeProblem(uploaded.mediaType);
      if (stored) {
        setFileProblem(stored);
        setAnnouncement('');
        return;
      }
      onChoose({
        fileId: uploaded.id,
        name: file.name,
        size: uploaded.size,
        mediaType: uploaded.mediaType,
        source: 'upload',
      });
      setAnnouncement(t('dossiersPortal.file.uploaded', { name: file.name }));
    } catch (error) {
      setAnnouncement('');
      if (error instanceof DOMException && error.name === 'AbortError') return;
      const refusal = uploadRefusal(error);
      if (refusal) setFileProblem(refusal);
      else setFailure(error);
    } finally {
      cancel.current = null;
      setProgress(null);
      onUploading(slot.slot, false);
    }
  };

  const fromStore = (fileId: string): void => {
    const item = store.items?.find((each) => each.fileId === fileId);
    setFileProblem(null);
    setFailure(undefined);
    if (!item) {
      if (chosen?.source === 'store') onChoose(undefined);
      return;
    }
    onChoose({
      fileId: item.fileId,
      name: item.name,
      size: item.size,
      mediaType: item.mediaType,
      source: 'store',
      fromDossier: item.dossierCode,
    });
  };

  const usable = (store.items ?? []).filter((item) => !storedTypeProblem(item.mediaType));
  const sameKind = usable.filter((item) => item.slot === slot.slot);
  const others = usable.filter((item) => item.slot !== slot.slot);
  const message = fileProblem ? problemText(fileProblem) : problem;
  const describedBy = [`${id}-hint`, message ? `${id}-error` : ''].filter(Boolean).join(' ');
  const storeOption = (item: StoredDocument) => (
    <option key={item.fileId} value={item.fileId}>
      {t('dossiersPortal.store.option', {
        name: item.name,
        size: sizeText(item.size, locale),
        code: item.dossierCode,
      })}
    </option>
  );

  return (
    <fieldset
      className={`dossier-slot${message ? ' field-invalid' : ''}`}
      aria-describedby={message ? `${id}-error` : undefined}
    >
      <legend>
        <span lang="vi">{slot.name}</span>{' '}
        <span className={slot.required ? 'dossier-required' : 'field-optional'}>
          {slot.required ? t('dossiersPortal.documents.required') : t('form.optional')}
        </span>
      </legend>
      {chosen ? (
        <div className="dossier-slot-chosen">
          <p>
            <span aria-hidden="true">✓ </span>
            {t('dossiersPortal.documents.chosen', {
              name: chosen.name,
              size: sizeText(chosen.size, locale),
            })}
            <br />
            <span className="note">
              {chosen.source === 'store'
                ? t('dossiersPortal.documents.fromStore', { code: chosen.fromDossier ?? '' })
                : t('dossiersPortal.documents.uploaded')}
            </span>
          </p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChoose(undefined)}
            aria-label={t('dossiersPortal.documents.removeNamed', { name: chosen.name })}
          >
            {t('dossiersPortal.documents.remove')}
          </button>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={id}>
          {chosen ? t('dossiersPortal.documents.replace') : t('dossiersPortal.documents.upload')}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {t('dossiersPortal.documents.uploadHint', {
            limit: sizeText(DEFAULT_LIMIT_BYTES, locale),
          })}
        </p>
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          disabled={progress !== null}
          aria-describedby={describedBy}
          aria-invalid={message ? true : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      {progress !== null ? (
        <div className="dossier-progress">
          <label htmlFor={`${id}-progress`}>{t('dossiersPortal.file.progress')}</label>
          <progress id={`${id}-progress`} max={100} value={Math.round(progress * 100)}>
            {Math.round(progress * 100)}%
          </progress>
          <span aria-hidden="true">{Math.round(progress * 100)}%</span>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => cancel.current?.abort()}
          >
            {t('dossiersPortal.file.cancel')}
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {store.loading ? <p className="note">{t('dossiersPortal.store.loading')}</p> : null}
      {usable.length > 0 ? (
        <div className="field">
          <label htmlFor={`${id}-store`}>{t('dossiersPortal.store.choose')}</label>
          <select
            id={`${id}-store`}
            value={chosen?.source === 'store' ? chosen.fileId : ''}
            onChange={(event) => fromStore(event.target.value)}
          >
            <option value="">{t('dossiersPortal.store.none')}</option>
            {sameKind.length > 0 ? (
              <optgroup label={t('dossiersPortal.store.sameKind')}>
                {sameKind.map(storeOption)}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label={t('dossiersPortal.store.others')}>
                {others.map(storeOption)}
              </optgroup>
            ) : null}
          </select>
        </div>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
      {failure !== undefined ? <Alert kind="error" error={failure} /> : null}
    </fieldset>
  );
}
