/**
 * The filtered inbox on the province map (GET /api/feedback/inbox/map): MapLibre clusters
 * the points in its worker; a cluster zooms in when chosen, a report opens a popup linking
 * to its page. Colours tell lateness, and the legend says each in words with its count (the
 * list view is the full text alternative). Loaded on demand, with MapLibre.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Map as MapLibreMap, NavigationControl, Popup, setWorkerUrl } from 'maplibre-gl';
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { boundsOf, useBoundaries } from '../../shared/map/boundaries';
import { mapStyle } from '../../shared/map/map-style';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { STATUS_KEY } from '../feedback/StatusBadge';
import { fetchInboxMap, type InboxMapFeed, type InboxMapQuery } from './inbox-api';

setWorkerUrl(workerUrl);

type Lateness = InboxMapFeed['features'][number]['properties']['lateness'];

const SOURCE = 'inbox-reports';
const CLUSTERS = 'inbox-report-clusters';
const POINTS = 'inbox-report-points';
const EMPTY: InboxMapFeed = { type: 'FeatureCollection', features: [], cap: 0, truncated: false };
const LATENESS: readonly Lateness[] = ['on_time', 'due_soon', 'overdue'];
// Dark enough on the light base map, and apart in lightness as well as hue.
const COLOR: Record<Lateness, string> = {
  on_time: '#1b7a4a',
  due_soon: '#b26a00',
  overdue: '#b3261e',
};
const LABEL: Record<Lateness, MessageKey> = {
  on_time: 'inboxExtra.map.onTime',
  due_soon: 'inboxExtra.map.dueSoon',
  overdue: 'inboxExtra.map.overdue',
};

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function pointBounds(feed: InboxMapFeed): [number, number, number, number] | null {
  if (feed.features.length === 0) return null;
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of feed.features) {
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    bounds[0] = Math.min(bounds[0], lon);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lon);
    bounds[3] = Math.max(bounds[3], lat);
  }
  return bounds;
}

export interface InboxMapProps {
  query: InboxMapQuery;
  provinceCode: string;
  tileUrl: string | null;
}

export default function InboxMap({ query, provinceCode, tileUrl }: InboxMapProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const boundaries = useBoundaries(provinceCode);
  const reports = useQuery({
    queryKey: ['feedback-inbox', 'map', query],
    queryFn: () => fetchInboxMap(query),
  });
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  // Read by the map's handlers without rebuilding the map when the language changes.
  const label = t('inboxExtra.map.label');
  const words = useRef({ t, navigate, label });
  words.current = { t, navigate, label };

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
      setMapFailed(true);
      return;
    }
    mapRef.current = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.getCanvas().setAttribute('aria-label', words.current.label);
    const popup = new Popup({ className: 'map-popup inbox-map-popup', maxWidth: '18rem' });

    map.on('load', () => {
      map.addSource(SOURCE, {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 14,
        clusterProperties: {
          overdue: ['+', ['case', ['==', ['get', 'lateness'], 'overdue'], 1, 0]],
          dueSoon: ['+', ['case', ['==', ['get', 'lateness'], 'due_soon'], 1, 0]],
        },
      });
      map.addLayer({
        id: CLUSTERS,
        type: 'circle',
        source: SOURCE,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': [
            'case',
            ['>', ['get', 'overdue'], 0],
            COLOR.overdue,
            ['>', ['get', 'dueSoon'], 0],
            COLOR.due_soon,
            COLOR.on_time,
          ],
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 10, 10, 14, 100, 19, 1000, 25],
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      map.addLayer({
        id: POINTS,
        type: 'circle',
        source: SOURCE,
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': [
            'match',
            ['get', 'lateness'],
            'overdue',
            COLOR.overdue,
            'due_soon',
            COLOR.due_soon,
            COLOR.on_time,
          ],
          'circle-radius': 7,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.5,
        },
      });
      setReady(true);
    });

    map.on('click', CLUSTERS, (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      const source = map.getSource<GeoJSONSource>(SOURCE);
      if (!feature || !source || feature.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void source
        .getClusterExpansionZoom(Number(feature.properties.cluster_id))
        .then((zoom) => map.easeTo({ center, zoom }));
    });
    map.on('click', POINTS, (event: MapLayerMouseEvent) => {
      const feature = event.features?.[0];
      if (!feature || feature.geometry.type !== 'Point') return;
      const { t: tr, navigate: go } = words.current;
      const code = String(feature.properties.trackingCode);
      const status = String(feature.properties.status) as keyof typeof STATUS_KEY;
      const lateness = String(feature.properties.lateness) as Lateness;
      // Built from text nodes, never HTML: the category name is data.
      const body = document.createElement('div');
      const link = document.createElement('a');
      link.href = `/console/phan-anh/${encodeURIComponent(code)}`;
      link.textContent = tr('inboxExtra.map.open', { code });
      link.addEventListener('click', (click) => {
        click.preventDefault();
        popup.remove();
        void go(`/console/phan-anh/${encodeURIComponent(code)}`);
      });
      const heading = document.createElement('p');
      heading.append(link);
      const facts = document.createElement('p');
      facts.textContent = [
        String(feature.properties.categoryName),
        STATUS_KEY[status] ? tr(STATUS_KEY[status]) : status,
        LABEL[lateness] ? tr(LABEL[lateness]) : lateness,
      ].join(' · ');
      body.append(heading, facts);
      popup
        .setLngLat(feature.geometry.coordinates as [number, number])
        .setDOMContent(body)
        .addTo(map);
      link.focus();
    });
    for (const layer of [CLUSTERS, POINTS]) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }

    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [boundaries.data, tileUrl]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label, ready]);

  // New points: drawn, and brought into view (a single report is shown up close).
  useEffect(() => {
    const map = mapRef.current;
    const source = map?.getSource<GeoJSONSource>(SOURCE);
    if (!map || !ready || !source || !reports.data) return;
    void source.setData(reports.data);
    const bounds = pointBounds(reports.data);
    if (bounds) {
      map.fitBounds(bounds, {
        padding: 48,
        maxZoom: 15,
        duration: prefersReducedMotion() ? 0 : 600,
      });
    }
  }, [ready, reports.data]);

  const counts = useMemo(() => {
    const byLateness: Record<Lateness, number> = { on_time: 0, due_soon: 0, overdue: 0 };
    for (const feature of reports.data?.features ?? []) byLateness[feature.properties.lateness]++;
    return byLateness;
  }, [reports.data]);

  if (boundaries.isPending) return <Loading label={t('map.loading')} />;
  if (boundaries.error) {
    return (
      <Alert kind="error" error={boundaries.error}>
        <p>{t('map.failed')}</p>
      </Alert>
    );
  }
  const total = reports.data?.features.length ?? 0;
  return (
    <div className="inbox-map">
      {mapFailed ? (
        <p className="province-map-fallback">{t('map.noWebgl')}</p>
      ) : (
        <div ref={containerRef} className="province-map-canvas" data-testid="inbox-map" />
      )}
      {reports.error ? (
        <Alert kind="error" error={reports.error}>
          <p>{t('inboxExtra.map.failed')}</p>
        </Alert>
      ) : null}
      {reports.isPending ? <Loading label={t('inboxExtra.map.loading')} /> : null}
      {reports.data ? (
        <p role="status" className="muted">
          {total === 0
            ? t('feedbackInbox.empty')
            : t('inboxExtra.map.count', { count: formatNumber(total, locale) })}
          {reports.data.truncated
            ? ` ${t('inboxExtra.map.truncated', { cap: formatNumber(reports.data.cap, locale) })}`
            : ''}
        </p>
      ) : null}
      <ul className="province-map-legend" aria-label={t('map.legend')}>
        {LATENESS.map((lateness) => (
          <li key={lateness} data-lateness={lateness}>
            <span
              className="province-map-swatch"
              style={{ background: COLOR[lateness] }}
              aria-hidden="true"
            />
            {t(LABEL[lateness])}: {formatNumber(counts[lateness], locale)}
          </li>
        ))}
      </ul>
      <p className="province-map-instructions">{t('inboxExtra.map.instructions')}</p>
    </div>
  );
}
