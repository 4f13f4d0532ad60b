/**
 * One outgoing document (GET /api/documents/outgoing/:id): its particulars and text, what
 * the person may do with it now, its files (the signed PDF to download), where it went and
 * what each recipient answered, and its history.
 */
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { formatDay } from './format-day';
import { fetchOutgoing, outgoingKey, useDesk, type OutgoingView } from './documents-api';
import { DocumentsNav, OUTGOING_LIST, incomingPath, outgoingPath } from './DocumentsNav';
import { OutgoingStatusBadge, SecrecyBadge, UrgencyBadge } from './DocumentBadges';
import { OutgoingActions } from './OutgoingActions';
import { RecipientsTable } from './RecipientsTable';
import { FileList } from './FileList';
import { HistoryTimeline } from './HistoryTimeline';
import { SECRECY_KEY, URGENCY_KEY } from './labels';
import { useNotice } from './useNotice';
import './documents.css';

function Facts({ document }: { document: OutgoingView }) {
  const { t, locale } = useI18n();
  const none = t('documents.none');
  return (
    <dl className="documents-facts">
      <dt>{t('documents.field.status')}</dt>
      <dd>
        <OutgoingStatusBadge status={document.status} /> <UrgencyBadge urgency={document.urgency} />{' '}
        <SecrecyBadge secrecy={document.secrecy} />
      </dd>
      <dt>{t('documents.field.kind')}</dt>
      <dd>{document.typeName}</dd>
      <dt>{t('documents.field.notation')}</dt>
      <dd className="documents-notation">{document.notation ?? t('documents.notNumbered')}</dd>
      <dt>{t('documents.field.promulgatedOn')}</dt>
      <dd>
        {document.promulgatedOn
          ? `${document.placeName}, ${formatDay(document.promulgatedOn, locale)}`
          : none}
      </dd>
      {document.draftingUnit ? (
        <>
          <dt>{t('documents.field.draftingUnit')}</dt>
          <dd>{document.draftingUnit}</dd>
        </>
      ) : null}
      <dt>{t('documents.field.urgency')}</dt>
      <dd>{t(URGENCY_KEY[document.urgency])}</dd>
      <dt>{t('documents.field.secrecy')}</dt>
      <dd>{t(SECRECY_KEY[document.secrecy])}</dd>
      <dt>{t('documents.field.replyDueOn')}</dt>
      <dd>{document.replyDueOn ? formatDay(document.replyDueOn, locale) : none}</dd>
      <dt>{t('documents.field.signer')}</dt>
      <dd>
        {document.signerCompetence ? `${document.signerCompetence} · ` : ''}
        {document.signerPosition ? `${document.signerPosition} · ` : ''}
        {document.signerName ?? none}
      </dd>
      <dt>{t('documents.field.signedAt')}</dt>
      <dd>{document.signedAt ? formatDateTime(document.signedAt, locale) : none}</dd>
      <dt>{t('documents.field.issuedAt')}</dt>
      <dd>{document.issuedAt ? formatDateTime(document.issuedAt, locale) : none}</dd>
      {document.responseForId ? (
        <>
          <dt>{t('documents.field.responseFor')}</dt>
          <dd>
            <Link to={incomingPath(document.responseForId)}>
              {t('documents.field.openAnswered')}
            </Link>
          </dd>
        </>
      ) : null}
      {document.replacesId ? (
        <>
          <dt>{t('documents.field.replaces')}</dt>
          <dd>
            <Link to={outgoingPath(document.replacesId)}>{t('documents.field.openReplaced')}</Link>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Text({ document }: { document: OutgoingView }) {
  const { t } = useI18n();
  const paragraphs = document.body.split(/\n\s*\n/).filter((paragraph) => paragraph.trim());
  return (
    <section className="panel" aria-labelledby="documents-text-title">
      <h2 id="documents-text-title">{t('documents.form.textSection')}</h2>
      {document.greeting ? (
        <p className="documents-greeting">
          {t('documents.field.greeting')}: {document.greeting}
        </p>
      ) : null}
      <div className="documents-body">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {document.toPlaces.length > 0 ? (
        <>
          <h3>{t('documents.field.toPlaces')}</h3>
          <ul className="documents-places">
            {document.toPlaces.map((place, index) => (
              <li key={index}>{place}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function OutgoingDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const saved = (location.state as { notice?: string } | null)?.notice === 'saved';
  const desk = useDesk();
  const document = useQuery({ queryKey: outgoingKey(id), queryFn: () => fetchOutgoing(id) });
  usePageTitle(document.data ? document.data.subject : t('documents.outgoing.detailTitle'));
  const { notice, ref, announce } = useNotice(saved ? 'documents.done.saved' : null);

  return (
    <div className="admin-page documents-page">
      <DocumentsNav />
      <p>
        <Link to={OUTGOING_LIST}>{t('documents.outgoing.back')}</Link>
      </p>
      <p className="documents-eyebrow">{t('documents.outgoing.detailTitle')}</p>
      <h1>{document.data?.subject ?? t('documents.outgoing.detailTitle')}</h1>
      <div ref={ref} tabIndex={-1} className="documents-summary">
        {notice ? <Alert kind="success">{t(notice)}</Alert> : null}
      </div>
      {document.error ? <Alert kind="error" error={document.error} /> : null}
      {document.isPending ? <Loading /> : null}
      {document.data ? (
        <div className="documents-detail">
          <section className="panel" aria-labelledby="documents-facts-title">
            <h2 id="documents-facts-title">{t('documents.facts')}</h2>
            <Facts document={document.data} />
          </section>
          <OutgoingActions
            document={document.data}
            desk={desk.data}
            onDone={(key: MessageKey) => announce(key)}
          />
          <FileList files={document.data.files} />
          <RecipientsTable document={document.data} />
          <Text document={document.data} />
          <HistoryTimeline entries={document.data.history} />
        </div>
      ) : null}
    </div>
  );
}
