/**
 * The reporter's contact, read only when the officer asks for it: each read is recorded in
 * the audit log by the server, so it is never fetched on its own.
 */
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { fetchReporter } from './inbox-api';

export function ReporterContactPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const contact = useMutation({ mutationFn: () => fetchReporter(code) });
  const none = t('profile.none');
  return (
    <section className="panel" aria-labelledby="inbox-reporter-title">
      <h2 id="inbox-reporter-title">{t('feedbackInbox.reporter')}</h2>
      {contact.error ? <Alert kind="error" error={contact.error} /> : null}
      {contact.data ? (
        contact.data.anonymous ? (
          <p>{t('feedbackInbox.anonymous')}</p>
        ) : (
          <dl className="inbox-facts">
            <dt>{t('feedbackInbox.reporterName')}</dt>
            <dd>{contact.data.name ?? none}</dd>
            <dt>{t('feedbackInbox.reporterEmail')}</dt>
            <dd>{contact.data.email ?? none}</dd>
            <dt>{t('feedbackInbox.reporterPhone')}</dt>
            <dd>{contact.data.phone ?? none}</dd>
          </dl>
        )
      ) : (
        <>
          <p className="muted">{t('feedbackInbox.reporterAudited')}</p>
          <button
            type="button"
            className="button button-secondary"
            disabled={contact.isPending}
            onClick={() => contact.mutate()}
          >
            {t('feedbackInbox.showReporter')}
          </button>
        </>
      )}
    </section>
  );
}
