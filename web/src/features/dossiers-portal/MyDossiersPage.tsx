/**
 * `/ho-so`: my dossiers, newest first, filtered by status and paged by the server (GET
 * /api/dossiers/mine). The filter and the page live in the address; neither is personal.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime, formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { ListPager } from '../feedback-public/ListPager';
import { PAGE_SIZE, useMyDossiers, type DossierStatus } from './dossiers-portal-api';
import { DOSSIER_STATUSES, STATUS_KEY } from './labels';
import { RequireSignIn } from './RequireSignIn';
import { StatusBadge } from './StatusBadge';
import { listParams, statusFrom, pageFrom } from './my-dossiers-filter';
import './dossiers-portal.css';

export function MyDossiersPage() {
  const { t } = useI18n();
  usePageTitle(t('dossiersPortal.mine.title'));
  return <RequireSignIn>{() => <MyDossiers />}</RequireSignIn>;
}

function MyDossiers() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = statusFrom(params);
  const page = pageFrom(params);
  const dossiers = useMyDossiers(status, page);
  const data = dossiers.data;
  const go = (nextStatus: DossierStatus | undefined, nextPage: number) =>
    setParams(listParams(nextStatus, nextPage));

  return (
    <section className="dossier-mine" aria-labelledby="dossier-mine-title">
      <h1 id="dossier-mine-title">{t('dossiersPortal.mine.title')}</h1>
      <p className="button-row">
        <Link to="/thu-tuc" className="button">
          {t('dossiersPortal.mine.new')}
        </Link>
        <Link to="/tra-cuu-ho-so" className="button button-secondary">
          {t('dossiersPortal.track.title')}
        </Link>
      </p>
      <StatusFilter key={status ?? ''} status={status} onApply={(next) => go(next, 1)} />
      {dossiers.error ? (
        <Alert kind="error" error={dossiers.error}>
          <p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void dossiers.refetch()}
            >
              {t('feedbackPublic.retry')}
            </button>
          </p>
        </Alert>
      ) : null}
      {dossiers.isPending ? <Loading label={t('dossiersPortal.mine.loading')} /> : null}
      {data ? (
        <div aria-busy={dossiers.isFetching}>
          <p role="status" className="dossier-count">
            {data.total === 0
              ? status
                ? t('dossiersPortal.mine.noneWithStatus')
                : t('dossiersPortal.mine.none')
              : t('dossiersPortal.mine.total', { total: formatNumber(data.total, locale) })}
          </p>
          {data.total === 0 && status ? (
            <p>
              <Link to="/ho-so">{t('dossiersPortal.mine.showAll')}</Link>
            </p>
          ) : null}
          {data.total === 0 && !status ? (
            <p>
              <Link to="/thu-tuc">{t('dossiersPortal.mine.findProcedure')}</Link>
            </p>
          ) : null}
          {data.items.length > 0 ? (
            <ol className="dossier-list" aria-label={t('dossiersPortal.mine.listLabel')}>
              {data.items.map((dossier) => (
                <li key={dossier.code} className="dossier-item">
                  <article aria-labelledby={`dossier-item-${dossier.code}`}>
                    <h2 className="dossier-item-title" id={`dossier-item-${dossier.code}`}>
                      <Link to={`/ho-so/${encodeURIComponent(dossier.code)}`}>
                        <span lang="vi">{dossier.procedure.name}</span>
                      </Link>
                    </h2>
                    <p className="dossier-item-code">
                      {t('dossiersPortal.detail.code')}: {dossier.code}
                    </p>
                    <p>
                      <StatusBadge status={dossier.status} />
                    </p>
                    <dl className="dossier-facts dossier-facts-compact">
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
                    </dl>
                  </article>
                </li>
              ))}
            </ol>
          ) : null}
          {data.items.length === 0 && data.total > 0 ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => go(status, 1)}
              >
                {t('dossiersPortal.mine.firstPage')}
              </button>
            </p>
          ) : null}
          <ListPager
            page={page}
            total={data.total}
            pageSize={data.pageSize || PAGE_SIZE}
            onPage={(next) => {
              go(status, next);
              window.scrollTo({ top: 0 });
            }}
          />
        </div>
      ) : null}
    </section>
  );
}

function StatusFilter({
  status,
  onApply,
}: {
  status: DossierStatus | undefined;
  onApply: (status: DossierStatus | undefined) => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string>(status ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(
      (DOSSIER_STATUSES as readonly string[]).includes(chosen)
        ? (chosen as DossierStatus)
        : undefined,
    );
  };
  return (
    <form
      className="dossier-filter"
      onSubmit={submit}
      role="search"
      aria-label={t('dossiersPortal.mine.filter')}
    >
      <div className="field">
        <label htmlFor="dossier-status-filter">{t('dossiersPortal.mine.status')}</label>
        <select
          id="dossier-status-filter"
          value={chosen}
          onChange={(event) => setChosen(event.target.value)}
        >
          <option value="">{t('dossiersPortal.mine.allStatuses')}</option>
          {DOSSIER_STATUSES.map((each) => (
            <option key={each} value={each}>
              {t(STATUS_KEY[each])}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-secondary">
        {t('list.submit')}
      </button>
    </form>
  );
}
