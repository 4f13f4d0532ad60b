/**
 * The groups and reports drawn in the map's view, as buttons: the way into the map for a
 * keyboard or a screen reader (the canvas itself has no elements to reach). A group zooms
 * the map into it; a report opens beside the map.
 */
import { forwardRef } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { TONE_COLOR, TONE_LABEL } from './map-filters';
import { inViewKey, type InViewItem } from './map-in-view';

export interface MapInViewListProps {
  items: readonly InViewItem[];
  onZoomInto: (item: InViewItem & { kind: 'cluster' }) => void;
  onChoose: (code: string) => void;
}

export const MapInViewList = forwardRef<HTMLHeadingElement, MapInViewListProps>(
  function MapInViewList({ items, onZoomInto, onChoose }, headingRef) {
    const { t, locale } = useI18n();
    return (
      <section className="feedback-public-in-view" aria-labelledby="feedback-public-in-view">
        <h2 id="feedback-public-in-view" ref={headingRef} tabIndex={-1}>
          {t('feedbackPublic.map.inView')}
        </h2>
        <p className="note">{t('feedbackPublic.map.inViewHint')}</p>
        {items.length === 0 ? (
          <p>{t('feedbackPublic.map.inViewEmpty')}</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={inViewKey(item)}>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => (item.kind === 'cluster' ? onZoomInto(item) : onChoose(item.code))}
                >
                  <span
                    className="province-map-swatch"
                    style={{ background: TONE_COLOR[item.tone] }}
                    aria-hidden="true"
                  />
                  {item.kind === 'cluster'
                    ? t('feedbackPublic.map.inViewCluster', {
                        count: formatNumber(item.count, locale),
                        tone: t(TONE_LABEL[item.tone]),
                      })
                    : t('feedbackPublic.map.inViewReport', {
                        code: item.code,
                        tone: t(TONE_LABEL[item.tone]),
                      })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
);
