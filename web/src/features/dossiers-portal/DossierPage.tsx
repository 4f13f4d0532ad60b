/**
 * `/ho-so/:code`: one of my dossiers. The result first, once returned; then its status and
 * appointment (with the apology's new one, if the agency was late, and the reason of a
 * refusal); what needs me — a request for more documents, fees to pay, the survey; the
 * papers to download; the history; and what I submitted, read back with the form's labels.
 * The payment provider sends the browser back here with `?payment=success|failure`.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../shared/api/api-error';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { APPLICANT_KEY } from '../procedures/labels';
import { useProcedure } from '../procedures/procedures-api';
import { AnswerSections, useCommuneName } from './AnswerSections';
import { DossierTimeline } from './DossierTimeline';
import { FeesPanel } from './FeesPanel';
import { RequireSignIn } from './RequireSignIn';
import { StatusBadge } from './StatusBadge';
import { SupplementForm } from './SupplementForm';
import { SurveyForm } from './SurveyForm';
import {
  DOSSIER_CODE,
  feesKey,
  myDossierKey,
  paperUrl,
  useDossierFees,
  useMyDossier,
  type MyDossier,
} from './dossiers-portal-api';
import { sizeText } from './file-checks';
import { FINISHED, PAPER_KEY, RETURN_KEY, ratingKey } from './labels';
import { PAYMENT_POLL_MS, paymentNotice } from './payment-notice';
import '../procedures/form/form-renderer.css';
import './dossiers-portal.css';

export function DossierPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  usePageTitle(t('dossiersPortal.detail.title', { code }));
  return <RequireSignIn>{() => <Dossier code={code} />}</RequireSignIn>;
}

function Dossier({ code }: { code: string }) {
  const { t } = useI18n();
  const dossier = useMyDossier(code);
  const notFound =
    !DOSSIER_CODE.test(code) || (dossier.error instanceof ApiError && dossier.error.status === 404);

  return (
    <article className="dossier-detail" aria-labelledby="dossier-title">
      <p className="dossier-back">
        <Link to="/ho-so">{t('dossiersPortal.detail.back')}</Link>
      </p>
      <h1 id="dossier-title">{t('dossiersPortal.detail.title', { code })}</h1>
      {notFound ? (
        <>
          <p>{t('dossiersPortal.detail.notFound')}</p>
          <p>
            <Link to="/tra-cuu-ho-so">{t('dossiersPortal.track.title')}</Link>
          </p>
        </>
      ) : dossier.error ? (
        <Alert kind="error" error={dossier.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void dossier.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : dossier.data ? (
        <DossierBody dossier={dossier.data} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

function DossierBody({ dossier }: { dossier: MyDossier }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const procedure = useProcedure(dossier.procedure.code);
  const communeName = useCommuneName();
  const paymentResult = params.get('payment');
  const [done, setDone] = useState<'supplied' | 'rated' | null>(null);
  const finished = FINISHED.has(dossier.status);

  // Back from the provider with "success": the fees are read again until the payment is confirmed.
  const fees = useDossierFees(dossier.code, (data, reads) =>
    paymentNotice(paymentResult, data, reads) === 'pending' ? PAYMENT_POLL_MS : false,
  );
  const reads = client.getQueryState(feesKey(dossier.code))?.dataUpdateCount ?? 0;
  const notice = paymentNotice(paymentResult, fees.data, reads);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: myDossierKey(dossier.code) });
    void client.invalidateQueries({ queryKey: feesKey(dossier.code) });
    void client.invalidateQueries({ queryKey: ['dossiers-portal', 'mine'] });
  };

  const slotName = (slot: string): string =>
    procedure.data?.tthc.ThanhPhanHoSo.flatMap((each) => each.GiayTo).find(
      (document) => document.MaGiayTo === slot,
    )?.TenGiayTo ?? slot;
  const hasResult = dossier.papers.includes('result');
  const otherPapers = dossier.papers.filter((paper) => paper !== 'result');
  const person = dossier.applicant.type === 'CONG_DAN';

  return (
    <>
      {locale === 'en' && procedure.data ? (
        <p className="dossier-procedure">{procedure.data.nameEn}</p>
      ) : (
        <p className="dossier-procedure" lang="vi">
          {dossier.procedure.name}
        </p>
      )}
      {notice ? <PaymentNoticeAlert notice={notice} onConfirmed={refresh} /> : null}
      {done ? (
        <Alert kind="success">
          <p>
            {done === 'supplied'
              ? t('dossiersPortal.supplement.sent')
              : t('dossiersPortal.survey.thanks')}
          </p>
        </Alert>
      ) : null}

      {hasResult ? (
        <section
          className="dossier-section panel dossier-result"
          aria-labelledby="dossier-result-title"
        >
          <h2 id="dossier-result-title">{t('dossiersPortal.detail.resultTitle')}</h2>
          <p>{t('dossiersPortal.detail.resultText')}</p>
          <p>
            <a className="button" href={paperUrl(dossier.code, 'result')} download>
              {t('dossiersPortal.detail.resultDownload')}
            </a>
          </p>
        </section>
      ) : null}

      <section
        className="dossier-section dossier-status-panel"
        aria-labelledby="dossier-status-title"
      >
        <h2 id="dossier-status-title">{t('dossiersPortal.detail.status')}</h2>
        <p>
          <StatusBadge status={dossier.status} />
        </p>
        <dl className="dossier-facts">
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.detail.submittedAt')}</dt>
            <dd>{formatDateTime(dossier.submittedAt, locale)}</dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.detail.dueAt')}</dt>
            <dd>
              {dossier.dueAt
                ? formatDateTime(dossier.dueAt, locale)
                : t('dossiersPortal.detail.noDueAt')}
            </dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.detail.agency')}</dt>
            <dd lang="vi">{dossier.receivingAgency.name}</dd>
          </div>
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.detail.returnMethod')}</dt>
            <dd>{t(RETURN_KEY[dossier.returnMethod])}</dd>
          </div>
        </dl>
        {dossier.apology ? (
          <Alert kind="info">
            <p>
              <strong>
                {t('dossiersPortal.detail.apology', {
                  time: formatDateTime(dossier.apology.newDueAt, locale),
                })}
              </strong>
            </p>
            <p lang="vi">
              {t('dossiersPortal.detail.apologyReason', { reason: dossier.apology.reason })}
            </p>
          </Alert>
        ) : null}
        {dossier.status === 'refused' && dossier.refusalReason ? (
          <Alert kind="error">
            <p lang="vi">
              {t('dossiersPortal.detail.refusalReason', { reason: dossier.refusalReason })}
            </p>
          </Alert>
        ) : null}
      </section>

      {dossier.supplementRequest ? (
        <SupplementForm
          code={dossier.code}
          request={dossier.supplementRequest}
          slotName={slotName}
          onSupplied={() => {
            setDone('supplied');
            refresh();
          }}
        />
      ) : null}

      <FeesPanel
        code={dossier.code}
        fees={fees.data}
        error={fees.error}
        loading={fees.isPending}
        canPay={!finished}
        onRetry={() => void fees.refetch()}
      />

      {dossier.status === 'returned' && dossier.survey === null ? (
        <SurveyForm
          code={dossier.code}
          onAnswered={() => {
            setDone('rated');
            refresh();
          }}
        />
      ) : null}
      {dossier.survey ? (
        <p className="dossier-section">
          {t('dossiersPortal.survey.given', { answer: t(ratingKey(dossier.survey.rating)) })}
        </p>
      ) : null}

      {otherPapers.length > 0 ? (
        <section className="dossier-section" aria-labelledby="dossier-papers-title">
          <h2 id="dossier-papers-title">{t('dossiersPortal.detail.papers')}</h2>
          <ul className="dossier-papers">
            {otherPapers.map((paper) => (
              <li key={paper}>
                <a href={paperUrl(dossier.code, paper)} download>
                  {t(PAPER_KEY[paper])} (PDF)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <DossierTimeline entries={dossier.timeline} titleId="dossier-timeline-title" />

      <section className="dossier-section" aria-labelledby="dossier-content-title">
        <h2 id="dossier-content-title">{t('dossiersPortal.detail.content')}</h2>
        <h3>{t('dossiersPortal.step.applicant')}</h3>
        <dl className="dossier-facts">
          <div className="dossier-answer">
            <dt>{t('dossiersPortal.applicant.type')}</dt>
            <dd>{t(APPLICANT_KEY[dossier.applicant.type])}</dd>
          </div>
          <div className="dossier-answer">
            <dt>
              {person
                ? t('dossiersPortal.applicant.fullName')
                : t('dossiersPortal.applicant.orgName')}
            </dt>
            <dd>{dossier.applicant.fullName}</dd>
          </div>
          <div className="dossier-answer">
            <dt>
              {person
                ? t('dossiersPortal.applicant.idNumber')
                : t('dossiersPortal.applicant.taxCode')}
            </dt>
            <dd>{dossier.applicant.idNumber}</dd>
          </div>
          {dossier.applicant.phone ? (
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.applicant.phone')}</dt>
              <dd>{dossier.applicant.phone}</dd>
            </div>
          ) : null}
          {dossier.applicant.email ? (
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.applicant.email')}</dt>
              <dd>{dossier.applicant.email}</dd>
            </div>
          ) : null}
          {dossier.communeCode ? (
            <div className="dossier-answer">
              <dt>{t('dossiersPortal.applicant.commune')}</dt>
              <dd>{communeName(dossier.communeCode) ?? dossier.communeCode}</dd>
            </div>
          ) : null}
        </dl>
        <h3>{t('dossiersPortal.step.form')}</h3>
        {procedure.isPending ? <Loading /> : null}
        {procedure.isPending ? null : (
          <AnswerSections
            definition={procedure.data?.form}
            values={dossier.values}
            headingLevel={4}
          />
        )}
        <h3>{t('dossiersPortal.step.documents')}</h3>
        {dossier.documents.length === 0 ? (
          <p className="note">{t('dossiersPortal.detail.noDocuments')}</p>
        ) : (
          <dl className="dossier-facts">
            {dossier.documents.map((document) => (
              <div key={document.fileId} className="dossier-answer">
                <dt lang="vi">{slotName(document.slot)}</dt>
                <dd>
                  <a href={`/api/files/${encodeURIComponent(document.fileId)}`} download>
                    {t('dossiersPortal.detail.documentLink', {
                      name: document.name,
                      size: sizeText(document.size, locale),
                    })}
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
    </>
  );
}

function PaymentNoticeAlert({
  notice,
  onConfirmed,
}: {
  notice: 'failure' | 'pending' | 'confirmed' | 'unconfirmed';
  onConfirmed: () => void;
}) {
  const { t } = useI18n();
  if (notice === 'failure') {
    return (
      <Alert kind="error">
        <p>{t('dossiersPortal.payment.failure')}</p>
      </Alert>
    );
  }
  if (notice === 'confirmed') return <ConfirmedNotice onConfirmed={onConfirmed} />;
  return (
    <Alert kind="info">
      <p>
        {notice === 'pending'
          ? t('dossiersPortal.payment.pending')
          : t('dossiersPortal.payment.unconfirmed')}
      </p>
    </Alert>
  );
}

function ConfirmedNotice({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useI18n();
  // The status moves on once the fees are paid: read the dossier again, once.
  useOnce(onConfirmed);
  return (
    <Alert kind="success">
      <p>{t('dossiersPortal.payment.success')}</p>
    </Alert>
  );
}

function useOnce(action: () => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    action();
  }, [action]);
}
