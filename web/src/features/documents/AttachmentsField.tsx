/**
 * PDF files to upload: each is sent at once (POST /api/files) and listed with its size; the
 * draft then names them. Uploading shows which file is on its way; a refused file is said
 * so, and the others stay.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { uploadPdf } from './documents-api';

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
}

export function AttachmentsField({
  label,
  hint,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  hint: string;
  value: readonly UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [uploading, setUploading] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();

  const choose = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const files = [...(input.files ?? [])];
    setFailure(undefined);
    let current = [...value];
    for (const file of files) {
      setUploading(file.name);
      try {
        const uploaded = await uploadPdf(file);
        current = [...current, { id: uploaded.id, name: file.name, size: uploaded.size }];
        onChange(current);
      } catch (problem) {
        setFailure(problem);
      }
    }
    setUploading(null);
    input.value = '';
  };

  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept="application/pdf,.pdf"
        multiple
        disabled={uploading !== null}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => void choose(event)}
      />
      <p className="muted" role="status">
        {uploading ? t('documents.files.uploading', { name: uploading }) : ''}
      </p>
      {failure !== undefined ? <Alert kind="error" error={failure} /> : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {value.length > 0 ? (
        <ul className="documents-chosen">
          {value.map((file) => (
            <li key={file.id}>
              <span>
                {file.name}{' '}
                <span className="muted">
                  (
                  {t('documents.files.size', {
                    kb: formatNumber(Math.ceil(file.size / 1024), locale),
                  })}
                  )
                </span>
              </span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('documents.files.removeNamed', { name: file.name })}
                onClick={() => onChange(value.filter((kept) => kept.id !== file.id))}
              >
                {t('documents.recipients.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
