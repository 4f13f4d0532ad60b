/**
 * `/thu-tuc/:code`: one procedure whole, as the national database describes it (ways to
 * submit with times and fees, documents, steps, results, conditions, legal basis), the
 * one-stop process the province runs it by, and a preview of its application form. The
 * heading stays in place while the procedure loads, so the focus a navigation puts on it
 * stays too. The details are the national database's Vietnamese text; in English they are
 * marked lang="vi" so a screen reader reads them in Vietnamese.
 */
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { ApiError } from '../../shared/api/api-error';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PROCEDURE_CODE, useProcedure, type ProcedureView } from './procedures-api';
import { ProcedureFacts } from './ProcedureFacts';
import { ChannelsTable } from './ChannelsTable';
import { RequiredDocuments } from './RequiredDocuments';
import { LegalBasis } from './LegalBasis';
import { ProcessSteps } from './ProcessSteps';
import { FormPreview } from './FormPreview';
import './procedures.css';

/** The list's address the reader came from, so "back to the list" keeps their search. */
export interface FromCatalog {
  catalogSearch?: string;
}

export function ProcedurePage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const location = useLocation();
  const procedure = useProcedure(code);
  const notFound =
    !PROCEDURE_CODE.test(code) ||
    (procedure.error instanceof ApiError && procedure.error.status === 404);
  const data = notFound ? undefined : procedure.data;
  const title = data
    ? locale === 'en'
      ? data.nameEn
      : data.name
    : notFound
      ? t('procedures.notFound.title')
      : t('procedures.title');
  usePageTitle(title);
  const back = (location.state as FromCatalog | null)?.catalogSearch ?? '';

  return (
    <article className="procedure" aria-labelledby="procedure-title">
      <p className="procedure-back">
        <Link to={`/thu-tuc${back}`}>{t('procedures.detail.back')}</Link>
      </p>
      <h1 id="procedure-title">{title}</h1>
      {notFound ? (
        <>
          <p>{t('procedures.notFound.text', { code })}</p>
          <p>
            <Link to="/thu-tuc">{t('procedures.notFound.search')}</Link>
          </p>
        </>
      ) : procedure.error ? (
        <Alert kind="error" error={procedure.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void procedure.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : data ? (
        <ProcedureBody key={data.code} procedure={data} />
      ) : (
        <Loading />
      )}
    </article>
  );
}

const SECTIONS = [
  ['procedure-channels', 'procedures.detail.channels'],
  ['procedure-documents', 'procedures.detail.documents'],
  ['procedure-steps', 'procedures.detail.steps'],
  ['procedure-results', 'procedures.detail.results'],
  ['procedure-conditions', 'procedures.detail.conditions'],
  ['procedure-legal', 'procedures.detail.legal'],
  ['procedure-process', 'procedures.detail.process'],
  ['procedure-form-title', 'procedures.preview.title'],
] as const;

function ProcedureBody({ procedure }: { procedure: ProcedureView }) {
  const { t, locale } = useI18n();
  const { tthc } = procedure;
  const section = (id: (typeof SECTIONS)[number][0], content: ReactNode) => {
    const key = SECTIONS.find(([each]) => each === id)![1];
    return (
      <section className="procedure-section" aria-labelledby={id}>
        <h2 id={id}>{t(key)}</h2>
        {content}
      </section>
    );
  };

  return (
    <>
      {locale === 'en' ? (
        <p className="procedure-original">
          <span lang="vi">{procedure.name}</span>
          <br />
          <span className="note">{t('procedures.detail.vietnameseSource')}</span>
        </p>
      ) : null}
      {tthc.CachThucThucHien.some((channel) => channel.Kenh === 'TRUC_TUYEN') ? (
        <p className="button-row">
          <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}/nop`} className="button">
            {t('dossiersPortal.cta')}
          </Link>
          <span className="note">{t('dossiersPortal.ctaHint')}</span>
        </p>
      ) : null}
      <ProcedureFacts procedure={procedure} />
      <nav className="procedure-toc" aria-label={t('procedures.detail.toc')}>
        <ul>
          {SECTIONS.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {section('procedure-channels', <ChannelsTable channels={tthc.CachThucThucHien} />)}
      {section('procedure-documents', <RequiredDocuments cases={tthc.ThanhPhanHoSo} />)}
      {section(
        'procedure-steps',
        tthc.TrinhTuThucHien.length > 0 ? (
          <ol className="procedure-steps" lang="vi">
            {tthc.TrinhTuThucHien.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        ) : (
          <p>{t('procedures.detail.noSteps')}</p>
        ),
      )}
      {section(
        'procedure-results',
        <ul className="procedure-results" lang="vi">
          {tthc.KetQuaThucHien.map((result) => (
            <li key={result.MaKetQua}>{result.TenKetQua}</li>
          ))}
        </ul>,
      )}
      {section(
        'procedure-conditions',
        tthc.YeuCauDieuKien?.trim() ? (
          <p className="procedure-text" lang="vi">
            {tthc.YeuCauDieuKien}
          </p>
        ) : (
          <p>{t('procedures.detail.noConditions')}</p>
        ),
      )}
      {section('procedure-legal', <LegalBasis documents={tthc.CanCuPhapLy} />)}
      {section(
        'procedure-process',
        <ProcessSteps
          steps={procedure.process.steps}
          agencies={procedure.agencies}
          receivingName={procedure.receivingAgency?.name ?? null}
        />,
      )}
      <FormPreview definition={procedure.form} />
    </>
  );
}
