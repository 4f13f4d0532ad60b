/** The portal's administrative map: every commune-level unit of the province. */
import { useI18n } from '../shared/i18n/i18n';
import { usePublicConfig } from '../shared/api/public-config';
import { useBoundaries } from '../shared/map/boundaries';
import ProvinceMap from '../shared/map/ProvinceMap';
import { Loading } from '../shared/ui/Loading';
import { Alert } from '../shared/ui/Alert';
import { usePageTitle } from '../shared/ui/usePageTitle';

export default function MapPage() {
  const { t } = useI18n();
  usePageTitle(t('map.pageTitle'));
  const config = usePublicConfig();
  const province = config.data?.provinceCode ?? '';
  const boundaries = useBoundaries(province);
  const provinceName = t('app.province');

  return (
    <section aria-labelledby="map-title" className="map-page">
      <h1 id="map-title">{t('map.pageTitle')}</h1>
      {boundaries.data ? (
        <p className="lead">
          {t('map.pageLead', { province: provinceName, count: boundaries.data.features.length })}
        </p>
      ) : null}
      {config.isPending ? <Loading /> : null}
      {config.error ? <Alert kind="error" error={config.error} /> : null}
      {config.data ? (
        <ProvinceMap
          provinceCode={config.data.provinceCode}
          provinceName={provinceName}
          tileUrl={config.data.mapTileUrl}
        />
      ) : null}
    </section>
  );
}
