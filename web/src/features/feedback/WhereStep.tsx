/**
 * Step 1, where: the device's position, a pin on the commune map, and an address in words
 * kept with the point. The commune containing the point is looked up and shown; a point
 * outside the province is refused here, before anything is written.
 */
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { usePublicConfig } from '../../shared/api/public-config';
import { ApiError } from '../../shared/api/api-error';
import { errorText } from '../../shared/api/error-text';
import { Loading } from '../../shared/ui/Loading';
import { locate } from './feedback-api';
import type { Draft, Problems } from './draft';
import type { Point } from './PointMap';

const PointMap = lazy(() => import('./PointMap'));

interface WhereStepProps {
  draft: Draft;
  problems: Problems;
  update: (change: Partial<Draft>) => void;
}

export function WhereStep({ draft, problems, update }: WhereStepProps) {
  const { t, locale } = useI18n();
  const config = usePublicConfig();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const choose = async (point: Point): Promise<void> => {
    update({ point, commune: null });
    setMessage(null);
    setBusy(true);
    try {
      const found = await locate(point.lat, point.lon);
      update({ point, commune: found.commune });
    } catch (error) {
      setMessage(
        error instanceof ApiError && error.status === 404
          ? t('feedback.where.outside')
          : errorText(error, locale, t),
      );
    } finally {
      setBusy(false);
    }
  };

  const useMyPosition = (): void => {
    if (!('geolocation' in navigator)) {
      setMessage(t('feedback.where.noGeolocation'));
      return;
    }
    setBusy(true);
    setMessage(null);
    navigator.geolocation.getCurrentPosition(
      (position) => void choose({ lat: position.coords.latitude, lon: position.coords.longitude }),
      () => {
        setBusy(false);
        setMessage(t('feedback.where.geolocationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const problem = message ?? problems.location ?? problems.lat ?? problems.lon;
  return (
    <div className="form">
      <button
        type="button"
        className="button"
        onClick={useMyPosition}
        disabled={busy}
        aria-describedby={problem ? 'feedback-location-error' : undefined}
      >
        <span aria-hidden="true">📍 </span>
        {t('feedback.where.useMyPosition')}
      </button>
      <div className="feedback-location" aria-live="polite">
        {busy ? <Loading label={t('feedback.where.locating')} /> : null}
        {draft.point && draft.commune ? (
          <p className="feedback-commune">
            <span aria-hidden="true">✔ </span>
            {t('feedback.where.commune', {
              commune: locale === 'en' ? draft.commune.nameEn : draft.commune.fullName,
            })}
            <span className="note">
              {' '}
              ({draft.point.lat.toFixed(5)}, {draft.point.lon.toFixed(5)})
            </span>
          </p>
        ) : null}
        {problem && !busy ? (
          <p id="feedback-location-error" className="field-error" role="alert">
            <span aria-hidden="true">⚠ </span>
            {problem}
          </p>
        ) : null}
      </div>
      {config.data ? (
        <Suspense fallback={<Loading label={t('map.loading')} />}>
          <PointMap
            provinceCode={config.data.provinceCode}
            tileUrl={config.data.mapTileUrl}
            point={draft.point}
            onPick={(point) => void choose(point)}
          />
        </Suspense>
      ) : null}
      <div className={`field${problems.address ? ' field-invalid' : ''}`}>
        <label htmlFor="feedback-address">
          {t('feedback.where.address')}
          <span className="field-optional"> {t('form.optional')}</span>
        </label>
        <p id="feedback-address-hint" className="field-hint">
          {t('feedback.where.addressHint')}
        </p>
        <input
          id="feedback-address"
          maxLength={300}
          autoComplete="street-address"
          value={draft.address}
          aria-describedby="feedback-address-hint"
          onChange={(event) => update({ address: event.target.value })}
        />
        {problems.address ? <p className="field-error">{problems.address}</p> : null}
      </div>
    </div>
  );
}
