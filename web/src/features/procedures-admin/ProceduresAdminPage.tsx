/**
 * `/console/thu-tuc`: the province administrators' page for the procedure catalog (permission
 * `dossiers.catalog`): import procedures from a JSON file, export them to edit or to share.
 */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { ImportForm } from './ImportForm';
import { ExportPanel } from './ExportPanel';
import './procedures-admin.css';

export function ProceduresAdminPage() {
  const { t } = useI18n();
  usePageTitle(t('proceduresAdmin.title'));
  return (
    <div className="admin-page procedures-admin">
      <h1>{t('proceduresAdmin.title')}</h1>
      <p className="lead">{t('proceduresAdmin.lead')}</p>
      <p>
        <Link to="/thu-tuc">{t('proceduresAdmin.portalLink')}</Link>
      </p>
      <ImportForm />
      <ExportPanel />
    </div>
  );
}
