/**
 * Phí, lệ phí (GET /api/dossiers/:code/fees): what the dossier owes and what was paid, with
 * receipts; for the desk, the assessment form (entries of the procedure's schedule with
 * quantities; the amounts are the schedule's, never typed) and the fees taken at the counter
 * in cash or by card while something is outstanding.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { useSession } from '../../shared/auth/session';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { useIdempotentSend } from './action-keys';
import { feesOpen } from './dossier-facts';
import {
  DOSSIERS_KEY,
  assessFees,
  dossierKey,
  feesKey,
  fetchFees,
  takeDeskPayment,
  type DeskPayment,
  type DeskPaymentBody,
  type DossierFees,
  type DossierView,
} from './dossiers-api';
import { assessedChoice, choiceLines, choiceTotal, type FeeChoice } from './fee-choice';
import { FEE_KIND_KEY, LINE_STATUS_KEY, METHOD_KEY, PAYMENT_STATUS_KEY } from './labels';

function useMoney() {
  const { t, locale } = useI18n();
  return (amount: number) => t('dossiersConsole.money', { amount: formatNumber(amount, locale) });
}

export function FeesPanel({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n();
  const { user } = useSession();
  const fees = useQuery({
    queryKey: feesKey(dossier.code),
    queryFn: () => fetchFees(dossier.code),
  });
  const desk =
    (user?.permissions.includes('dossiers.receive') ?? false) && feesOpen(dossier.status);
  const data = fees.data;
  // Told in the panel: the form that did it may be gone once the fees are read again.
  const [notice, setNotice] = useState<string | null>(null);
  const money = useMoney();

  return (
    <section className="panel" aria-labelledby="dossier-fees-title">
      <h2 id="dossier-fees-title">{t('dossiersConsole.fees.title')}</h2>
      {fees.error ? <Alert kind="error" error={fees.error} /> : null}
      {fees.isPending ? <Loading /> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {data ? (
        <>
          <FeeLines fees={data} />
          <Payments fees={data} />
          {desk && data.paid === 0 ? (
            <AssessForm
              // A new assessment (or a payment) starts the form again from what is saved.
              key={data.lines.map((line) => line.id).join(',')}
              code={dossier.code}
              fees={data}
              onStart={() => setNotice(null)}
              onDone={() => setNotice(t('dossiersConsole.assess.done'))}
            />
          ) : null}
          {desk && data.outstanding > 0 ? (
            <DeskPaymentForm
              code={dossier.code}
              outstanding={data.outstanding}
              onStart={() => setNotice(null)}
              onPaid={(payment) =>
                setNotice(
                  t('dossiersConsole.desk.done', {
                    amount: money(payment.amount),
                    receipt: payment.receiptNumber,
                  }),
                )
              }
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function FeeLines({ fees }: { fees: DossierFees }) {
  const { t } = useI18n();
  const money = useMoney();
  if (fees.lines.length === 0) return <p className="muted">{t('dossiersConsole.fees.none')}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="dossier-fees-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="dossier-fees-caption" className="visually-hidden">
          {t('dossiersConsole.fees.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dossiersConsole.fees.description')}</th>
            <th scope="col">{t('dossiersConsole.fees.unit')}</th>
            <th scope="col">{t('dossiersConsole.fees.quantity')}</th>
            <th scope="col">{t('dossiersConsole.fees.amount')}</th>
            <th scope="col">{t('dossiersConsole.fees.state')}</th>
          </tr>
        </thead>
        <tbody>
          {fees.lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">
                <span lang="vi">{line.description}</span>
                <br />
                <span className="muted">{t(FEE_KIND_KEY[line.kind])}</span>
              </th>
              <td className="dossiers-number">{money(line.unitAmount)}</td>
              <td className="dossiers-number">{line.quantity}</td>
              <td className="dossiers-number">{money(line.amount)}</td>
              <td>
                {t(LINE_STATUS_KEY[line.status])}
                {line.receiptNumber ? (
                  <>
                    <br />
                    <span className="muted">
                      {t('dossiersConsole.fees.receipt', { number: line.receiptNumber })}
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="dossiers-facts dossiers-totals">
        <dt>{t('dossiersConsole.fees.total')}</dt>
        <dd>{money(fees.total)}</dd>
        <dt>{t('dossiersConsole.fees.paid')}</dt>
        <dd>{money(fees.paid)}</dd>
        <dt>{t('dossiersConsole.fees.outstanding')}</dt>
        <dd>
          <strong>{money(fees.outstanding)}</strong>
        </dd>
      </dl>
    </div>
  );
}

function Payments({ fees }: { fees: DossierFees }) {
  const { t, locale } = useI18n();
  const money = useMoney();
  if (fees.payments.length === 0) return null;
  return (
    <>
      <h3 id="dossier-payments-title">{t('dossiersConsole.payments.title')}</h3>
      <div
        className="table-wrap"
        role="region"
        aria-labelledby="dossier-payments-title"
        tabIndex={0}
      >
        <table className="data-table">
          <caption className="visually-hidden">{t('dossiersConsole.payments.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossiersConsole.payments.at')}</th>
              <th scope="col">{t('dossiersConsole.payments.method')}</th>
              <th scope="col">{t('dossiersConsole.fees.amount')}</th>
              <th scope="col">{t('dossiersConsole.payments.state')}</th>
              <th scope="col">{t('dossiersConsole.payments.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {fees.payments.map((payment) => (
              <tr key={payment.id}>
                <th scope="row">{formatDateTime(payment.paidAt ?? payment.createdAt, locale)}</th>
                <td>{t(METHOD_KEY[payment.method])}</td>
                <td className="dossiers-number">{money(payment.amount)}</td>
                <td>{t(PAYMENT_STATUS_KEY[payment.status])}</td>
                <td>{payment.receiptNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** After a change of fees, the dossier (status, history) and the lists are read again. */
function useFeesChanged(code: string) {
  const client = useQueryClient();
  return (fees?: DossierFees) => {
    if (fees) client.setQueryData(feesKey(code), fees);
    else void client.invalidateQueries({ queryKey: feesKey(code) });
    void client.invalidateQueries({ queryKey: dossierKey(code) });
    void client.invalidateQueries({ queryKey: [...DOSSIERS_KEY, 'list'] });
  };
}

interface Told {
  onStart: () => void;
}

function AssessForm({
  code,
  fees,
  onStart,
  onDone,
}: Told & { code: string; fees: DossierFees; onDone: () => void }) {
  const { t } = useI18n();
  const money = useMoney();
  const [choice, setChoice] = useState<FeeChoice>(() => assessedChoice(fees));
  const [invalid, setInvalid] = useState<number[]>([]);
  const changed = useFeesChanged(code);
  const send = useIdempotentSend();
  const mutation = useMutation({
    mutationFn: (lines: ReturnType<typeof choiceLines>['lines']) =>
      send({ code, lines }, (key) => assessFees(code, { lines }, key)),
    onMutate: onStart,
    onSuccess: (updated) => {
      changed(updated);
      onDone();
    },
  });

  if (fees.schedule.length === 0) {
    return (
      <>
        <h3>{t('dossiersConsole.assess.title')}</h3>
        <p className="muted">{t('dossiersConsole.assess.noSchedule')}</p>
      </>
    );
  }

  const set = (index: number, patch: Partial<FeeChoice[number]>): void => {
    const current = choice[index] ?? { chosen: false, quantity: '1' };
    setChoice({ ...choice, [index]: { ...current, ...patch } });
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const { lines, invalid: wrong } = choiceLines(choice);
    setInvalid(wrong);
    if (wrong.length > 0) {
      const first = event.currentTarget.querySelector<HTMLElement>(
        `#dossier-fee-quantity-${wrong[0]}`,
      );
      first?.focus();
      return;
    }
    mutation.mutate(lines);
  };
  const total = choiceTotal(choice, fees.schedule);

  return (
    <form
      className="dossiers-fee-form"
      aria-labelledby="dossier-assess-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="dossier-assess-title">{t('dossiersConsole.assess.title')}</h3>
      <p className="muted">{t('dossiersConsole.assess.hint')}</p>
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      <fieldset className="checkbox-group">
        <legend>{t('dossiersConsole.assess.entries')}</legend>
        {fees.schedule.map((entry) => {
          const line = choice[entry.index] ?? { chosen: false, quantity: '1' };
          const wrong = invalid.includes(entry.index);
          const quantityId = `dossier-fee-quantity-${entry.index}`;
          return (
            <div key={entry.index} className="dossiers-fee-entry">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={line.chosen}
                  onChange={(event) => set(entry.index, { chosen: event.target.checked })}
                />
                <span>
                  <span lang="vi">{entry.description}</span> — {money(entry.amount)} (
                  {t(FEE_KIND_KEY[entry.kind])})
                </span>
              </label>
              {line.chosen ? (
                <div className={`field dossiers-quantity${wrong ? ' field-invalid' : ''}`}>
                  <label htmlFor={quantityId}>
                    {t('dossiersConsole.assess.quantity')}
                    <span className="visually-hidden"> — {entry.description}</span>
                  </label>
                  <input
                    id={quantityId}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={1000}
                    step={1}
                    value={line.quantity}
                    aria-invalid={wrong ? true : undefined}
                    aria-describedby={wrong ? `${quantityId}-error` : undefined}
                    onChange={(event) => set(entry.index, { quantity: event.target.value })}
                  />
                  {wrong ? (
                    <p id={`${quantityId}-error`} className="field-error">
                      {t('dossiersConsole.assess.quantityInvalid')}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <p>{t('dossiersConsole.assess.sum', { amount: money(total) })}</p>
      <button type="submit" className="button" disabled={mutation.isPending}>
        {mutation.isPending
          ? t('dossiersConsole.assess.saving')
          : t('dossiersConsole.assess.submit')}
      </button>
    </form>
  );
}

function DeskPaymentForm({
  code,
  outstanding,
  onStart,
  onPaid,
}: Told & { code: string; outstanding: number; onPaid: (payment: DeskPayment) => void }) {
  const { t } = useI18n();
  const money = useMoney();
  const [method, setMethod] = useState<DeskPaymentBody['method']>('cash');
  const changed = useFeesChanged(code);
  const send = useIdempotentSend();
  const mutation = useMutation({
    mutationFn: (body: DeskPaymentBody) =>
      send({ code, ...body, outstanding }, (key) => takeDeskPayment(code, body, key)),
    onMutate: onStart,
    onSuccess: (payment) => {
      onPaid(payment);
      changed();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!mutation.isPending) mutation.mutate({ method });
  };

  return (
    <form className="dossiers-fee-form" aria-labelledby="dossier-desk-title" onSubmit={submit}>
      <h3 id="dossier-desk-title">{t('dossiersConsole.desk.title')}</h3>
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      <p>{t('dossiersConsole.desk.amount', { amount: money(outstanding) })}</p>
      <fieldset className="checkbox-group">
        <legend>{t('dossiersConsole.desk.method')}</legend>
        {(['cash', 'card'] as const).map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="dossier-desk-method"
              value={option}
              checked={method === option}
              onChange={() => setMethod(option)}
            />
            {t(METHOD_KEY[option])}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={mutation.isPending}>
        {mutation.isPending ? t('dossiersConsole.desk.busy') : t('dossiersConsole.desk.submit')}
      </button>
    </form>
  );
}
