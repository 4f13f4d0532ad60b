/**
 * The public map of citizen reports. MapLibre clusters the points in its worker (GeoJSON
 * source clustering) and draws them as circles on the GPU: no DOM element per report, so
 * twenty thousand points stay smooth on a phone. A cluster takes the colour of its most
 * urgent report; a click on a cluster zooms into it, a click on a report shows it beside the
 * map. The legend says each colour in words with its count.
 *
 * When the reports are drawn the map element carries `data-loaded="true"` and
 * `data-report-count`, and the page gets the performance mark `tinhso:reports-map-drawn`: a
 * load-time benchmark waits for the first and reads the time from the second.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl } from 'maplibre-gl';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LngLatBoundsLike,
  MapGeoJSONFeature,
  MapLayerMouseEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { boundsOf, useBoundaries, type Boundaries } from '../../shared/map/boundaries';
import { COMMUNE_SOURCE } from '../../shared/map/map-style';
import { mapStyle } from '../../shared/map/map-style';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { TONES, TONE_COLOR, TONE_LABEL, URGENCY, markersOf, type Markers } from './map-filters';
import type { MapFeed } from './public-api';
import { MapReportPanel } from './MapReportPanel';
import { MapInViewList } from './MapInViewList';
import { inViewItems, sameItems, type InViewItem } from './map-in-view';

setWorkerUrl(workerUrl);
// The worker starts loading now, while the boundaries and the points are still on their way,
// rather than when the map is created.
prewarm();

const SOURCE = 'public-reports';
const CLUSTERS = 'public-report-clusters';
const POINTS = 'public-report-points';
/** The performance mark set each time the map has drawn its reports. */
const DRAWN_MARK = 'tinhso:reports-map-drawn';
const EMPTY: Markers = { type: 'FeatureCollection', features: [] };
const NO_BOUNDARIES: Boundaries = { type: 'FeatureCollection', features: [] };
// Vietnam, until the province's own boundaries arrive and the map fits them.
const COUNTRY: LngLatBoundsLike = [102.1, 8.4, 109.5, 23.4];

// A cluster takes the colour of its most urgent report: one overdue report among a hundred
// makes the cluster overdue. One number per point and one `max` keep the clustering, done
// for ten thousand points on every zoom level, cheap.
const clusterColor: ExpressionSpecification = [
  'match',
  ['get', 'urgency'],
  URGENCY.overdue,
  TONE_COLOR.overdue,
  URGENCY.due_soon,
  TONE_COLOR.due_soon,
  URGENCY.on_time,
  TONE_COLOR.on_time,
  TONE_COLOR.closed,
];

const pointColor: ExpressionSpecification = [
  'match',
  ['get', 'tone'],
  'overdue',
  TONE_COLOR.overdue,
  'due_soon',
  TONE_COLOR.due_soon,
  'on_time',
  TONE_COLOR.on_time,
  TONE_COLOR.closed,
];

interface MapNames {
  label: string;
  zoomIn: string;
  zoomOut: string;
}

/** Names the canvas and the zoom buttons in the reader's language. */
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

/** Zooms the map into a group, as far as it takes to split it. */
function zoomInto(map: MapLibreMap, clusterId: number, centre: [number, number]): void {
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (!source) return;
  void source.getClusterExpansionZoom(clusterId).then((zoom) => {
    map.easeTo({ center: centre, zoom });
  });
}

export interface PublicReportsMapProps {
  provinceCode: string;
  tileUrl: string | null;
  feed: { data?: MapFeed; error: unknown; isPending: boolean; isFetching: boolean };
}

export default function PublicReportsMap({ provinceCode, tileUrl, feed }: PublicReportsMapProps) {
  const { t, locale } = useI18n();
  const boundaries = useBoundaries(provinceCode);
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [mapFailed, setMapFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  /** How many reports the map has finished drawing; null while it is still at work. */
  const [drawn, setDrawn] = useState<number | null>(null);
  /** The groups and reports in view, for the list beside the map. */
  const [inView, setInView] = useState<InViewItem[]>([]);
  // After a group is zoomed into from the list, the focus moves to the list's heading, since
  // the button that had it is gone.
  const inViewHeading = useRef<HTMLHeadingElement>(null);
  const focusListAfterMove = useRef(false);
  const instructionsId = useId();
  const names = useRef<MapNames>({ label: '', zoomIn: '', zoomOut: '' });
  names.current = {
    label: t('feedbackPublic.map.label'),
    zoomIn: t('map.zoomIn'),
    zoomOut: t('map.zoomOut'),
  };

  const shown = useMemo(() => (feed.data ? markersOf(feed.data) : null), [feed.data]);
  // The markers as the map's load handler finds them: when the feed came first, the source
  // starts with them and no second pass through the worker is needed.
  const shownRef = useRef(shown);
  shownRef.current = shown;
  /** The markers the source holds, so the same ones are never sent to the worker twice. */
  const placedRef = useRef<Markers | null>(null);
  // Likewise the boundaries: in the style from the start when they came before the map.
  const boundariesRef = useRef(boundaries.data);
  boundariesRef.current = boundaries.data;
  const placedBoundariesRef = useRef<Boundaries | null>(null);

  // The map starts as soon as this component does, without waiting for the boundaries: its
  // worker, style and canvas get ready while the boundaries and the points download.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const known = boundariesRef.current ?? null;
    placedBoundariesRef.current = known;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: mapStyle(known ?? NO_BOUNDARIES, tileUrl, 'light'),
        bounds: (known && boundsOf(known.features)) ?? COUNTRY,
        fitBoundsOptions: { padding: 16 },
        attributionControl: tileUrl ? { compact: true } : false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        renderWorldCopies: false,
      });
    } catch {
      // No WebGL: the legend, its counts and the list remain.
      setMapFailed(true);
      return;
    }
    mapRef.current = map;
    map.keyboard.disableRotation();
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    nameMap(map, names.current, instructionsId);

    map.on('load', () => {
      placedRef.current = shownRef.current?.markers ?? null;
      map.addSource(SOURCE, {
        type: 'geojson',
        data: placedRef.current ?? EMPTY,
        cluster: true,
        clusterRadius: 40,
        clusterMaxZoom: 14,
        clusterProperties: { urgency: ['max', ['get', 'urgency']] },
      });
      map.addLayer({
        id: CLUSTERS,
        type: 'circle',
        source: SOURCE,
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': clusterColor,
          'circle-opacity': 0.85,
          'circle-radius': ['step', ['get', 'point_count'], 11, 10, 15, 100, 20, 1000, 26],
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
          'circle-color': pointColor,
          'circle-radius': 7,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      });
      setReady(true);
    });

    const pointer = (): void => {
      map.getCanvas().style.cursor = 'pointer';
    };
    const plain = (): void => {
      map.getCanvas().style.cursor = '';
    };
    map.on('mouseenter', CLUSTERS, pointer);
    map.on('mouseleave', CLUSTERS, plain);
    map.on('mouseenter', POINTS, pointer);
    map.on('mouseleave', POINTS, plain);
    map.on('click', CLUSTERS, (event: MapLayerMouseEvent) => {
      const cluster: MapGeoJSONFeature | undefined = event.features?.[0];
      const clusterId = Number(cluster?.properties.cluster_id);
      if (!cluster || !Number.isFinite(clusterId) || cluster.geometry.type !== 'Point') return;
      zoomInto(map, clusterId, cluster.geometry.coordinates as [number, number]);
    });
    // Once the map rests, the list beside it names what is drawn: in a task of its own, so
    // the other listeners of the same moment (the drawn mark) are not kept waiting.
    const listDrawn = (): void => {
      if (mapRef.current !== map || !map.getLayer(CLUSTERS)) return;
      const centre = map.getCenter();
      const next = inViewItems(map.queryRenderedFeatures({ layers: [CLUSTERS, POINTS] }), {
        lon: centre.lng,
        lat: centre.lat,
      });
      setInView((current) => (sameItems(current, next) ? current : next));
      if (focusListAfterMove.current) {
        focusListAfterMove.current = false;
        inViewHeading.current?.focus();
      }
    };
    map.on('idle', () => {
      setTimeout(listDrawn, 0);
    });
    map.on('click', POINTS, (event: MapLayerMouseEvent) => {
      const code = event.features?.[0]?.properties.code;
      if (typeof code === 'string') setSelected(code);
    });

    return () => {
      map.remove();
      mapRef.current = null;
      placedRef.current = null;
      placedBoundariesRef.current = null;
      setReady(false);
    };
  }, [tileUrl, instructionsId]);

  // Boundaries that come after the map are drawn under the reports; the map fits the province.
  useEffect(() => {
    const map = mapRef.current;
    const data = boundaries.data;
    if (!ready || !map || !data || placedBoundariesRef.current === data) return;
    placedBoundariesRef.current = data;
    void map.getSource<GeoJSONSource>(COMMUNE_SOURCE)?.setData(data);
    const bounds = boundsOf(data.features);
    if (bounds) map.fitBounds(bounds, { padding: 16, animate: false });
  }, [ready, boundaries.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (map) nameMap(map, names.current, instructionsId);
  }, [ready, locale, instructionsId]);

  // Hands the markers to the source, then waits until the map is idle with the source
  // loaded: only then are the reports on the screen.
  useEffect(() => {
    const map = mapRef.current;
    const source = map?.getSource<GeoJSONSource>(SOURCE);
    if (!ready || !map || !source || !shown) return;
    let cancelled = false;
    setDrawn(null);
    const total = shown.markers.features.length;
    const onIdle = (): void => {
      if (cancelled || !map.isSourceLoaded(SOURCE)) return;
      map.off('idle', onIdle);
      // A User Timing mark: load-time measurements (the benchmark, field monitoring) read
      // when the reports were on screen from the page's own clock.
      performance.mark(DRAWN_MARK, { detail: { reports: total } });
      setDrawn(total);
    };
    const watch = (): void => {
      if (cancelled) return;
      map.on('idle', onIdle);
      // An idle event comes only after a frame; make sure there is one.
      map.triggerRepaint();
    };
    // The load handler may already have given the source these very markers.
    if (placedRef.current === shown.markers) {
      watch();
    } else {
      placedRef.current = shown.markers;
      void source.setData(shown.markers).then(watch);
    }
    return () => {
      cancelled = true;
      map.off('idle', onIdle);
    };
  }, [ready, shown]);

  const counts = shown?.counts;
  return (
    <div className="province-map feedback-public-map">
      <div className="province-map-canvas-wrap">
        {mapFailed ? (
          <p className="province-map-fallback">{t('map.noWebgl')}</p>
        ) : (
          <div
            ref={containerRef}
            className="province-map-canvas"
            data-testid="public-reports-map"
            data-loaded={drawn !== null ? 'true' : 'false'}
            data-report-count={drawn ?? undefined}
          />
        )}
        {boundaries.error ? (
          <Alert kind="error" error={boundaries.error}>
            <p>{t('map.failed')}</p>
          </Alert>
        ) : null}
        {feed.error && !feed.data ? (
          <Alert kind="error" error={feed.error}>
            <p>{t('feedbackPublic.map.failed')}</p>
          </Alert>
        ) : null}
        {feed.isPending || boundaries.isPending || (feed.isFetching && drawn === null) ? (
          <Loading label={t('feedbackPublic.map.loading')} />
        ) : null}
        {shown ? (
          <p role="status" className="feedback-public-count">
            {t('feedbackPublic.map.total', {
              count: formatNumber(shown.markers.features.length, locale),
            })}
          </p>
        ) : null}
        {counts ? (
          <ul className="province-map-legend" aria-label={t('feedbackPublic.map.legend')}>
            {/* Closed reports are on the map only when asked for. */}
            {TONES.filter((tone) => tone !== 'closed' || counts.closed > 0).map((tone) => (
              <li key={tone} data-tone={tone}>
                <span
                  className="province-map-swatch"
                  style={{ background: TONE_COLOR[tone] }}
                  aria-hidden="true"
                />
                {t(TONE_LABEL[tone])}: {formatNumber(counts[tone], locale)}
              </li>
            ))}
          </ul>
        ) : null}
        {feed.data?.truncated ? (
          <p role="status">
            {t('feedbackPublic.map.truncated', { cap: formatNumber(feed.data.cap, locale) })}
          </p>
        ) : null}
        <p id={instructionsId} className="province-map-instructions">
          {t('feedbackPublic.map.instructions')}
        </p>
      </div>
      <div className="province-map-side">
        <div aria-live="polite">
          {selected ? (
            <MapReportPanel key={selected} code={selected} onClose={() => setSelected(null)} />
          ) : (
            <p className="note">{t('feedbackPublic.map.pick')}</p>
          )}
        </div>
        {drawn !== null && !mapFailed ? (
          <MapInViewList
            ref={inViewHeading}
            items={inView}
            onChoose={setSelected}
            onZoomInto={(cluster) => {
              const map = mapRef.current;
              if (!map) return;
              focusListAfterMove.current = true;
              zoomInto(map, cluster.id, [cluster.lon, cluster.lat]);
            }}
          />
        ) : null}
      </div>
    </div>
  );
}
