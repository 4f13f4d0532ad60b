/**
 * The open citizen reports on the province map: MapLibre clusters the points in its worker
 * (GeoJSON source clustering), so tens of thousands of reports stay smooth. A cluster takes
 * the colour of its latest report (overdue before due soon before on time); single reports
 * take their own. The legend says each colour in words with its count, which is also the
 * text alternative of the drawing. Loaded on demand with MapLibre.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../shared/i18n/i18n';
import { formatNumber } from '../shared/i18n/format';
import { boundsOf, useBoundaries } from '../shared/map/boundaries';
import { mapStyle } from '../shared/map/map-style';
import { Alert } from '../shared/ui/Alert';
import { Loading } from '../shared/ui/Loading';
import { LATENESS_COLOR, LATENESS_LABEL, LATENESS_ORDER } from './lateness';
import { useReportsMap, type ReportsFeed } from './useReportsMap';

setWorkerUrl(workerUrl);

const SOURCE = 'open-reports';
const EMPTY: ReportsFeed = { type: 'FeatureCollection', features: [], cap: 0, truncated: false };

const isLate = (lateness: string): ExpressionSpecification => [
  'case',
  ['==', ['get', 'lateness'], lateness],
  1,
  0,
];

// Worst lateness first: a cluster holding one overdue report is shown as overdue.
const clusterColor: ExpressionSpecification = [
  'case',
  ['>', ['get', 'overdue'], 0],
  LATENESS_COLOR.overdue,
  ['>', ['get', 'dueSoon'], 0],
  LATENESS_COLOR.due_soon,
  LATENESS_COLOR.on_time,
];

export interface ReportsMapProps {
  provinceCode: string;
  tileUrl: string | null;
}

export default function ReportsMap({ provinceCode, tileUrl }: ReportsMapProps) {
  const { t, locale } = useI18n();
  const boundaries = useBoundaries(provinceCode);
  const reports = useReportsMap();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  const label = t('opsFeedback.mapLabel');
  const labelRef = useRef(label);
  labelRef.current = label;

  useEffect(() => {
    const container = containerRef.current;
    const data = boundaries.data;
    if (!container || !data) return;
    let map: MapLibreMap;
    try {
      const bounds = boundsOf(data.features);
      map = new MapLibreMap({
        container,
        style: mapStyle(data, tileUrl, 'dark'),
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
    map.getCanvas().setAttribute('aria-label', labelRef.current);
    map.on('load', () => {
      map.addSource(SOURCE, {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 14,
        clusterProperties: {
          overdue: ['+', isLate('overdue')],
          dueSoon: ['+', isLate('due_soon')],
        },
      });
      map.addLayer({
        id: 'open-report-clusters',
        type: 'circle',
        source: SOURCE,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': clusterColor,
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 10, 10, 14, 100, 19, 1000, 25],
          'circle-stroke-color': '#0c1f2e',
          'circle-stroke-width': 2,
        },
      });
      map.addLayer({
        id: 'open-report-points',
        type: 'circle',
        source: SOURCE,
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': [
            'match',
            ['get', 'lateness'],
            'overdue',
            LATENESS_COLOR.overdue,
            'due_soon',
            LATENESS_COLOR.due_soon,
            LATENESS_COLOR.on_time,
          ],
          'circle-radius': 6,
          'circle-stroke-color': '#0c1f2e',
          'circle-stroke-width': 1.5,
        },
      });
      setReady(true);
    });
    return () => {
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, [boundaries.data, tileUrl]);

  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', label);
  }, [label, ready]);

  useEffect(() => {
    const source = mapRef.current?.getSource<GeoJSONSource>(SOURCE);
    if (ready && source && reports.data) void source.setData(reports.data);
  }, [ready, reports.data]);

  const counts = useMemo(() => {
    const byLateness = { on_time: 0, due_soon: 0, overdue: 0 };
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
  return (
    <div className="province-map province-map-dark">
      <div className="province-map-canvas-wrap">
        {mapFailed ? (
          <p className="province-map-fallback">{t('map.noWebgl')}</p>
        ) : (
          <div ref={containerRef} className="province-map-canvas" data-testid="reports-map" />
        )}
        {reports.error && !reports.data ? (
          <Alert kind="error" error={reports.error}>
            <p>{t('opsFeedback.mapFailed')}</p>
          </Alert>
        ) : null}
        {reports.isPending ? <Loading label={t('opsFeedback.loading')} /> : null}
        <ul
          className="province-map-legend"
          aria-label={`${t('map.legend')}: ${t('opsFeedback.mapTitle')}`}
        >
          {LATENESS_ORDER.map((lateness) => (
            <li key={lateness} data-lateness={lateness}>
              <span
                className="province-map-swatch"
                style={{ background: LATENESS_COLOR[lateness] }}
                aria-hidden="true"
              />
              {t(LATENESS_LABEL[lateness])}: {formatNumber(counts[lateness], locale)}
            </li>
          ))}
        </ul>
        {reports.data?.truncated ? (
          <p role="status">
            {t('opsFeedback.mapTruncated', { cap: formatNumber(reports.data.cap, locale) })}
          </p>
        ) : null}
      </div>
    </div>
  );
}
