/**
 * The citizens' portal: home, the administrative procedures (search, each procedure with a
 * preview of its form), online dossiers (submitting one, my dossiers, one dossier, public
 * tracking), the administrative map, sign-in, registration and account, citizen reports
 * (filing, tracking, the public list, map and scorecard), and the verification of digitally
 * signed files.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AreaLayout } from '../shared/ui/AreaLayout';
import type { NavItem } from '../shared/ui/AreaHeader';
import { Loading } from '../shared/ui/Loading';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { HomePage } from './HomePage';
import { SignInPage } from '../features/auth/SignInPage';
import { MfaPage } from '../features/auth/MfaPage';
import { EnrolPage } from '../features/auth/EnrolPage';
import { RegisterPage } from '../features/auth/RegisterPage';
import { ProfilePage } from '../features/account/ProfilePage';
import { ReportWizard } from '../features/feedback/ReportWizard';
import { TrackingPage } from '../features/feedback/TrackingPage';
import { MyReportsPage } from '../features/feedback/MyReportsPage';
import { OutboxIndicator } from '../features/feedback/OutboxIndicator';
import { ReportListPage } from '../features/feedback-public/ReportListPage';
import { ReportMapPage } from '../features/feedback-public/ReportMapPage';
import { ScorecardPage } from '../features/feedback-public/ScorecardPage';
import { VerifyPage } from '../features/signing/VerifyPage';
import { CatalogPage } from '../features/procedures/CatalogPage';
import { ProcedurePage } from '../features/procedures/ProcedurePage';
import '../shared/styles/portal.css';

// The map page pulls in MapLibre; it loads only when someone opens it.
const MapPage = lazy(() => import('./MapPage'));
// The dossier pages load when first opened, so the portal's first page stays light on a phone.
const SubmitWizardPage = lazy(() =>
  import('../features/dossiers-portal/SubmitWizardPage').then((m) => ({
    default: m.SubmitWizardPage,
  })),
);
const MyDossiersPage = lazy(() =>
  import('../features/dossiers-portal/MyDossiersPage').then((m) => ({ default: m.MyDossiersPage })),
);
const DossierPage = lazy(() =>
  import('../features/dossiers-portal/DossierPage').then((m) => ({ default: m.DossierPage })),
);
const TrackPage = lazy(() =>
  import('../features/dossiers-portal/TrackPage').then((m) => ({ default: m.TrackPage })),
);

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/thu-tuc', label: 'procedures.nav' },
  { to: '/ho-so', label: 'dossiersPortal.nav' },
  { to: '/map', label: 'nav.map' },
  { to: '/phan-anh/moi', label: 'feedback.nav' },
  { to: '/phan-anh', label: 'feedbackPublic.nav', end: true },
];

export default function PortalArea() {
  return (
    <AreaLayout area="portal" nav={NAV}>
      <OutboxIndicator />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<HomePage />} />
          <Route path="map" element={<MapPage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="sign-in/mfa" element={<MfaPage />} />
          <Route path="sign-in/enrol" element={<EnrolPage />} />
          <Route path="register" element={<RegisterPage />} />
          <Route path="account" element={<ProfilePage />} />
          <Route path="phan-anh/moi" element={<ReportWizard />} />
          <Route path="phan-anh/cua-toi" element={<MyReportsPage />} />
          <Route path="phan-anh" element={<ReportListPage />} />
          <Route path="phan-anh/ban-do" element={<ReportMapPage />} />
          <Route path="phan-anh/bang-xep-hang" element={<ScorecardPage />} />
          <Route path="phan-anh/:code" element={<TrackingPage />} />
          <Route path="thu-tuc" element={<CatalogPage />} />
          <Route path="thu-tuc/:code" element={<ProcedurePage />} />
          <Route path="thu-tuc/:code/nop" element={<SubmitWizardPage />} />
          <Route path="ho-so" element={<MyDossiersPage />} />
          <Route path="ho-so/:code" element={<DossierPage />} />
          <Route path="tra-cuu-ho-so" element={<TrackPage />} />
          <Route path="xac-minh-chu-ky" element={<VerifyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </AreaLayout>
  );
}
