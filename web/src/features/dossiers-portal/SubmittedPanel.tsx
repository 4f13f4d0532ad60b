/** After submitting: the dossier's code, large, where it went, and the way to follow it. */
import type { RefObject } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import type { Submitted } from './dossiers-portal-api';

export function SubmittedPanel({
  submitted,
  headingRef,
}: {
  submitted: Submitted;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="dossier-wizard" aria-labelledby="dossier-submitted-title">
      <h1 id="dossier-submitted-title" ref={headingRef} tabIndex={-1}>
        {t('dossiersPortal.submitted.title')}
      </h1>
      <Alert kind="success">
        <p>{t('dossiersPortal.submitted.lead')}</p>
        <p className="dossier-code">
          {t('dossiersPortal.submitted.code')} <strong>{submitted.code}</strong>
        </p>
      </Alert>
      <dl className="dossier-facts">
        <div className="dossier-answer">
          <dt>{t('dossiersPortal.detail.procedure')}</dt>
          <dd lang="vi">{submitted.procedure.name}</dd>
        </div>
        <div className="dossier-answer">
          <dt>{t('dossiersPortal.detail.agency')}</dt>
          <dd lang="vi">{submitted.receivingAgency.name}</dd>
        </div>
        <div className="dossier-answer">
          <dt>{t('dossiersPortal.detail.submittedAt')}</dt>
          <dd>{formatDateTime(submitted.submittedAt, locale)}</dd>
        </div>
      </dl>
      <p>{t('dossiersPortal.submitted.next')}</p>
      <p className="button-row">
        <Link to={`/ho-so/${encodeURIComponent(submitted.code)}`} className="button">
          {t('dossiersPortal.submitted.open', { code: submitted.code })}
        </Link>
        <Link to="/ho-so" className="button button-secondary">
          {t('dossiersPortal.mine.title')}
        </Link>
      </p>
    </section>
  );
}
