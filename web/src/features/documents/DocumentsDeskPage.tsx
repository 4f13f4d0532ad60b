/**
 * Bàn làm việc văn bản (GET /api/documents/desk): the agency the person works for, and what
 * waits for them, each count a link to the box that holds it. Only the boxes the person's
 * rights give them are shown, plus what they handle and what is overdue.
 */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { useDesk, type Desk } from './documents-api';
import { DocumentsNav, INCOMING_LIST, NEW_DRAFT, OUTGOING_LIST, PAPER_FORM } from './DocumentsNav';
import './documents.css';

interface Count {
  key: keyof Desk['counts'];
  label: MessageKey;
  to: string;
  shown: (may: Desk['permissions']) => boolean;
}

const COUNTS: readonly Count[] = [
  {
    key: 'toSign',
    label: 'documents.box.toSign',
    to: `${OUTGOING_LIST}?box=to_sign`,
    shown: (may) => may.lead,
  },
  {
    key: 'toIssue',
    label: 'documents.box.toIssue',
    to: `${OUTGOING_LIST}?box=to_issue`,
    shown: (may) => may.clerk,
  },
  {
    key: 'toRegister',
    label: 'documents.box.toRegister',
    to: `${INCOMING_LIST}?box=to_register`,
    shown: (may) => may.clerk,
  },
  {
    key: 'toAssign',
    label: 'documents.box.toAssign',
    to: `${INCOMING_LIST}?box=to_assign`,
    shown: (may) => may.lead,
  },
  {
    key: 'mine',
    label: 'documents.box.handling',
    to: `${INCOMING_LIST}?box=mine`,
    shown: () => true,
  },
  {
    key: 'overdue',
    label: 'documents.box.overdue',
    to: `${INCOMING_LIST}?box=overdue`,
    shown: () => true,
  },
];

export function DocumentsDeskPage() {
  const { t, locale } = useI18n();
  usePageTitle(t('documents.desk.title'));
  const desk = useDesk();
  const data = desk.data;

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <h1>{t('documents.desk.title')}</h1>
      {desk.error ? <Alert kind="error" error={desk.error} /> : null}
      {desk.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="lead">
            {t('documents.desk.agency', { name: data.agency.name, code: data.agency.code })}
          </p>
          {!data.issuer ? (
            <Alert kind="info">
              <p>{t('documents.desk.noIssuer')}</p>
            </Alert>
          ) : null}
          <section className="panel" aria-labelledby="documents-waiting">
            <h2 id="documents-waiting">{t('documents.desk.waiting')}</h2>
            <ul className="documents-counts">
              {COUNTS.filter((count) => count.shown(data.permissions)).map((count) => (
                <li key={count.key} className={data.counts[count.key] > 0 ? 'has-items' : ''}>
                  <Link to={count.to}>
                    <span className="documents-count-number">
                      {formatNumber(data.counts[count.key], locale)}
                    </span>{' '}
                    <span className="documents-count-label">{t(count.label)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="documents-start">
            <h2 id="documents-start">{t('documents.desk.start')}</h2>
            <ul className="link-list">
              {data.permissions.draft ? (
                <li>
                  <Link to={NEW_DRAFT}>{t('documents.nav.newDraft')}</Link>
                </li>
              ) : null}
              {data.permissions.clerk ? (
                <li>
                  <Link to={PAPER_FORM}>{t('documents.nav.paper')}</Link>
                </li>
              ) : null}
              <li>
                <Link to={`${OUTGOING_LIST}?box=register`}>{t('documents.box.outRegister')}</Link>
              </li>
              <li>
                <Link to={`${INCOMING_LIST}?box=register`}>{t('documents.box.inRegister')}</Link>
              </li>
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
