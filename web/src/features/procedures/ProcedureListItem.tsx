/** One procedure in the search results: what it is, how far online, how long, what it costs. */
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import type { ProcedureSummary } from './procedures-api';
import { OnlineLevelBadge } from './OnlineLevelBadge';
import { feeRangeText, processingTimeText } from './procedure-format';
import type { FromCatalog } from './ProcedurePage';

export function ProcedureListItem({ procedure }: { procedure: ProcedureSummary }) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const titleId = `procedure-${procedure.code}`;
  const state: FromCatalog = { catalogSearch: search };
  return (
    <li className="procedure-item">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="procedure-item-title">
          <Link to={`/thu-tuc/${encodeURIComponent(procedure.code)}`} state={state}>
            {locale === 'en' ? procedure.nameEn : procedure.name}
          </Link>
        </h2>
        <p className="procedure-item-badges">
          <OnlineLevelBadge level={procedure.onlineLevel} />{' '}
          <span className="procedure-code">
            {t('procedures.item.code', { code: procedure.code })}
          </span>
        </p>
        <dl className="procedure-meta">
          <div>
            <dt>{t('procedures.item.field')}</dt>
            <dd lang="vi">{procedure.field.name}</dd>
          </div>
          <div>
            <dt>{t('procedures.item.time')}</dt>
            <dd>{processingTimeText(procedure.processingTime, locale, t)}</dd>
          </div>
          <div>
            <dt>{t('procedures.item.fee')}</dt>
            <dd className="procedure-amount">{feeRangeText(procedure, locale, t)}</dd>
          </div>
          <div>
            <dt>{t('procedures.item.receiving')}</dt>
            <dd>{procedure.receivingAgencyName ?? t('procedures.receiving.commune')}</dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
