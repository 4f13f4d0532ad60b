/**
 * Ký số: the signer confirms with a fresh code from their authenticator, in a modal dialog
 * that says what happens — the platform signs the document with the signer's own
 * certificate, an act in law. A wrong code is said in the dialog, which stays open.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';

export function SignDialog({
  open,
  signerName,
  subject,
  busy,
  error,
  onSign,
  onClose,
}: {
  open: boolean;
  signerName: string;
  subject: string;
  busy: boolean;
  error: unknown;
  onSign: (code: string) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setCode('');
      setMissing(false);
      dialog.showModal();
      inputRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    // A refused code is selected, so the next one replaces it.
    if (error !== undefined) inputRef.current?.select();
  }, [error]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    setMissing(false);
    onSign(digits);
  };

  const invalid = missing || error !== undefined;
  return (
    <dialog
      ref={dialogRef}
      className="documents-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form onSubmit={submit} noValidate className="form">
        <h2 id={`${id}-title`}>{t('documents.sign.title')}</h2>
        <div id={`${id}-text`}>
          <p>{t('documents.sign.explain', { name: signerName })}</p>
          <p className="muted">{t('documents.sign.document', { subject })}</p>
        </div>
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
        <div className={`field field-code${invalid ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-code`}>{t('documents.sign.code')}</label>
          <p id={`${id}-hint`} className="field-hint">
            {t('documents.sign.codeHint')}
          </p>
          <input
            id={`${id}-code`}
            ref={inputRef}
            value={code}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
            onChange={(event) => setCode(event.target.value)}
          />
          {missing ? (
            <p id={`${id}-error`} className="field-error">
              {t('documents.sign.codeFormat')}
            </p>
          ) : null}
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('documents.sign.signing') : t('documents.sign.submit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={onClose}
          >
            {t('list.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
