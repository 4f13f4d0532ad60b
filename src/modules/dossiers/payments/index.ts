/**
 * Fees and payments of dossiers as the rest of the module sees them: the routes, and what a
 * dossier still owes (processing returns a result only once it is paid).
 */
export { paymentsRoutes } from './payments.routes';
export { feesOutstanding } from './payments.queries';
