/** Up to five photos and one short video, with previews and a remove button for each. */
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { MAX_PHOTOS } from './draft';

interface PhotoPickerProps {
  photos: File[];
  video: File | null;
  error: string | undefined;
  onChange: (change: { photos?: File[]; video?: File | null }) => void;
}

export function PhotoPicker({ photos, video, error, onChange }: PhotoPickerProps) {
  const { t } = useI18n();
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor="feedback-photos">
        {t('feedback.details.photos', { max: MAX_PHOTOS })}
        <span className="field-optional"> {t('form.optional')}</span>
      </label>
      <input
        id="feedback-photos"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/heic"
        multiple
        disabled={photos.length >= MAX_PHOTOS}
        aria-describedby={error ? 'feedback-photos-error' : undefined}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          onChange({ photos: [...photos, ...chosen].slice(0, MAX_PHOTOS) });
          event.target.value = '';
        }}
      />
      {photos.length > 0 ? (
        <ul className="feedback-previews" aria-label={t('feedback.details.chosenPhotos')}>
          {photos.map((photo, index) => (
            <li key={`${photo.name}-${index}`}>
              <img src={previews[index]} alt={photo.name} />
              <button
                type="button"
                className="button button-secondary"
                onClick={() => onChange({ photos: photos.filter((_, other) => other !== index) })}
              >
                {t('feedback.details.removePhoto', { name: photo.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id="feedback-photos-error" className="field-error">
          {error}
        </p>
      ) : null}
      <label htmlFor="feedback-video">
        {t('feedback.details.video')}
        <span className="field-optional"> {t('form.optional')}</span>
      </label>
      {video ? (
        <p className="feedback-video">
          {video.name}{' '}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => onChange({ video: null })}
          >
            {t('feedback.details.removeVideo')}
          </button>
        </p>
      ) : null}
      <input
        id="feedback-video"
        type="file"
        accept="video/mp4,video/webm,video/quicktime"
        onChange={(event) => {
          onChange({ video: event.target.files?.[0] ?? null });
          event.target.value = '';
        }}
      />
    </div>
  );
}
