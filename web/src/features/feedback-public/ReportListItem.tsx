/** One report in the public list: what, where, when, its state; the code opens its page. */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { OverdueBadge, StatusBadge } from '../feedback/StatusBadge';
import type { ReportListItem as Item } from './public-api';

const EXCERPT_LENGTH = 180;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
}

export function ReportListItem({ report }: { report: Item }) {
  const { t, locale } = useI18n();
  const category = locale === 'en' ? report.categoryNameEn : report.categoryName;
  return (
    <li className="feedback-public-item">
      <article aria-labelledby={`report-${report.trackingCode}`}>
        <h2 id={`report-${report.trackingCode}`} className="feedback-public-item-title">
          <Link to={`/phan-anh/${encodeURIComponent(report.trackingCode)}`}>{category}</Link>{' '}
          <span className="feedback-public-code">{report.trackingCode}</span>
        </h2>
        <p className="feedback-public-badges">
          <StatusBadge status={report.status} /> {report.overdue ? <OverdueBadge /> : null}
        </p>
        <p className="feedback-public-excerpt">{excerpt(report.description)}</p>
        <dl className="feedback-public-meta">
          <div>
            <dt>{t('feedbackPublic.item.place')}</dt>
            <dd>
              {report.communeName}
              {report.address ? ` — ${report.address}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('feedbackPublic.item.submittedAt')}</dt>
            <dd>{formatDateTime(report.submittedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('feedbackPublic.item.agency')}</dt>
            <dd>{report.agencyName}</dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
