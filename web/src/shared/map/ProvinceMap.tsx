/**
 * The province map: MapLibre GL drawing the commune boundaries on a plain sea background,
 * plus raster tiles when the platform is configured with a tile URL. It is keyboard
 * operable (the canvas is focusable and named; arrows pan, + and − zoom) and comes with a
 * text alternative: the filterable list of units, which also selects a unit on the map.
 * This file is the only one importing MapLibre, so the library loads only with a map.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl } from 'maplibre-gl';
import type { MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../i18n/i18n';
import { Alert } from '../ui/Alert';
import { Loading } from '../ui/Loading';
import {
  KIND_LABEL,
  boundsOf,
  foldVietnamese,
  useBoundaries,
  type CommuneFeature,
} from './boundaries';
import { COMMUNE_FILL, COMMUNE_SOURCE, PALETTES, mapStyle, type MapTheme } from './map-style';

// The worker is a separate hashed file of the build, served by the platform itself.
setWorkerUrl(workerUrl);

export interface ProvinceMapProps {
  provinceCode: string;
  provinceName: string;
  tileUrl: string | null;
  theme?: MapTheme;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

interface MapNames {
  label: string;
  zoomIn: string;
  zoomOut: string;
}

/** Gives the canvas and the zoom buttons their names in the reader's language. */
function nameMap(map: MapLibreMap, names: MapNames, instructionsId: string): void {
  const canvas = map.getCanvas();
  canvas.setAttribute('aria-label', names.label);
  canvas.setAttribute('aria-describedby', instructionsId);
  const container = map.getContainer();
  for (const [selector, name] of [
    ['.maplibregl-ctrl-zoom-in', names.zoomIn],
    ['.maplibregl-ctrl-zoom-out', names.zoomOut],
  ] as const) {
    const button = container.querySelector(selector);
    button?.setAttribute('aria-label', name);
    button?.setAttribute('title', name);
  }
}

export default function ProvinceMap({
  provinceCode,
  provinceName,
  tileUrl,
  theme = 'light',
}: ProvinceMapProps) {
  const { t } = useI18n();
  const boundaries = useBoundaries(provinceCode);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const instructionsId = useId();
  const listId = useId();
  const label = t('map.label', { province: provinceName });
  // Read by the map-building effect without rebuilding the map when the language changes.
  const names = useRef({ label, zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
  names.current = { label, zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') };

  const features = useMemo<CommuneFeature[]>(
    () =>
      [...(boundaries.data?.features ?? [])].sort((a, b) =>
        a.properties.name.localeCompare(b.properties.name, 'vi'),
      ),
    [boundaries.data],
  );
  const byCode = useMemo(
    () => new Map(features.map((feature) => [feature.properties.code, feature])),
    [features],
  );
  const shown = useMemo(() => {
    const wanted = foldVietnamese(filter);
    return wanted === ''
      ? features
      : features.filter((feature) => foldVietnamese(feature.properties.name).includes(wanted));
  }, [features, filter]);

  // Builds the map once the boundaries are here; rebuilt only if the style inputs change.
  useEffect(() => {
    const container = containerRef.current;
    const data = boundaries.data;
    if (!container || !data) return;
    let map: MapLibreMap;
    try {
      const bounds = boundsOf(data.features);
      map = new MapLibreMap({
        container,
        style: mapStyle(data, tileUrl, theme),
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 16 } } : {}),
        attributionControl: tileUrl ? { compact: true } : false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        renderWorldCopies: false,
      });
    } catch {
      // No WebGL (old device, disabled GPU): the list remains the way in.
      setMapFailed(true);
      return;
    }
    mapRef.current = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    nameMap(map, names.current, instructionsId);

    const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'map-popup' });
    let hovered: string | null = null;
    const setHover = (code: string | null): void => {
      if (hovered) map.setFeatureState({ source: COMMUNE_SOURCE, id: hovered }, { hover: false });
      hovered = code;
      if (code) map.setFeatureState({ source: COMMUNE_SOURCE, id: code }, { hover: true });
    };
    map.on('mousemove', COMMUNE_FILL, (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature) return;
      const code = String(feature.properties.code);
      map.getCanvas().style.cursor = 'pointer';
      if (code !== hovered) setHover(code);
      popup.setLngLat(event.lngLat).setText(String(feature.properties.name)).addTo(map);
    });
    map.on('mouseleave', COMMUNE_FILL, () => {
      map.getCanvas().style.cursor = '';
      setHover(null);
      popup.remove();
    });
    map.on('click', COMMUNE_FILL, (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (feature) setSelected(String(feature.properties.code));
    });
    map.on('load', () => setReady(true));

    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [boundaries.data, tileUrl, theme, instructionsId]);

  // The canvas is the focusable map; its name and the controls' names follow the language.
  useEffect(() => {
    const map = mapRef.current;
    if (map) nameMap(map, names.current, instructionsId);
  }, [ready, label, instructionsId, t]);

  // Shows the selected unit: highlighted and brought into view.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready || !selected) return;
    map.removeFeatureState({ source: COMMUNE_SOURCE });
    map.setFeatureState({ source: COMMUNE_SOURCE, id: selected }, { selected: true });
    const feature = byCode.get(selected);
    const bounds = feature ? boundsOf([feature]) : null;
    if (bounds) {
      map.fitBounds(bounds, {
        padding: 48,
        maxZoom: 12,
        duration: prefersReducedMotion() ? 0 : 600,
      });
    }
  }, [selected, ready, byCode]);

  if (boundaries.isPending) return <Loading label={t('map.loading')} />;
  if (boundaries.error) {
    return (
      <Alert kind="error" error={boundaries.error}>
        <p>{t('map.failed')}</p>
      </Alert>
    );
  }

  const current = selected ? byCode.get(selected) : undefined;
  return (
    <div className={`province-map province-map-${theme}`}>
      <div className="province-map-canvas-wrap">
        {mapFailed ? (
          <p className="province-map-fallback">{t('map.noWebgl')}</p>
        ) : (
          <div ref={containerRef} className="province-map-canvas" data-testid="province-map" />
        )}
        <ul className="province-map-legend" aria-label={t('map.legend')}>
          {(
            [
              ['ward', PALETTES[theme].ward],
              ['commune', PALETTES[theme].commune],
              ['special_zone', PALETTES[theme].specialZone],
            ] as const
          ).map(([kind, color]) => (
            <li key={kind}>
              <span
                className="province-map-swatch"
                style={{ background: color }}
                aria-hidden="true"
              />
              {t(KIND_LABEL[kind])}
            </li>
          ))}
        </ul>
        <p id={instructionsId} className="province-map-instructions">
          {t('map.instructions')}
        </p>
      </div>
      <div className="province-map-side">
        <div className="province-map-selected" aria-live="polite">
          {current ? (
            <>
              <h3>{t('map.selected')}</h3>
              <p className="province-map-selected-name">{current.properties.name}</p>
              <dl className="facts">
                <dt>{t('map.kind')}</dt>
                <dd>{t(KIND_LABEL[current.properties.kind])}</dd>
                <dt>{t('map.code')}</dt>
                <dd>{current.properties.code}</dd>
              </dl>
            </>
          ) : null}
        </div>
        <h3 id={listId}>{t('map.list')}</h3>
        <div className="field">
          <label htmlFor={`${listId}-filter`}>{t('map.filter')}</label>
          <input
            id={`${listId}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            aria-controls={`${listId}-items`}
          />
        </div>
        <p className="province-map-count" role="status">
          {shown.length === 0 ? t('map.noMatch') : t('map.count', { count: shown.length })}
        </p>
        <ul id={`${listId}-items`} className="commune-list" aria-labelledby={listId}>
          {shown.map((feature) => (
            <li key={feature.properties.code}>
              <button
                type="button"
                aria-pressed={feature.properties.code === selected}
                onClick={() => setSelected(feature.properties.code)}
              >
                <span className="commune-name">{feature.properties.name}</span>
                <span className="commune-kind">{t(KIND_LABEL[feature.properties.kind])}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
