/**
 * The fees of my dossier (phí, lệ phí): each line the agency assessed with its amount and
 * whether it is paid, the total, what is paid and what is still owed, and the online
 * payment: the platform opens a payment and the browser goes to the provider's page, which
 * sends it back to this page with `?payment=success|failure`.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { newKey } from '../feedback/idempotency-key';
import { FEE_KIND_KEY } from '../procedures/labels';
import { formatVnd } from '../procedures/procedure-format';
import { startPayment, type DossierFees } from './dossiers-portal-api';
import { keyAfterFailure } from './submit-refusal';

export function FeesPanel({
  code,
  fees,
  error,
  loading,
  canPay,
  onRetry,
}: {
  code: string;
  fees: DossierFees | undefined;
  error: unknown;
  loading: boolean;
  /** The dossier is still open: a finished one takes no payment. */
  canPay: boolean;
  onRetry: () => void;
}) {
  const { t, locale } = useI18n();
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const pay = async (): Promise<void> => {
    setBusy(true);
    setFailure(undefined);
    try {
      const started = await startPayment(code, key, locale);
      window.location.assign(started.redirectUrl);
    } catch (problem) {
      if (keyAfterFailure(problem) === 'renew') setKey(newKey());
      setFailure(problem);
      setBusy(false);
      onRetry();
    }
  };

  return (
    <section className="dossier-section" aria-labelledby="dossier-fees-title">
      <h2 id="dossier-fees-title">{t('dossiersPortal.fees.title')}</h2>
      {loading ? <Loading /> : null}
      {error ? (
        <Alert kind="error" error={error}>
          <p>
            <button type="button" className="button button-secondary" onClick={onRetry}>
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : null}
      {fees && fees.lines.length === 0 ? (
        <p className="note">{t('dossiersPortal.fees.none')}</p>
      ) : null}
      {fees && fees.lines.length > 0 ? (
        <>
          <ul className="dossier-fee-lines">
            {fees.lines.map((line) => (
              <li key={line.id}>
                <p>
                  <strong>{t(FEE_KIND_KEY[line.kind])}</strong>:{' '}
                  <span lang="vi">{line.description}</span>
                </p>
                <p>
                  {line.quantity > 1
                    ? t('dossiersPortal.fees.quantity', {
                        quantity: formatNumber(line.quantity, locale),
                        unit: formatVnd(line.unitAmount, locale),
                        amount: formatVnd(line.amount, locale),
                      })
                    : formatVnd(line.amount, locale)}{' '}
                  ·{' '}
                  <span className={`dossier-fee-${line.status}`}>
                    {line.status === 'paid'
                      ? t('dossiersPortal.fees.paidLine', {
                          time: line.paidAt ? formatDateTime(line.paidAt, locale) : '',
                        })
                      : line.status === 'waived'
                        ? t('dossiersPortal.fees.waived')
                        : t('dossiersPortal.fees.due')}
                  </span>
                  {line.receiptNumber
                    ? ` · ${t('dossiersPortal.fees.receipt', { number: line.receiptNumber })}`
                    : ''}
                </p>
              </li>
            ))}
          </ul>
          <dl className="dossier-facts dossier-fee-totals">
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.fees.total')}</dt>
              <dd>{formatVnd(fees.total, locale)}</dd>
            </div>
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.fees.paid')}</dt>
              <dd>{formatVnd(fees.paid, locale)}</dd>
            </div>
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.fees.outstanding')}</dt>
              <dd>
                <strong>{formatVnd(fees.outstanding, locale)}</strong>
              </dd>
            </div>
          </dl>
          {failure !== undefined ? <Alert kind="error" error={failure} /> : null}
          {fees.outstanding > 0 && canPay ? (
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => void pay()}>
                {busy ? t('dossiersPortal.fees.redirecting') : t('dossiersPortal.fees.pay')}
              </button>
              <span className="note dossier-pay-note">{t('dossiersPortal.fees.payNote')}</span>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
