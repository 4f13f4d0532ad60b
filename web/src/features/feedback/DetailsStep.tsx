/**
 * Step 3, details: the description (with a counter), photos and a video, who is reporting
 * (anonymously where the category allows it), similar reports nearby, and a summary.
 */
import { useI18n } from '../../shared/i18n/i18n';
import type { Category } from './feedback-api';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, type Draft, type Problems } from './draft';
import { NearbyNotice } from './NearbyNotice';
import { PhotoPicker } from './PhotoPicker';
import { Field } from '../../shared/ui/Field';

interface DetailsStepProps {
  draft: Draft;
  category: Category;
  problems: Problems;
  signedIn: boolean;
  update: (change: Partial<Draft>) => void;
}

export function DetailsStep({ draft, category, problems, signedIn, update }: DetailsStepProps) {
  const { t, locale } = useI18n();
  const length = draft.description.trim().length;
  const anonymous = draft.anonymous && category.allowAnonymous;
  const describedBy = [
    'feedback-description-count',
    problems.description ? 'feedback-description-error' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="form">
      {draft.point ? (
        <NearbyNotice
          categoryCode={category.code}
          lat={draft.point.lat}
          lon={draft.point.lon}
          email={draft.email}
        />
      ) : null}
      <div className={`field${problems.description ? ' field-invalid' : ''}`}>
        <label htmlFor="feedback-description">
          {t('feedback.details.description')}
          <span className="feedback-required"> {t('feedback.required')}</span>
        </label>
        <textarea
          id="feedback-description"
          rows={6}
          maxLength={DESCRIPTION_MAX}
          required
          value={draft.description}
          aria-invalid={problems.description ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => update({ description: event.target.value })}
        />
        <p id="feedback-description-count" className="field-hint">
          {t('feedback.details.counter', {
            count: length,
            min: DESCRIPTION_MIN,
            max: DESCRIPTION_MAX,
          })}
        </p>
        {problems.description ? (
          <p id="feedback-description-error" className="field-error">
            <span aria-hidden="true">⚠ </span>
            {problems.description}
          </p>
        ) : null}
      </div>
      <PhotoPicker
        photos={draft.photos}
        video={draft.video}
        error={problems.photo ?? problems.video}
        onChange={(change) => update(change)}
      />
      <fieldset className="field">
        <legend>{t('feedback.details.who')}</legend>
        {category.allowAnonymous ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.anonymous}
              onChange={(event) => update({ anonymous: event.target.checked })}
            />
            {t('feedback.details.anonymous')}
          </label>
        ) : (
          <p className="note">{t('feedback.details.noAnonymous')}</p>
        )}
        {problems.anonymous ? <p className="field-error">{problems.anonymous}</p> : null}
        {anonymous ? (
          <p className="note">{t('feedback.details.anonymousNote')}</p>
        ) : (
          <>
            <p className="note">
              {signedIn ? t('feedback.details.signedInNote') : t('feedback.details.contactNote')}
            </p>
            <Field
              label={t('feedback.details.name')}
              name="name"
              autoComplete="name"
              optional
              maxLength={120}
              value={draft.name}
              onChange={(event) => update({ name: event.target.value })}
              error={problems['reporter.name']}
            />
            <Field
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="email"
              maxLength={254}
              value={draft.email}
              onChange={(event) => update({ email: event.target.value })}
              error={problems['reporter.email']}
            />
            <Field
              label={t('auth.phone')}
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={32}
              value={draft.phone}
              onChange={(event) => update({ phone: event.target.value })}
              error={problems['reporter.phone']}
            />
          </>
        )}
      </fieldset>
      <section className="panel" aria-labelledby="feedback-summary-title">
        <h3 id="feedback-summary-title">{t('feedback.summary.title')}</h3>
        <dl className="facts">
          <dt>{t('feedback.summary.where')}</dt>
          <dd>
            {draft.commune ? (locale === 'en' ? draft.commune.nameEn : draft.commune.fullName) : ''}
            {draft.address.trim() ? ` — ${draft.address.trim()}` : ''}
          </dd>
          <dt>{t('feedback.summary.what')}</dt>
          <dd>{locale === 'en' ? category.nameEn : category.name}</dd>
          <dt>{t('feedback.summary.media')}</dt>
          <dd>
            {t('feedback.summary.mediaCount', {
              photos: draft.photos.length,
              videos: draft.video ? 1 : 0,
            })}
          </dd>
          <dt>{t('feedback.summary.who')}</dt>
          <dd>
            {anonymous
              ? t('feedback.details.anonymous')
              : [draft.name, draft.email, draft.phone].filter((part) => part.trim()).join(', ') ||
                t('profile.none')}
          </dd>
        </dl>
      </section>
    </div>
  );
}
