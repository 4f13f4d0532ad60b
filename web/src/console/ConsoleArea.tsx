/** The staff console: signed-in staff who passed the second factor only. */
import { Route, Routes } from 'react-router';
import { AreaLayout } from '../shared/ui/AreaLayout';
import type { NavItem } from '../shared/ui/AreaHeader';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { RequireStaff } from '../shared/auth/RequireStaff';
import { ProfilePage } from '../features/account/ProfilePage';
import { ConsoleHome } from './ConsoleHome';
import { AgenciesPage } from '../features/agencies/AgenciesPage';
import '../shared/styles/console.css';

const NAV: NavItem[] = [
  { to: '/console', label: 'nav.consoleHome', end: true },
  { to: '/console/agencies', label: 'nav.agencies' },
  { to: '/console/account', label: 'app.account' },
];

export default function ConsoleArea() {
  return (
    <AreaLayout area="console" nav={NAV}>
      <RequireStaff>
        <Routes>
          <Route index element={<ConsoleHome />} />
          <Route path="agencies" element={<AgenciesPage />} />
          <Route path="account" element={<ProfilePage />} />
          <Route path="*" element={<NotFoundPage home="/console" />} />
        </Routes>
      </RequireStaff>
    </AreaLayout>
  );
}
