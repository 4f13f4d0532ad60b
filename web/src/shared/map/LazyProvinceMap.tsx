/** The province map, loaded on demand so MapLibre stays out of the pages that have no map. */
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n';
import { Loading } from '../ui/Loading';
import type { ProvinceMapProps } from './ProvinceMap';

const ProvinceMap = lazy(() => import('./ProvinceMap'));

export function LazyProvinceMap(props: ProvinceMapProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t('map.loading')} />}>
      <ProvinceMap {...props} />
    </Suspense>
  );
}
