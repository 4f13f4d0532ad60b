/**
 * The citizen's dossier endpoints as the portal uses them: submitting (POST /api/dossiers,
 * with an Idempotency-Key), the personal data store, my dossiers and one of them, giving the
 * documents the desk asked for, the fees and the online payment, the satisfaction survey,
 * the papers to download, and the public tracking by code and four digits.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type SubmitBody = NonNullable<
  paths['/api/dossiers']['post']['requestBody']
>['content']['application/json'];
export type Submitted = Json<paths['/api/dossiers']['post']['responses'][201]>;
export type MyDossierPage = Json<paths['/api/dossiers/mine']['get']['responses'][200]>;
export type DossierSummary = MyDossierPage['items'][number];
export type DossierStatus = DossierSummary['status'];
export type MyDossier = Json<paths['/api/dossiers/mine/{code}']['get']['responses'][200]>;
export type TimelineEntry = MyDossier['timeline'][number];
export type Paper = MyDossier['papers'][number];
export type StoredDocument = Json<
  paths['/api/dossiers/mine/documents']['get']['responses'][200]
>['items'][number];
export type DossierFees = Json<paths['/api/dossiers/mine/{code}/fees']['get']['responses'][200]>;
export type StartedPayment = Json<
  paths['/api/dossiers/mine/{code}/payments']['post']['responses'][201]
>;
export type TrackedDossier = Json<paths['/api/dossiers/track']['post']['responses'][200]>;

export const PAGE_SIZE = 20;

/** Dossier codes as the platform gives them: `{agency}-{yyMMdd}-{NNNN}`. */
export const DOSSIER_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}-[0-9]{6}-[0-9]{4,}$/;

/** A refusal is an answer: asking again will not change it. */
const retryUnlessRefused = (failures: number, error: unknown) =>
  !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2;

export function submitDossier(body: SubmitBody, idempotencyKey: string): Promise<Submitted> {
  return unwrap(
    api.POST('/api/dossiers', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  );
}

export function useStoredDocuments(enabled: boolean) {
  return useQuery({
    queryKey: ['dossiers-portal', 'store'] as const,
    queryFn: async () => (await unwrap(api.GET('/api/dossiers/mine/documents'))).items,
    enabled,
    staleTime: 60_000,
    retry: retryUnlessRefused,
  });
}

export function useMyDossiers(status: DossierStatus | undefined, page: number) {
  return useQuery({
    queryKey: ['dossiers-portal', 'mine', status ?? null, page] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/dossiers/mine', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function myDossierKey(code: string) {
  return ['dossiers-portal', 'one', code] as const;
}

export function useMyDossier(code: string) {
  return useQuery({
    queryKey: myDossierKey(code),
    queryFn: () => unwrap(api.GET('/api/dossiers/mine/{code}', { params: { path: { code } } })),
    enabled: DOSSIER_CODE.test(code),
    retry: retryUnlessRefused,
  });
}

export function feesKey(code: string) {
  return ['dossiers-portal', 'fees', code] as const;
}

/**
 * The fees of my dossier; `poll` says, from the fees read so far and how many reads there
 * were, how long to wait before reading them again (false: do not).
 */
export function useDossierFees(
  code: string,
  poll: (fees: DossierFees | undefined, reads: number) => number | false = () => false,
) {
  return useQuery({
    queryKey: feesKey(code),
    queryFn: () =>
      unwrap(api.GET('/api/dossiers/mine/{code}/fees', { params: { path: { code } } })),
    enabled: DOSSIER_CODE.test(code),
    retry: retryUnlessRefused,
    refetchInterval: (query) => poll(query.state.data, query.state.dataUpdateCount),
  });
}

export function supplyDocuments(
  code: string,
  documents: { slot: string; fileId: string }[],
  note: string,
) {
  return unwrap(
    api.POST('/api/dossiers/mine/{code}/supplements', {
      params: { path: { code } },
      body: { documents, ...(note.trim() ? { note: note.trim() } : {}) },
    }),
  );
}

export function answerSurvey(code: string, rating: number, comment: string) {
  return unwrap(
    api.POST('/api/dossiers/mine/{code}/survey', {
      params: { path: { code } },
      body: { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    }),
  );
}

/** The provider's page speaks the portal's language, not the browser's. */
export function startPayment(
  code: string,
  idempotencyKey: string,
  locale: 'vi' | 'en',
): Promise<StartedPayment> {
  return unwrap(
    api.POST('/api/dossiers/mine/{code}/payments', {
      params: { path: { code } },
      headers: { 'Idempotency-Key': idempotencyKey, 'Accept-Language': locale },
    }),
  );
}

export function trackDossier(code: string, idLast4: string): Promise<TrackedDossier> {
  return unwrap(api.POST('/api/dossiers/track', { body: { code, idLast4 } }));
}

/** A paper of my dossier as a PDF, downloaded with the session cookie. */
export function paperUrl(code: string, paper: Paper): string {
  return `/api/dossiers/mine/${encodeURIComponent(code)}/papers/${paper}`;
}
