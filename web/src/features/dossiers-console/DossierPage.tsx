/**
 * One dossier (GET /api/dossiers/:code) as the desk and the handlers see it: its status,
 * procedure and appointment (late or not), the actions the person may take now, the
 * applicant (every read audited by the server), the form's values under the form's labels,
 * the documents, the fees, the printed papers, the steps, the requests for documents, the
 * apologies and the history. After an action the page is read again and says what was done,
 * with the keyboard moved to that news: the button used may be gone.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { useProcedure } from '../procedures/procedures-api';
import { isLate } from './dossier-facts';
import { dossierKey, fetchDossier, type ActionRequest, type DossierView } from './dossiers-api';
import { APPLICANT_TYPE_KEY, CHANNEL_KEY, DONE_KEY, RETURN_METHOD_KEY } from './labels';
import { LateBadge, StatusBadge } from './DossierBadges';
import { DossierActions } from './DossierActions';
import { FeesPanel } from './FeesPanel';
import { FormValuesPanel } from './FormValuesPanel';
import {
  ApologiesPanel,
  DocumentsPanel,
  HistoryPanel,
  PapersPanel,
  StepsPanel,
  SupplementsPanel,
} from './DossierRecord';
import { useDossierAction } from './useDossierAction';
import { DOSSIER_LIST } from './paths';
import './dossiers-console.css';

function Facts({ dossier }: { dossier: DossierView }) {
  const { t, locale } = useI18n();
  const none = t('dossiersConsole.none');
  const when = (value: string | null) => (value ? formatDateTime(value, locale) : none);
  const late = isLate(dossier, new Date());
  return (
    <dl className="dossiers-facts">
      <dt>{t('dossiersConsole.facts.status')}</dt>
      <dd>
        <StatusBadge status={dossier.status} /> <LateBadge late={late} />
      </dd>
      <dt>{t('dossiersConsole.facts.procedure')}</dt>
      <dd>
        {dossier.procedure.name} <span className="muted">({dossier.procedure.code})</span>
      </dd>
      <dt>{t('dossiersConsole.facts.agency')}</dt>
      <dd>{dossier.receivingAgency.name}</dd>
      <dt>{t('dossiersConsole.facts.channel')}</dt>
      <dd>{t(CHANNEL_KEY[dossier.channel])}</dd>
      <dt>{t('dossiersConsole.facts.submittedAt')}</dt>
      <dd>{when(dossier.submittedAt)}</dd>
      <dt>{t('dossiersConsole.facts.receivedAt')}</dt>
      <dd>{when(dossier.receivedAt)}</dd>
      <dt>{t('dossiersConsole.facts.dueAt')}</dt>
      <dd className="dossiers-due">
        {dossier.dueAt ? (
          <>
            <strong>{formatDateTime(dossier.dueAt, locale)}</strong>{' '}
            {late ? (
              <LateBadge late />
            ) : (
              <span className="badge badge-ok">{t('dossiersConsole.onTime')}</span>
            )}
          </>
        ) : (
          t('dossiersConsole.notReceived')
        )}
      </dd>
      {dossier.finishedAt ? (
        <>
          <dt>{t('dossiersConsole.facts.finishedAt')}</dt>
          <dd>{when(dossier.finishedAt)}</dd>
        </>
      ) : null}
      {dossier.returnedAt ? (
        <>
          <dt>{t('dossiersConsole.facts.returnedAt')}</dt>
          <dd>{when(dossier.returnedAt)}</dd>
        </>
      ) : null}
      <dt>{t('dossiersConsole.facts.returnMethod')}</dt>
      <dd>{t(RETURN_METHOD_KEY[dossier.returnMethod])}</dd>
      {dossier.refusalReason ? (
        <>
          <dt>{t('dossiersConsole.facts.refusalReason')}</dt>
          <dd className="dossiers-note">{dossier.refusalReason}</dd>
        </>
      ) : null}
      {dossier.result ? (
        <>
          <dt>{t('dossiersConsole.facts.result')}</dt>
          <dd>
            {dossier.result.name} ·{' '}
            {dossier.result.signed && dossier.result.signedAt
              ? t('dossiersConsole.facts.signedAt', {
                  time: formatDateTime(dossier.result.signedAt, locale),
                })
              : t('dossiersConsole.facts.unsigned')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function ApplicantPanel({ dossier }: { dossier: DossierView }) {
  const { t } = useI18n();
  const { applicant } = dossier;
  const none = t('dossiersConsole.none');
  return (
    <section className="panel" aria-labelledby="dossier-applicant-title">
      <h2 id="dossier-applicant-title">{t('dossiersConsole.applicant.title')}</h2>
      <dl className="dossiers-facts">
        <dt>{t('dossiersConsole.applicant.type')}</dt>
        <dd>{t(APPLICANT_TYPE_KEY[applicant.type])}</dd>
        <dt>{t('dossiersConsole.applicant.fullName')}</dt>
        <dd>{applicant.fullName}</dd>
        <dt>{t('dossiersConsole.applicant.idNumber')}</dt>
        <dd>{applicant.idNumber}</dd>
        <dt>{t('dossiersConsole.applicant.phone')}</dt>
        <dd>{applicant.phone ?? none}</dd>
        <dt>{t('dossiersConsole.applicant.email')}</dt>
        <dd>{applicant.email ?? none}</dd>
      </dl>
      <p className="muted">{t('dossiersConsole.applicant.audited')}</p>
    </section>
  );
}

/** The news after an action, focused when it arrives so the keyboard lands on it. */
function useNotice() {
  const [notice, setNotice] = useState<{ lines: string[]; at: number } | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return { notice, ref, announce: (lines: string[]) => setNotice({ lines, at: Date.now() }) };
}

/** The appointment an action gave, when it gave one (reception, an apology). */
function appointmentOf(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return null;
  const { dueAt, newDueAt } = result as { dueAt?: unknown; newDueAt?: unknown };
  const due = typeof newDueAt === 'string' ? newDueAt : dueAt;
  return typeof due === 'string' ? due : null;
}

export function DossierPage() {
  const { code = '' } = useParams();
  const { t, locale } = useI18n();
  usePageTitle(t('dossiersConsole.detailTitle', { code }));
  const dossier = useQuery({ queryKey: dossierKey(code), queryFn: () => fetchDossier(code) });
  const procedure = useProcedure(dossier.data?.procedure.code ?? '');
  const { notice, ref, announce } = useNotice();
  const mutation = useDossierAction(code, (request: ActionRequest, result: unknown) => {
    const due =
      request.action === 'receive' || request.action === 'apologise' ? appointmentOf(result) : null;
    announce([
      t(DONE_KEY[request.action]),
      ...(due
        ? [t('dossiersConsole.done.appointment', { time: formatDateTime(due, locale) })]
        : []),
    ]);
  });
  const documentNames = new Map(
    (procedure.data?.tthc.ThanhPhanHoSo ?? []).flatMap((documentCase) =>
      documentCase.GiayTo.map((document) => [document.MaGiayTo, document.TenGiayTo] as const),
    ),
  );
  const data = dossier.data;

  return (
    <div className="admin-page dossiers-page">
      <p>
        <Link to={DOSSIER_LIST}>{t('dossiersConsole.back')}</Link>
      </p>
      <h1>{t('dossiersConsole.detailTitle', { code })}</h1>
      <div ref={ref} tabIndex={-1} className="dossiers-notice">
        {notice ? (
          <Alert kind="success">
            {notice.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </Alert>
        ) : null}
      </div>
      {dossier.error ? <Alert kind="error" error={dossier.error} /> : null}
      {dossier.isPending ? <Loading /> : null}
      {data ? (
        <div className="dossiers-detail">
          <section className="panel" aria-labelledby="dossier-facts-title">
            <h2 id="dossier-facts-title">{t('dossiersConsole.facts.title')}</h2>
            <Facts dossier={data} />
          </section>
          <DossierActions dossier={data} procedure={procedure.data} mutation={mutation} />
          <ApplicantPanel dossier={data} />
          <FormValuesPanel values={data.values} procedure={procedure} />
          <DocumentsPanel dossier={data} />
          <FeesPanel dossier={data} />
          <PapersPanel dossier={data} />
          <StepsPanel dossier={data} />
          <SupplementsPanel dossier={data} documentNames={documentNames} />
          <ApologiesPanel dossier={data} />
          <HistoryPanel dossier={data} />
        </div>
      ) : null}
    </div>
  );
}
