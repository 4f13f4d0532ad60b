/**
 * The one-stop desk's console routes (work list, a dossier whole, its documents, every
 * action of the process) and the applicant's answers (documents asked for, the rating).
 * Each action is a POST naming what it does; the services check the person's reach and
 * the dossier's state, so a route cannot forget either.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../../kernel/http/api';
import type { AppContext } from '../../../kernel/context';
import { requestInfo, requireStaff, requireUser } from '../../../kernel/auth';
import {
  ExportContent,
  ExportFormatSchema,
  exportFileName,
  sendExport,
} from '../../../kernel/export';
import { attachmentDisposition } from '../../../kernel/storage/file-names';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { DossierCodeParams, ProblemResponse as Problem } from '../dossiers.schemas';
import { answerSurvey } from '../tracking';
import {
  ActionResult,
  ApologyBody,
  ApologyResult,
  DocumentParams,
  ForwardBody,
  ReasonBody,
  ReceiveBody,
  ReturnBody,
  NationalRecordSchema,
  PaperDossierBody,
  SendBackBody,
  SignBody,
  StaffDossierPage,
  StaffDossierQuery,
  StaffDossierView,
  SupplementRequestBody,
  SupplyBody,
  SurveyBody,
  SurveyResult,
} from './processing.schemas';
import { agenciesOfDossier, assertDossierAccess } from './dossier-scope';
import { receiveDossier } from './receive-dossier';
import { refuseDossier } from './refuse-dossier';
import { requestSupplement, supplyDocuments } from './supplements';
import { forwardDossier, sendBackDossier } from './move-dossier';
import { returnResult } from './return-result';
import { issueApology } from './apology';
import {
  listContext,
  listItemView,
  listStaffDossiers,
  reachOf,
  staffDossier,
} from './staff-dossiers';
import { iterateStaffList } from './staff-list.queries';
import { STAFF_EXPORT_COLUMNS } from './staff-export';
import { signResult } from './sign-result';
import { registerPaperDossier } from './register-paper';
import { nationalRecordOf } from '../sync';
import {
  DOSSIER_PAPERS,
  dossierPaper,
  type DossierPaper,
  type PaperDossier,
} from './dossier-papers';
import { StringEnum } from '../../../kernel/geo/geo.schemas';
import type { DossiersDb } from '../dossiers-db';

const TAGS = ['dossiers (one-stop desk)'];
const STAFF_ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const ACTION_ERRORS = { ...STAFF_ERRORS, 409: Problem, 422: Problem };
const PaperParams = Type.Object({
  code: DossierCodeParams.properties.code,
  paper: StringEnum(DOSSIER_PAPERS, {
    description:
      'receipt = giấy tiếp nhận và hẹn trả, supplement = phiếu yêu cầu bổ sung, refusal = phiếu từ chối, apology = phiếu xin lỗi và hẹn lại, result = kết quả (đã ký số)',
  }),
});

function paperDossierQuery(db: DossiersDb) {
  return db
    .selectFrom('dossier')
    .select([
      'id',
      'code',
      'status',
      'channel',
      'receivingAgencyId',
      'applicantUserId',
      'applicantName',
      'applicantPhone',
      'applicantEmail',
      'procedureId',
      'receivedAt',
      'dueAt',
      'returnMethod',
      'refusalReason',
      'resultFileId',
      'resultName',
    ]);
}

async function sendPaper(
  ctx: AppContext,
  db: DossiersDb,
  reply: FastifyReply,
  dossier: PaperDossier,
  paper: DossierPaper,
) {
  const made = await dossierPaper(ctx, db, dossier, paper);
  void reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', attachmentDisposition(made.name))
    .header('Cache-Control', 'private, no-store');
  if (made.kind === 'stream') {
    return reply.header('Content-Length', made.size).send(made.content);
  }
  return reply.header('Content-Length', made.bytes.length).send(Buffer.from(made.bytes));
}

/** Sends a stored file as a download under its own name. */
async function sendStoredFile(
  ctx: AppContext,
  reply: FastifyReply,
  file: { sha256: string; mediaType: string; size: number | string },
  name: string,
) {
  return reply
    .header('Content-Type', file.mediaType)
    .header('Content-Length', Number(file.size))
    .header('Content-Disposition', attachmentDisposition(name))
    .header('Cache-Control', 'private, no-store')
    .send(await ctx.files.get(file.sha256));
}

export async function processingRoutes(app: Api, ctx: AppContext): Promise<void> {
  const actor = (request: Parameters<typeof requestInfo>[0]) => ({
    principal: requireStaff(request),
    request: requestInfo(request),
  });

  app.get(
    '/dossiers',
    {
      schema: {
        tags: TAGS,
        summary:
          'Danh sách hồ sơ — the dossiers of your agencies: my work, awaiting reception, late, due today…',
        querystring: StaffDossierQuery,
        response: { 200: StaffDossierPage, ...STAFF_ERRORS },
      },
    },
    async (request) =>
      listStaffDossiers(ctx, requireStaff(request), {
        ...request.query,
        box: request.query.box ?? 'todo',
      }),
  );

  app.get(
    '/dossiers/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Xuất danh sách hồ sơ đang lọc ra CSV, XLSX — export the filtered list',
        querystring: Type.Object(
          { ...StaffDossierQuery.properties, format: ExportFormatSchema },
          { additionalProperties: false },
        ),
        response: { 200: ExportContent, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const { format, sort, page: _page, pageSize: _size, ...filters } = request.query;
      const context = await listContext(ctx);
      const rows = iterateStaffList(
        dossiersDb(ctx),
        reachOf(principal),
        { ...filters, box: filters.box ?? 'todo' },
        context,
        sort ?? 'due',
      );
      async function* views() {
        for await (const row of rows) yield listItemView(row, context.now);
      }
      return sendExport(reply, {
        format,
        fileName: exportFileName('Hồ sơ', format, context.now),
        columns: STAFF_EXPORT_COLUMNS,
        rows: views(),
        locale: 'vi',
        sheetName: 'Hồ sơ',
        timezone: ctx.config.timezone,
      });
    },
  );

  app.get(
    '/dossiers/:code',
    {
      schema: {
        tags: TAGS,
        summary:
          'Chi tiết hồ sơ — a dossier whole, with the applicant’s data (every read is audited) and the actions you may take',
        params: DossierCodeParams,
        response: { 200: StaffDossierView, ...STAFF_ERRORS },
      },
    },
    async (request) =>
      staffDossier(ctx, requireStaff(request), requestInfo(request), request.params.code),
  );

  app.get(
    '/dossiers/:code/national-record',
    {
      schema: {
        tags: TAGS,
        summary:
          'Bản ghi đồng bộ Cổng DVC quốc gia — the dossier as the National Public Service Portal’s synchronisation record (nothing personal)',
        params: DossierCodeParams,
        response: { 200: NationalRecordSchema, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requireStaff(request);
      const db = dossiersDb(ctx);
      const dossier = await db
        .selectFrom('dossier')
        .select(['id', 'receivingAgencyId'])
        .where('code', '=', request.params.code)
        .executeTakeFirst();
      if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
      assertDossierAccess(
        principal,
        DOSSIER_PERMISSIONS.read,
        await agenciesOfDossier(db, dossier),
      );
      return nationalRecordOf(db, dossier.id, 'Asia/Ho_Chi_Minh');
    },
  );

  app.get(
    '/dossiers/:code/documents/:documentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Tải giấy tờ của hồ sơ — one of the dossier’s documents',
        params: DocumentParams,
        response: { ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const db = dossiersDb(ctx);
      const row = await db
        .selectFrom('dossierDocument')
        .innerJoin('dossier', 'dossier.id', 'dossierDocument.dossierId')
        .innerJoin('storedFile', 'storedFile.id', 'dossierDocument.storedFileId')
        .select([
          'dossier.id as dossierId',
          'dossier.receivingAgencyId',
          'dossierDocument.name',
          'storedFile.sha256',
          'storedFile.mediaType',
          'storedFile.size',
        ])
        .where('dossier.code', '=', request.params.code)
        .where('dossierDocument.id', '=', request.params.documentId)
        .executeTakeFirst();
      if (!row) throw dossierErrors.DOSSIER_NOT_FOUND();
      const agencies = await agenciesOfDossier(db, { id: row.dossierId, ...row });
      assertDossierAccess(principal, DOSSIER_PERMISSIONS.read, agencies);
      return sendStoredFile(ctx, reply, row, row.name);
    },
  );

  app.post(
    '/dossiers/desk',
    {
      schema: {
        tags: TAGS,
        summary:
          'Tiếp nhận hồ sơ giấy — register a paper dossier at the desk or from the post, its documents scanned; received at once',
        body: PaperDossierBody,
        response: { 201: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const received = await registerPaperDossier(ctx, actor(request), request.body);
      return reply.status(201).send({ ...received, status: 'received' as const });
    },
  );

  app.post(
    '/dossiers/:code/receive',
    {
      schema: {
        tags: TAGS,
        summary:
          'Tiếp nhận hồ sơ — receive a dossier: its appointment is set on the working calendar (desk)',
        params: DossierCodeParams,
        body: ReceiveBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) => {
      const result = await receiveDossier(ctx, actor(request), request.params.code, request.body);
      return { ...result, status: 'received' as const };
    },
  );

  app.post(
    '/dossiers/:code/refuse',
    {
      schema: {
        tags: TAGS,
        summary: 'Từ chối hồ sơ — refuse a dossier, with the reason printed on the refusal slip',
        params: DossierCodeParams,
        body: ReasonBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) => refuseDossier(ctx, actor(request), request.params.code, request.body.reason),
  );

  app.post(
    '/dossiers/:code/supplement-requests',
    {
      schema: {
        tags: TAGS,
        summary:
          'Yêu cầu bổ sung hồ sơ — ask the applicant for more documents; the clock stops until they answer',
        params: DossierCodeParams,
        body: SupplementRequestBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) => requestSupplement(ctx, actor(request), request.params.code, request.body),
  );

  for (const act of ['forward', 'approve'] as const) {
    app.post(
      `/dossiers/:code/${act}`,
      {
        schema: {
          tags: TAGS,
          summary:
            act === 'forward'
              ? 'Chuyển bước tiếp theo — hand the examined dossier to the next step, with your opinion'
              : 'Phê duyệt — approve the dossier; it goes to the result’s signing',
          params: DossierCodeParams,
          body: ForwardBody,
          response: { 200: ActionResult, ...ACTION_ERRORS },
        },
      },
      async (request) =>
        forwardDossier(ctx, actor(request), request.params.code, act, request.body.note),
    );
  }

  app.post(
    '/dossiers/:code/send-back',
    {
      schema: {
        tags: TAGS,
        summary: 'Trả lại bước trước — send the dossier back to an earlier step, with the reason',
        params: DossierCodeParams,
        body: SendBackBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) => sendBackDossier(ctx, actor(request), request.params.code, request.body),
  );

  app.post(
    '/dossiers/:code/sign',
    {
      schema: {
        tags: TAGS,
        summary:
          'Ký kết quả — sign the result with your certificate (PAdES), confirmed by a fresh authenticator code',
        params: DossierCodeParams,
        body: SignBody,
        response: { 200: ActionResult, ...ACTION_ERRORS, 429: Problem },
      },
    },
    async (request) => signResult(ctx, actor(request), request.params.code, request.body.code),
  );

  app.get(
    '/dossiers/:code/papers/:paper',
    {
      schema: {
        tags: TAGS,
        summary:
          'Giấy tờ của hồ sơ (PDF) — the receipt and appointment slip, the request for documents, the refusal slip, the apology, the signed result',
        params: PaperParams,
        response: { ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const db = dossiersDb(ctx);
      const dossier = await paperDossierQuery(db)
        .where('code', '=', request.params.code)
        .executeTakeFirst();
      if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
      assertDossierAccess(
        principal,
        DOSSIER_PERMISSIONS.read,
        await agenciesOfDossier(db, dossier),
      );
      return sendPaper(ctx, db, reply, dossier, request.params.paper);
    },
  );

  app.get(
    '/dossiers/mine/:code/papers/:paper',
    {
      schema: {
        tags: TAGS,
        summary:
          'Giấy tờ hồ sơ của tôi (PDF) — your receipt, requests, refusal or apology, and your signed result',
        params: PaperParams,
        response: { 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const db = dossiersDb(ctx);
      const dossier = await paperDossierQuery(db)
        .where('code', '=', request.params.code)
        .where('applicantUserId', '=', principal.id)
        .executeTakeFirst();
      if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
      // The result is the applicant's once handed over (downloaded, or fees paid at the desk).
      if (request.params.paper === 'result' && dossier.status !== 'returned') {
        throw dossierErrors.NO_RESULT();
      }
      return sendPaper(ctx, db, reply, dossier, request.params.paper);
    },
  );

  app.post(
    '/dossiers/:code/return',
    {
      schema: {
        tags: TAGS,
        summary:
          'Trả kết quả — record that the result was handed over at the desk or sent by post (fees paid)',
        params: DossierCodeParams,
        body: ReturnBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) => returnResult(ctx, actor(request), request.params.code, request.body.method),
  );

  app.post(
    '/dossiers/:code/apologies',
    {
      schema: {
        tags: TAGS,
        summary:
          'Phiếu xin lỗi và hẹn lại — apologise for a late dossier and give a new appointment',
        params: DossierCodeParams,
        body: ApologyBody,
        response: { 201: ApologyResult, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const apology = await issueApology(ctx, actor(request), request.params.code, {
        reason: request.body.reason,
        newDueAt: new Date(request.body.newDueAt),
      });
      return reply.status(201).send(apology);
    },
  );

  app.post(
    '/dossiers/mine/:code/supplements',
    {
      schema: {
        tags: TAGS,
        summary:
          'Bổ sung hồ sơ — give the documents the desk asked for (the applicant); the clock runs again',
        params: DossierCodeParams,
        body: SupplyBody,
        response: { 200: ActionResult, ...ACTION_ERRORS },
      },
    },
    async (request) =>
      supplyDocuments(
        ctx,
        requireUser(request),
        requestInfo(request),
        request.params.code,
        request.body,
      ),
  );

  app.post(
    '/dossiers/mine/:code/survey',
    {
      schema: {
        tags: TAGS,
        summary: 'Đánh giá mức độ hài lòng — rate the service once the result is returned',
        params: DossierCodeParams,
        body: SurveyBody,
        response: { 201: SurveyResult, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const answer = await answerSurvey(
        ctx,
        requireUser(request),
        requestInfo(request),
        request.params.code,
        request.body,
      );
      return reply.status(201).send(answer);
    },
  );
}
