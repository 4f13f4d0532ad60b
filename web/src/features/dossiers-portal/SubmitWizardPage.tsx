/**
 * `/thu-tuc/:code/nop`: submitting a dossier of one procedure online. Signed-in citizens
 * only; the procedure must be offered online (a TRUC_TUYEN channel), otherwise the page says
 * how it can be submitted instead.
 */
import { Link, useParams } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { usePageTitle } from '../../shared/ui/usePageTitle';
import { PROCEDURE_CODE, useProcedure } from '../procedures/procedures-api';
import { RequireSignIn } from './RequireSignIn';
import { SubmitWizard } from './SubmitWizard';
import '../procedures/form/form-renderer.css';
import './dossiers-portal.css';

export function SubmitWizardPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const procedure = useProcedure(code);
  const notFound =
    !PROCEDURE_CODE.test(code) ||
    (procedure.error instanceof ApiError && procedure.error.status === 404);
  const data = notFound ? undefined : procedure.data;
  const name = data ? (locale === 'en' ? data.nameEn : data.name) : '';
  usePageTitle(
    name ? `${t('dossiersPortal.wizard.title')}: ${name}` : t('dossiersPortal.wizard.title'),
  );

  return (
    <RequireSignIn citizensOnly>
      {(user) => {
        if (notFound) {
          return (
            <section className="panel narrow" aria-labelledby="dossier-wizard-missing">
              <h1 id="dossier-wizard-missing">{t('procedures.notFound.title')}</h1>
              <p>{t('procedures.notFound.text', { code })}</p>
              <p>
                <Link to="/thu-tuc">{t('procedures.notFound.search')}</Link>
              </p>
            </section>
          );
        }
        if (procedure.error) {
          return (
            <section aria-labelledby="dossier-wizard-error">
              <h1 id="dossier-wizard-error">{t('dossiersPortal.wizard.title')}</h1>
              <Alert kind="error" error={procedure.error}>
                <p>
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void procedure.refetch()}
                  >
                    {t('feedbackPublic.retry')}
                  </button>
                </p>
              </Alert>
            </section>
          );
        }
        if (!data) {
          return (
            <section aria-labelledby="dossier-wizard-loading">
              <h1 id="dossier-wizard-loading">{t('dossiersPortal.wizard.title')}</h1>
              <Loading />
            </section>
          );
        }
        if (!data.tthc.CachThucThucHien.some((channel) => channel.Kenh === 'TRUC_TUYEN')) {
          return (
            <section className="panel narrow" aria-labelledby="dossier-wizard-offline">
              <h1 id="dossier-wizard-offline">{t('dossiersPortal.wizard.notOnlineTitle')}</h1>
              <p>{t('dossiersPortal.wizard.notOnline', { name })}</p>
              <p>
                <Link to={`/thu-tuc/${encodeURIComponent(data.code)}`}>
                  {t('dossiersPortal.wizard.backToProcedure')}
                </Link>
              </p>
            </section>
          );
        }
        return <SubmitWizard key={`${user.id}-${data.code}`} procedure={data} user={user} />;
      }}
    </RequireSignIn>
  );
}
