/**
 * The three areas of the one app, each loaded on demand: the portal for citizens (`/`),
 * the console for staff (`/console`) and the operations center (`/ops`).
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../shared/ui/Loading';

const PortalArea = lazy(() => import('../portal/PortalArea'));
const ConsoleArea = lazy(() => import('../console/ConsoleArea'));
const OpsArea = lazy(() => import('../ops/OpsArea'));

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/console/*" element={<ConsoleArea />} />
        <Route path="/ops/*" element={<OpsArea />} />
        <Route path="/*" element={<PortalArea />} />
      </Routes>
    </Suspense>
  );
}
