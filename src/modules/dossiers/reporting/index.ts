/**
 * reporting — the service-quality index of the dossiers (Decision 766/QĐ-TTg) and the
 * operations figures beside it: pure formulas on counts (index-formulas.ts), one statement
 * counting per receiving agency (index-counts.queries.ts), periods in Vietnam time
 * (period.ts), a short-lived cache for dashboards (index-cache.ts) and the routes.
 * Reads the dossiers' tables; writes none. docs/dossiers-766-index.md explains the figures.
 */
export { reportingRoutes } from './reporting.routes';
export { invalidateIndexCache } from './index-cache';
export {
  computeIndex,
  INDICATORS,
  GROUPS,
  type IndexCounts,
  type IndexResult,
} from './index-formulas';
export { parsePeriod, type ReportPeriod } from './period';
