/**
 * The commune map with a pin: tap the map or drag the pin to say where the problem is. For
 * keyboard users the map pans with the arrows and a button drops the pin at its centre.
 * Loaded on demand (it imports MapLibre).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../../shared/i18n/i18n';
import { boundsOf, useBoundaries } from '../../shared/map/boundaries';
import { mapStyle } from '../../shared/map/map-style';
import { Loading } from '../../shared/ui/Loading';

setWorkerUrl(workerUrl);

export interface Point {
  lat: number;
  lon: number;
}

export interface PointMapProps {
  provinceCode: string;
  tileUrl: string | null;
  point: Point | null;
  onPick: (point: Point) => void;
}

export default function PointMap({ provinceCode, tileUrl, point, onPick }: PointMapProps) {
  const { t } = useI18n();
  const boundaries = useBoundaries(provinceCode);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markerRef = useRef<Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [failed, setFailed] = useState(false);
  const instructionsId = useId();

  useEffect(() => {
    const container = containerRef.current;
    const data = boundaries.data;
    if (!container || !data) return;
    let map: MapLibreMap;
    try {
      const bounds = boundsOf(data.features);
      map = new MapLibreMap({
        container,
        style: mapStyle(data, tileUrl, 'light'),
        ...(bounds ? { bounds, fitBoundsOptions: { padding: 16 } } : {}),
        attributionControl: tileUrl ? { compact: true } : false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        renderWorldCopies: false,
      });
    } catch {
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.getCanvas().setAttribute('aria-describedby', instructionsId);
    map.on('click', (event) => pick.current({ lat: event.lngLat.lat, lon: event.lngLat.lng }));
    return () => {
      markerRef.current?.remove();
      markerRef.current = null;
      map.remove();
      mapRef.current = null;
    };
  }, [boundaries.data, tileUrl, instructionsId]);

  useEffect(() => {
    const map = mapRef.current;
    map?.getCanvas().setAttribute('aria-label', t('feedback.where.mapLabel'));
  });

  // The pin follows the chosen point, wherever it came from (GPS, tap, drag).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !point) return;
    if (!markerRef.current) {
      const marker = new Marker({ draggable: true, color: '#a4262c' });
      marker.on('dragend', () => {
        const at = marker.getLngLat();
        pick.current({ lat: at.lat, lon: at.lng });
      });
      markerRef.current = marker;
    }
    markerRef.current.setLngLat([point.lon, point.lat]).addTo(map);
    const element = markerRef.current.getElement();
    element.setAttribute('aria-label', t('feedback.where.pin'));
  }, [point, t, boundaries.data]);

  if (boundaries.isPending) return <Loading label={t('map.loading')} />;
  if (failed || boundaries.error) return <p className="note">{t('map.noWebgl')}</p>;

  const pinAtCentre = (): void => {
    const centre = mapRef.current?.getCenter();
    if (centre) onPick({ lat: centre.lat, lon: centre.lng });
  };

  return (
    <div className="feedback-map">
      <div ref={containerRef} className="feedback-map-canvas" data-testid="feedback-map" />
      <p id={instructionsId} className="note">
        {t('feedback.where.mapHelp')}
      </p>
      <button type="button" className="button button-secondary" onClick={pinAtCentre}>
        {t('feedback.where.pinCentre')}
      </button>
    </div>
  );
}
