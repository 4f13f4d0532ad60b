/**
 * The staff console: signed-in staff who passed the second factor only. Administration
 * pages appear in the navigation only for those whose permissions allow them; the pages
 * check the permission again, and the server a third time.
 */
import { Route, Routes } from 'react-router';
import { AreaLayout } from '../shared/ui/AreaLayout';
import type { NavItem } from '../shared/ui/AreaHeader';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { RequireStaff } from '../shared/auth/RequireStaff';
import { useSession } from '../shared/auth/session';
import { ProfilePage } from '../features/account/ProfilePage';
import { ConsoleHome } from './ConsoleHome';
import { AgenciesPage } from '../features/agencies/AgenciesPage';
import { UsersPage } from '../features/admin/UsersPage';
import { CreateUserPage } from '../features/admin/CreateUserPage';
import { UserDetailPage } from '../features/admin/UserDetailPage';
import { ApiKeysPage } from '../features/admin/ApiKeysPage';
import { TrustPage } from '../features/admin/TrustPage';
import { AuditPage } from '../features/admin/AuditPage';
import { SystemPage } from '../features/admin/SystemPage';
import { CalendarPage } from '../features/admin/CalendarPage';
import { InboxPage } from '../features/feedback-inbox/InboxPage';
import { InboxReportPage } from '../features/feedback-inbox/InboxReportPage';
import { RoutingPage } from '../features/feedback-routing/RoutingPage';
import { DocumentsDeskPage } from '../features/documents/DocumentsDeskPage';
import { OutgoingListPage } from '../features/documents/OutgoingListPage';
import { OutgoingDetailPage } from '../features/documents/OutgoingDetailPage';
import { EditDraftPage, NewDraftPage } from '../features/documents/DraftFormPage';
import { IncomingListPage } from '../features/documents/IncomingListPage';
import { IncomingDetailPage } from '../features/documents/IncomingDetailPage';
import { PaperIncomingPage } from '../features/documents/PaperIncomingPage';
import { ProceduresAdminPage } from '../features/procedures-admin/ProceduresAdminPage';
import { DossiersListPage } from '../features/dossiers-console/DossiersListPage';
import { DossierPage } from '../features/dossiers-console/DossierPage';
import { ADMIN_PAGES } from './admin-pages';
import '../shared/styles/console.css';
import '../features/admin/admin.css';

export default function ConsoleArea() {
  const { user } = useSession();
  const allowed = ADMIN_PAGES.filter((page) => user?.permissions.includes(page.permission));
  const nav: NavItem[] = [
    { to: '/console', label: 'nav.consoleHome', end: true },
    { to: '/console/agencies', label: 'nav.agencies' },
    ...(user?.permissions.includes('records.read')
      ? [{ to: '/console/phan-anh', label: 'nav.feedbackInbox' } as const]
      : []),
    ...(user?.permissions.includes('documents.read')
      ? [{ to: '/console/van-ban', label: 'nav.documents' } as const]
      : []),
    ...(user?.permissions.includes('dossiers.read')
      ? [{ to: '/console/ho-so', label: 'dossiersConsole.nav' } as const]
      : []),
    ...(user?.permissions.includes('feedback.routing.manage')
      ? [{ to: '/console/phan-anh/dinh-tuyen', label: 'feedbackRouting.nav' } as const]
      : []),
    ...allowed.map((page) => ({ to: page.to, label: page.label })),
    { to: '/console/account', label: 'app.account' },
  ];

  return (
    <AreaLayout area="console" nav={nav}>
      <RequireStaff>
        <Routes>
          <Route index element={<ConsoleHome />} />
          <Route path="agencies" element={<AgenciesPage />} />
          <Route
            path="users"
            element={
              <RequireStaff permission="users.manage">
                <UsersPage />
              </RequireStaff>
            }
          />
          <Route
            path="users/new"
            element={
              <RequireStaff permission="users.manage">
                <CreateUserPage />
              </RequireStaff>
            }
          />
          <Route
            path="users/:id"
            element={
              <RequireStaff permission="users.manage">
                <UserDetailPage />
              </RequireStaff>
            }
          />
          <Route
            path="api-keys"
            element={
              <RequireStaff permission="api_keys.manage">
                <ApiKeysPage />
              </RequireStaff>
            }
          />
          <Route
            path="trust"
            element={
              <RequireStaff permission="signing.manage">
                <TrustPage />
              </RequireStaff>
            }
          />
          <Route
            path="audit"
            element={
              <RequireStaff permission="audit.read">
                <AuditPage />
              </RequireStaff>
            }
          />
          <Route
            path="system"
            element={
              <RequireStaff permission="events.manage">
                <SystemPage />
              </RequireStaff>
            }
          />
          <Route
            path="calendar"
            element={
              <RequireStaff permission="calendar.manage">
                <CalendarPage />
              </RequireStaff>
            }
          />
          <Route
            path="phan-anh"
            element={
              <RequireStaff permission="records.read">
                <InboxPage />
              </RequireStaff>
            }
          />
          <Route
            path="phan-anh/dinh-tuyen"
            element={
              <RequireStaff permission="feedback.routing.manage">
                <RoutingPage />
              </RequireStaff>
            }
          />
          <Route
            path="phan-anh/:code"
            element={
              <RequireStaff permission="records.read">
                <InboxReportPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban"
            element={
              <RequireStaff permission="documents.read">
                <DocumentsDeskPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/di"
            element={
              <RequireStaff permission="documents.read">
                <OutgoingListPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/di/moi"
            element={
              <RequireStaff permission="documents.read">
                <NewDraftPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/di/:id"
            element={
              <RequireStaff permission="documents.read">
                <OutgoingDetailPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/di/:id/sua"
            element={
              <RequireStaff permission="documents.read">
                <EditDraftPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/den"
            element={
              <RequireStaff permission="documents.read">
                <IncomingListPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/den/vao-so"
            element={
              <RequireStaff permission="documents.read">
                <PaperIncomingPage />
              </RequireStaff>
            }
          />
          <Route
            path="van-ban/den/:id"
            element={
              <RequireStaff permission="documents.read">
                <IncomingDetailPage />
              </RequireStaff>
            }
          />
          <Route
            path="ho-so"
            element={
              <RequireStaff permission="dossiers.read">
                <DossiersListPage />
              </RequireStaff>
            }
          />
          <Route
            path="ho-so/:code"
            element={
              <RequireStaff permission="dossiers.read">
                <DossierPage />
              </RequireStaff>
            }
          />
          <Route
            path="thu-tuc"
            element={
              <RequireStaff permission="dossiers.catalog">
                <ProceduresAdminPage />
              </RequireStaff>
            }
          />
          <Route path="account" element={<ProfilePage />} />
          <Route path="*" element={<NotFoundPage home="/console" />} />
        </Routes>
      </RequireStaff>
    </AreaLayout>
  );
}
