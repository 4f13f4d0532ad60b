/**
 * The signature verification page: anyone uploads a signed file (a PDF, or any file with
 * its .p7s) and reads, signature by signature, who signed, when, and whether to trust it.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { Alert } from '../../shared/ui/Alert';
import { SignatureResult } from './SignatureResult';
import { verifySignature, type VerificationReport } from './verify-signature';
import './signing.css';

export function VerifyPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('signing.title'));
  const fileId = useId();
  const signatureId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const signatureInput = useRef<HTMLInputElement>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [report, setReport] = useState<VerificationReport | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setMissingFile(true);
      fileInput.current?.focus();
      return;
    }
    setMissingFile(false);
    setPending(true);
    setError(undefined);
    setReport(null);
    try {
      setReport(await verifySignature(file, signatureInput.current?.files?.[0] ?? null));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="verify-title" className="verify-page">
      <h1 id="verify-title">{t('signing.title')}</h1>
      <p className="lead">{t('signing.lead')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate className="verify-form">
        <div className={`field${missingFile ? ' field-invalid' : ''}`}>
          <label htmlFor={fileId}>{t('signing.file')}</label>
          <p id={`${fileId}-hint`} className="field-hint">
            {t('signing.fileHint')}
          </p>
          <input
            id={fileId}
            ref={fileInput}
            type="file"
            aria-describedby={`${fileId}-hint${missingFile ? ` ${fileId}-error` : ''}`}
            aria-invalid={missingFile ? true : undefined}
          />
          {missingFile ? (
            <p id={`${fileId}-error`} className="field-error">
              {t('signing.fileRequired')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={signatureId}>{t('signing.signature')}</label>
          <input id={signatureId} ref={signatureInput} type="file" accept=".p7s,.p7m,.pem,.cms" />
        </div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('signing.checking') : t('signing.submit')}
        </button>
      </form>
      {pending ? (
        <p role="status" className="note">
          {t('signing.checking')}
        </p>
      ) : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {report ? (
        <div className="verification-report" aria-live="polite">
          <h2 className={`verification-outcome outcome-${report.outcome}`}>
            {t(`signing.outcome.${report.outcome}`)}
          </h2>
          <p>
            {t('signing.fileFacts', {
              name: report.fileName,
              size: formatNumber(report.size, locale),
              time: formatDateTime(report.checkedAt, locale),
            })}
          </p>
          <p className="note">
            {t('signing.sha256')}: <span className="mono">{report.fileSha256}</span>
          </p>
          {report.signatures.map((signature, index) => (
            <SignatureResult key={index} signature={signature} index={index} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
