/** The operations center (IOC): a dark, wide-screen view for staff holding `ops.view`. */
import { Route, Routes } from 'react-router';
import { AreaLayout } from '../shared/ui/AreaLayout';
import type { NavItem } from '../shared/ui/AreaHeader';
import { NotFoundPage } from '../shared/ui/NotFoundPage';
import { RequireStaff } from '../shared/auth/RequireStaff';
import { OpsPage } from './OpsPage';
import '../shared/styles/ops.css';

const NAV: NavItem[] = [{ to: '/ops', label: 'nav.opsOverview', end: true }];

export default function OpsArea() {
  return (
    <AreaLayout area="ops" nav={NAV}>
      <RequireStaff permission="ops.view">
        <Routes>
          <Route index element={<OpsPage />} />
          <Route path="*" element={<NotFoundPage home="/ops" />} />
        </Routes>
      </RequireStaff>
    </AreaLayout>
  );
}
