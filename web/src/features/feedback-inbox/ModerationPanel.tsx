/**
 * What the public may see of a report: the whole report (hide with a reason, show again),
 * its text (a redacted version replaces the citizen's words on the portal; clearing it
 * restores them) and each photo. The panel says plainly what is hidden or redacted now.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import type { StaffReport } from './inbox-api';
import { useReportAction } from './useReportAction';

export function ModerationPanel({ report }: { report: StaffReport }) {
  const { t } = useI18n();
  const code = report.trackingCode;
  const publicText = report.publicDescription ?? report.originalDescription;
  const [reason, setReason] = useState('');
  const [text, setText] = useState(publicText);
  const [shownText, setShownText] = useState(publicText);
  // A new answer from the server (this panel's or another action's) refills the text box.
  if (publicText !== shownText) {
    setShownText(publicText);
    setText(publicText);
  }
  const { mutation, done } = useReportAction(code, () => setReason(''));
  const redacted = report.publicDescription !== null;

  const hide = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    mutation.mutate({ action: 'hide', reason: reason.trim() });
  };
  const redact = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    mutation.mutate({ action: 'redact', publicDescription: text.trim() });
  };

  return (
    <section className="panel inbox-moderation" aria-labelledby="inbox-moderation-title">
      <h2 id="inbox-moderation-title">{t('inboxExtra.moderation.title')}</h2>
      <ul className="inbox-moderation-state">
        <li>
          {report.hidden ? (
            <strong>{t('inboxExtra.moderation.reportHidden')}</strong>
          ) : (
            t('inboxExtra.moderation.reportPublic')
          )}
        </li>
        <li>
          {redacted ? (
            <strong>{t('inboxExtra.moderation.textRedacted')}</strong>
          ) : (
            t('inboxExtra.moderation.textOriginal')
          )}
        </li>
      </ul>
      {mutation.error ? <Alert kind="error" error={mutation.error} /> : null}
      {done ? <Alert kind="success">{t('feedbackInbox.actionDone')}</Alert> : null}

      {report.hidden ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ action: 'unhide' })}
        >
          {t('inboxExtra.moderation.unhide')}
        </button>
      ) : (
        <form onSubmit={hide}>
          <div className="field">
            <label htmlFor="inbox-hide-reason">{t('inboxExtra.moderation.hideReason')}</label>
            <input
              id="inbox-hide-reason"
              required
              maxLength={4000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t('inboxExtra.moderation.hide')}
          </button>
        </form>
      )}

      <form onSubmit={redact}>
        <div className="field">
          <label htmlFor="inbox-public-text">{t('inboxExtra.moderation.publicText')}</label>
          <p id="inbox-public-text-hint" className="field-hint">
            {t('inboxExtra.moderation.publicTextHint')}
          </p>
          <textarea
            id="inbox-public-text"
            rows={5}
            maxLength={4000}
            aria-describedby="inbox-public-text-hint"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="inbox-action-row">
          <button type="submit" className="button button-secondary" disabled={mutation.isPending}>
            {t('inboxExtra.moderation.saveText')}
          </button>
          {redacted ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate({ action: 'redact', publicDescription: '' })}
            >
              {t('inboxExtra.moderation.restoreText')}
            </button>
          ) : null}
        </div>
      </form>

      <h3>{t('feedbackInbox.photos')}</h3>
      {report.allMedia.length === 0 ? (
        <p className="muted">{t('inboxExtra.moderation.noPhotos')}</p>
      ) : (
        <ul className="inbox-photos">
          {report.allMedia.map((media, index) => {
            const number = index + 1;
            return (
              <li key={media.id} className={media.hidden ? 'inbox-photo-hidden' : undefined}>
                <a href={media.url}>
                  <img src={media.url} alt={t('feedback.track.photoAlt', { number })} />
                </a>
                <span className={`badge ${media.hidden ? 'badge-running' : ''}`}>
                  {media.hidden
                    ? t('inboxExtra.moderation.photoHidden')
                    : t('inboxExtra.moderation.photoShown')}
                </span>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={mutation.isPending}
                  onClick={() =>
                    mutation.mutate({
                      action: 'hideMedia',
                      mediaId: media.id,
                      hidden: !media.hidden,
                    })
                  }
                >
                  {media.hidden
                    ? t('inboxExtra.moderation.showPhoto', { number })
                    : t('inboxExtra.moderation.hidePhoto', { number })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
