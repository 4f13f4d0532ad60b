/** The status filter and the page of `/ho-so`, read from and written to the address. */
import type { DossierStatus } from './dossiers-portal-api';
import { DOSSIER_STATUSES } from './labels';

export function statusFrom(params: URLSearchParams): DossierStatus | undefined {
  const status = params.get('trang-thai');
  return (DOSSIER_STATUSES as readonly (string | null)[]).includes(status)
    ? (status as DossierStatus)
    : undefined;
}

export function pageFrom(params: URLSearchParams): number {
  const page = Math.trunc(Number(params.get('trang')));
  return Number.isFinite(page) && page >= 1 ? Math.min(page, 10_000) : 1;
}

export function listParams(status: DossierStatus | undefined, page: number): URLSearchParams {
  const params = new URLSearchParams();
  if (status) params.set('trang-thai', status);
  if (page > 1) params.set('trang', String(page));
  return params;
}
