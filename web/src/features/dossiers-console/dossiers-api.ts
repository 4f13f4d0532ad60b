/**
 * The one-stop desk's endpoints as the console uses them: the work list, one dossier whole,
 * its fees, and every action of the process. Each action's POST carries an Idempotency-Key
 * (see action-keys.ts), so a request repeated after a lost answer is not done twice.
 */
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { listQuery, type DossierFilters } from './list-filters';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type BodyOf<T> = T extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

export type DossierPage = Json<paths['/api/dossiers']['get']['responses'][200]>;
export type DossierItem = DossierPage['items'][number];
export type DossierView = Json<paths['/api/dossiers/{code}']['get']['responses'][200]>;
export type DossierStatus = DossierView['status'];
export type DossierChannel = DossierView['channel'];
export type DossierAction = DossierView['actions'][number];
export type ReturnMethod = DossierView['returnMethod'];
export type DossierStep = DossierView['steps'][number];
export type DossierFees = Json<paths['/api/dossiers/{code}/fees']['get']['responses'][200]>;
export type FeeLine = DossierFees['lines'][number];
export type DeskPayment = Json<
  paths['/api/dossiers/{code}/payments/desk']['post']['responses'][201]
>;
export type AssessFeesBody = BodyOf<paths['/api/dossiers/{code}/fees']['post']>;
export type DeskPaymentBody = BodyOf<paths['/api/dossiers/{code}/payments/desk']['post']>;
export type ActionResult = Json<paths['/api/dossiers/{code}/receive']['post']['responses'][200]>;

export type ReceiveBody = BodyOf<paths['/api/dossiers/{code}/receive']['post']>;
export type SupplementBody = BodyOf<paths['/api/dossiers/{code}/supplement-requests']['post']>;
export type ReasonBody = BodyOf<paths['/api/dossiers/{code}/refuse']['post']>;
export type NoteBody = BodyOf<paths['/api/dossiers/{code}/forward']['post']>;
export type SendBackBody = BodyOf<paths['/api/dossiers/{code}/send-back']['post']>;
export type SignBody = BodyOf<paths['/api/dossiers/{code}/sign']['post']>;
export type ReturnBody = BodyOf<paths['/api/dossiers/{code}/return']['post']>;
export type ApologyBody = BodyOf<paths['/api/dossiers/{code}/apologies']['post']>;

/** What each action sends; the form of each builds one of these. */
export type ActionRequest =
  | { action: 'receive'; body: ReceiveBody }
  | { action: 'request_supplement'; body: SupplementBody }
  | { action: 'refuse'; body: ReasonBody }
  | { action: 'forward'; body: NoteBody }
  | { action: 'approve'; body: NoteBody }
  | { action: 'send_back'; body: SendBackBody }
  | { action: 'sign'; body: SignBody }
  | { action: 'return'; body: ReturnBody }
  | { action: 'apologise'; body: ApologyBody };

export const PAGE_SIZE = 20;

export const DOSSIERS_KEY = ['dossiers-console'] as const;
export const dossierKey = (code: string) => [...DOSSIERS_KEY, 'dossier', code] as const;
export const feesKey = (code: string) => [...DOSSIERS_KEY, 'fees', code] as const;
export const listKey = (filters: DossierFilters, page: number) =>
  [...DOSSIERS_KEY, 'list', filters, page] as const;

export function fetchDossiers(filters: DossierFilters, page: number): Promise<DossierPage> {
  return unwrap(
    api.GET('/api/dossiers', {
      params: { query: { ...listQuery(filters), page, pageSize: PAGE_SIZE } },
    }),
  );
}

export function fetchDossier(code: string): Promise<DossierView> {
  return unwrap(api.GET('/api/dossiers/{code}', { params: { path: { code } } }));
}

export function fetchFees(code: string): Promise<DossierFees> {
  return unwrap(api.GET('/api/dossiers/{code}/fees', { params: { path: { code } } }));
}

const keyed = (key: string) => ({ headers: { 'Idempotency-Key': key } });

export function assessFees(code: string, body: AssessFeesBody, key: string): Promise<DossierFees> {
  return unwrap(
    api.POST('/api/dossiers/{code}/fees', { params: { path: { code } }, body, ...keyed(key) }),
  );
}

export function takeDeskPayment(
  code: string,
  body: DeskPaymentBody,
  key: string,
): Promise<DeskPayment> {
  return unwrap(
    api.POST('/api/dossiers/{code}/payments/desk', {
      params: { path: { code } },
      body,
      ...keyed(key),
    }),
  );
}

/** Runs one action of the process; what changed comes back, the caller refetches the whole. */
export function runAction(code: string, request: ActionRequest, key: string): Promise<unknown> {
  const path = { params: { path: { code } }, ...keyed(key) };
  switch (request.action) {
    case 'receive':
      return unwrap(api.POST('/api/dossiers/{code}/receive', { ...path, body: request.body }));
    case 'request_supplement':
      return unwrap(
        api.POST('/api/dossiers/{code}/supplement-requests', { ...path, body: request.body }),
      );
    case 'refuse':
      return unwrap(api.POST('/api/dossiers/{code}/refuse', { ...path, body: request.body }));
    case 'forward':
      return unwrap(api.POST('/api/dossiers/{code}/forward', { ...path, body: request.body }));
    case 'approve':
      return unwrap(api.POST('/api/dossiers/{code}/approve', { ...path, body: request.body }));
    case 'send_back':
      return unwrap(api.POST('/api/dossiers/{code}/send-back', { ...path, body: request.body }));
    case 'sign':
      return unwrap(api.POST('/api/dossiers/{code}/sign', { ...path, body: request.body }));
    case 'return':
      return unwrap(api.POST('/api/dossiers/{code}/return', { ...path, body: request.body }));
    case 'apologise':
      return unwrap(api.POST('/api/dossiers/{code}/apologies', { ...path, body: request.body }));
  }
}

const encoded = (code: string) => encodeURIComponent(code);

export const documentUrl = (code: string, documentId: string) =>
  `/api/dossiers/${encoded(code)}/documents/${encodeURIComponent(documentId)}`;
export const paperUrl = (code: string, paper: string) =>
  `/api/dossiers/${encoded(code)}/papers/${paper}`;
