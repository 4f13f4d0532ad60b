/**
 * The procedure catalog: searched and read by anyone (the portal lists what can be done
 * online before anybody signs in), imported by the province's administrators, exported by
 * anyone in the national database's JSON form.
 */
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { requestInfo, requirePermission, requireUser } from '../../kernel/auth';
import { dossiersDb } from './dossiers-db';
import { dossierErrors } from './dossiers.errors';
import { DOSSIER_PERMISSIONS } from './dossiers.permissions';
import {
  ExportBody,
  ExportQuery,
  ImportBody,
  ImportResult,
  ProblemResponse as Problem,
  ProcedureCodeParams,
  ProcedureFieldList,
  ProcedureListQuery,
  ProcedurePage,
  ProcedureView,
  DossierCodeParams,
  MyDossierPage,
  MyDossierQuery,
  MyDossierView,
  ReusableDocuments,
  SubmitBody,
  SubmittedDossier,
  TrackBody,
  TrackedDossier,
} from './dossiers.schemas';
import { importProcedures } from './catalog/import-procedures';
import {
  agenciesByCode,
  findProcedure,
  procedureFields,
  procedurePage,
  proceduresToExport,
} from './catalog/procedure.queries';
import { recordOf, summaryFacts } from './catalog/procedure-views';
import { submitDossier } from './submission/submit-dossier';
import { listMyDossiers, myDossier, myReusableDocuments } from './tracking/my-dossiers';
import { trackDossier } from './tracking/track-dossier';
import { processingRoutes } from './processing/processing.routes';
import { paymentsRoutes } from './payments';
import { reportingRoutes } from './reporting';

const TAGS = ['dossiers'];
const IMPORT_LIMIT_BYTES = 50 * 1_048_576;

export async function dossiersRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/procedures',
    {
      schema: {
        tags: TAGS,
        summary: 'Tra cứu thủ tục hành chính — search the procedure catalog',
        querystring: ProcedureListQuery,
        response: { 200: ProcedurePage, 400: Problem },
      },
    },
    async (request) => {
      const { q, field, level, onlineLevel, applicantType } = request.query;
      const page = request.query.page ?? 1;
      const pageSize = request.query.pageSize ?? 20;
      const result = await procedurePage(
        dossiersDb(ctx),
        { q, field, level, onlineLevel, applicantType },
        { page, pageSize, sort: request.query.sort ?? 'name' },
      );
      return {
        items: result.items.map((item) => ({
          code: item.code,
          name: item.name,
          nameEn: item.nameEn,
          field: { code: item.fieldCode, name: item.fieldName },
          levels: item.levels,
          onlineLevel: item.onlineLevel,
          applicantTypes: item.applicantTypes,
          receivingAgencyName: item.receivingAgencyName,
          ...summaryFacts(item.tthc),
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/procedures/fields',
    {
      schema: {
        tags: TAGS,
        summary: 'Lĩnh vực — the fields of the catalog and how many procedures each has',
        response: { 200: ProcedureFieldList },
      },
    },
    async () => ({ items: await procedureFields(dossiersDb(ctx)) }),
  );

  app.get(
    '/procedures/export',
    {
      schema: {
        tags: TAGS,
        summary:
          'Xuất danh mục thủ tục — the catalog as JSON records of the national database, with forms and processes',
        querystring: ExportQuery,
        response: { 200: ExportBody, 400: Problem },
      },
    },
    async (request, reply) => {
      const codes = request.query.codes
        ?.split(',')
        .map((code) => code.trim())
        .filter(Boolean);
      const rows = await proceduresToExport(dossiersDb(ctx), codes);
      void reply.header('content-disposition', 'attachment; filename="thu-tuc-hanh-chinh.json"');
      return rows.map((row) => recordOf(row));
    },
  );

  app.get(
    '/procedures/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Chi tiết thủ tục — a procedure with its documents, fees, times and form',
        params: ProcedureCodeParams,
        response: { 200: ProcedureView, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const db = dossiersDb(ctx);
      const procedure = await findProcedure(db, request.params.code);
      if (!procedure) throw dossierErrors.PROCEDURE_NOT_FOUND();
      const stepAgencies = procedure.process.steps.flatMap((step) =>
        step.agency === 'receiving' ? [] : [step.agency.code],
      );
      return {
        code: procedure.code,
        name: procedure.name,
        nameEn: procedure.nameEn,
        revision: procedure.revision,
        updatedAt: procedure.updatedAt,
        receivingAgency:
          procedure.receivingCode && procedure.receivingAgencyName
            ? { code: procedure.receivingCode, name: procedure.receivingAgencyName }
            : null,
        tthc: procedure.tthc,
        form: procedure.form,
        process: procedure.process,
        agencies: await agenciesByCode(db, [...new Set(stepAgencies)]),
      };
    },
  );

  app.post(
    '/procedures/import',
    {
      // A province's whole catalog (some 1,500 procedures with their forms) in one file.
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        tags: TAGS,
        summary:
          'Nhập danh mục thủ tục — take procedures into the catalog, all or none (province administrators)',
        body: ImportBody,
        response: {
          200: ImportResult,
          400: Problem,
          401: Problem,
          403: Problem,
          413: Problem,
          422: Problem,
        },
      },
    },
    async (request) => {
      const principal = requirePermission(request, DOSSIER_PERMISSIONS.catalog);
      const info = requestInfo(request);
      return importProcedures(ctx, request.body, {
        type: principal.kind === 'api_key' ? 'api_key' : 'user',
        id: principal.id,
        ip: info.ip,
        requestId: info.requestId,
      });
    },
  );

  app.post(
    '/dossiers',
    {
      schema: {
        tags: TAGS,
        summary:
          'Nộp hồ sơ trực tuyến — submit a dossier (citizens and businesses; send an Idempotency-Key)',
        body: SubmitBody,
        response: {
          201: SubmittedDossier,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const dossier = await submitDossier(ctx, principal, requestInfo(request), request.body);
      return reply.status(201).send(dossier);
    },
  );

  app.get(
    '/dossiers/mine',
    {
      schema: {
        tags: TAGS,
        summary: 'Hồ sơ của tôi — your dossiers, newest first',
        querystring: MyDossierQuery,
        response: { 200: MyDossierPage, 400: Problem, 401: Problem },
      },
    },
    async (request) => listMyDossiers(ctx, requireUser(request), request.query),
  );

  app.get(
    '/dossiers/mine/documents',
    {
      schema: {
        tags: TAGS,
        summary:
          'Kho dữ liệu cá nhân — your earlier documents and results, to reuse in a new dossier',
        response: { 200: ReusableDocuments, 401: Problem },
      },
    },
    async (request) => myReusableDocuments(ctx, requireUser(request)),
  );

  app.get(
    '/dossiers/mine/:code',
    {
      schema: {
        tags: TAGS,
        summary:
          'Một hồ sơ của tôi — one of your dossiers with what you submitted and its timeline',
        params: DossierCodeParams,
        response: { 200: MyDossierView, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request) => myDossier(ctx, requireUser(request), request.params.code),
  );

  app.post(
    '/dossiers/track',
    {
      schema: {
        tags: TAGS,
        summary:
          'Tra cứu hồ sơ — status and timeline by code and the last four digits of the applicant’s identity number',
        body: TrackBody,
        response: { 200: TrackedDossier, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (request) => trackDossier(ctx, request.body.code, request.body.idLast4),
  );
  await processingRoutes(app, ctx);
  await paymentsRoutes(app, ctx);
  await reportingRoutes(app, ctx);
}
