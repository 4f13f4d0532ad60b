/** The portal's front page: what the platform offers, and where to go next. */
import { Link } from 'react-router';
import { useI18n } from '../shared/i18n/i18n';
import { useSession } from '../shared/auth/session';
import { usePageTitle } from '../shared/ui/usePageTitle';
import { TrackLookup } from '../features/feedback/TrackLookup';

export function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  usePageTitle(t('nav.home'));

  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p className="hero-actions">
          <Link to="/phan-anh/moi" className="button">
            {t('feedback.cta')}
          </Link>
          <Link to="/phan-anh/cua-toi" className="button button-secondary">
            {t('feedback.mine.title')}
          </Link>
        </p>
        <TrackLookup />
        {user ? (
          <p className="hero-welcome">{t('home.welcome', { name: user.fullName })}</p>
        ) : (
          <p className="hero-actions">
            <Link to="/register" className="button">
              {t('app.register')}
            </Link>
            <Link to="/sign-in" className="button button-secondary">
              {t('app.signIn')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="services-title" className="services">
        <h2 id="services-title">{t('home.services')}</h2>
        <ul className="cards">
          <li className="card">
            <h3>
              <Link to="/thu-tuc">{t('procedures.home.title')}</Link>
            </h3>
            <p>{t('procedures.home.text')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/ho-so">{t('dossiersPortal.home.title')}</Link>
            </h3>
            <p>{t('dossiersPortal.home.text')}</p>
            <ul className="link-list">
              <li>
                <Link to="/ho-so">{t('dossiersPortal.home.mine')}</Link>
              </li>
              <li>
                <Link to="/tra-cuu-ho-so">{t('dossiersPortal.home.track')}</Link>
              </li>
            </ul>
          </li>
          <li className="card">
            <h3>
              <Link to="/phan-anh/moi">{t('feedback.home.title')}</Link>
            </h3>
            <p>{t('feedback.home.text')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/phan-anh">{t('feedbackPublic.home.title')}</Link>
            </h3>
            <p>{t('feedbackPublic.home.text')}</p>
            <ul className="link-list">
              <li>
                <Link to="/phan-anh">{t('feedbackPublic.home.list')}</Link>
              </li>
              <li>
                <Link to="/phan-anh/ban-do">{t('feedbackPublic.home.map')}</Link>
              </li>
              <li>
                <Link to="/phan-anh/bang-xep-hang">{t('feedbackPublic.home.scorecard')}</Link>
              </li>
            </ul>
          </li>
          <li className="card">
            <h3>
              <Link to="/xac-minh-chu-ky">{t('signing.home.title')}</Link>
            </h3>
            <p>{t('signing.home.text')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/map">{t('home.serviceMapTitle')}</Link>
            </h3>
            <p>{t('home.serviceMapText')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to={user ? '/account' : '/register'}>
                {user ? t('profile.title') : t('home.serviceAccountTitle')}
              </Link>
            </h3>
            <p>{user ? t('home.serviceProfileText') : t('home.serviceAccountText')}</p>
          </li>
          <li className="card">
            <h3>
              <Link to="/console">{t('home.serviceStaffTitle')}</Link>
            </h3>
            <p>{t('home.serviceStaffText')}</p>
          </li>
        </ul>
        <p className="note">{t('home.offlineReady')}</p>
      </section>
    </>
  );
}
