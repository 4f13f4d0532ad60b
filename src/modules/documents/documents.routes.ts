/**
 * Staff routes of the registers: the desk, outgoing documents from draft to issue, incoming
 * documents from arrival to completion, register exports and document files. Every route
 * needs a staff session with its second factor; services check the agency and the step.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { PERMISSIONS, requestInfo, requirePermission, requireStaff } from '../../kernel/auth';
import { documentsOpsKpis } from './documents-ops.queries';
import { ExportContent, ExportFormatSchema, exportFileName, sendExport } from '../../kernel/export';
import { attachmentDisposition } from '../../kernel/storage/file-names';
import { findStoredFile } from '../../kernel/storage/storage.queries';
import { FileContent } from '../../kernel/storage/storage.schemas';
import { documentsDb } from './documents-db';
import { documentErrors } from './documents.errors';
import { DOCUMENT_PERMISSIONS } from './documents.permissions';
import {
  DocumentsDesk,
  DocumentsOpsKpis,
  DraftBody,
  IdParams,
  IncomingActionBody,
  IncomingListQuery,
  IncomingPage,
  IncomingView,
  OrganList,
  OrganQuery,
  OutgoingActionBody,
  OutgoingListQuery,
  OutgoingPage,
  OutgoingView,
  PaperIncomingBody,
  ProblemResponse as Problem,
} from './documents.schemas';
import { assertDocumentAccess } from './document-scope';
import type { DocumentActor } from './document-history';
import {
  documentsDesk,
  incomingFilters,
  listIncoming,
  listOutgoing,
  outgoingFilters,
  searchOrgans,
} from './document-lists';
import { incomingView, outgoingView } from './document-views';
import { createDraft, updateDraft } from './outgoing-draft';
import { reviewOutgoing } from './outgoing-workflow';
import { signOutgoing } from './outgoing-signing';
import { issueOutgoing } from './outgoing-issue';
import { actOnIncoming } from './incoming-workflow';
import { registerPaperDocument } from './incoming-paper';
import {
  INCOMING_REGISTER_COLUMNS,
  OUTGOING_REGISTER_COLUMNS,
  incomingRegisterRows,
  outgoingRegisterRows,
} from './register-export';
import { recallOutgoing } from './exchange';

const TAGS = ['documents'];
const ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };
const ACTION_ERRORS = { ...ERRORS, 409: Problem, 422: Problem };

function actorOf(request: FastifyRequest): DocumentActor {
  return { principal: requireStaff(request), request: requestInfo(request) };
}

export async function documentsRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/documents/desk',
    {
      schema: {
        tags: TAGS,
        summary: 'Bàn làm việc văn bản — your agency, what you may do and what waits for you',
        response: { 200: DocumentsDesk, ...ERRORS },
      },
    },
    async (request) => documentsDesk(ctx, requireStaff(request)),
  );

  app.get(
    '/documents/ops',
    {
      schema: {
        tags: ['ops'],
        summary:
          'Chỉ số văn bản cho trung tâm điều hành — documents issued and received today, overdue handling, exchange health (permission ops.view)',
        security: [{ session: [] }, { apiKey: [] }],
        response: { 200: DocumentsOpsKpis, 401: Problem, 403: Problem },
      },
    },
    async (request, reply) => {
      requirePermission(request, PERMISSIONS.opsView);
      void reply.header('Cache-Control', 'no-store');
      return documentsOpsKpis(ctx);
    },
  );

  app.get(
    '/documents/organs',
    {
      schema: {
        tags: TAGS,
        summary: 'Danh bạ cơ quan nhận văn bản — agencies to send to (search by code or name)',
        querystring: OrganQuery,
        response: { 200: OrganList, ...ERRORS },
      },
    },
    async (request) => {
      requireStaff(request);
      return searchOrgans(ctx, request.query.q);
    },
  );

  app.get(
    '/documents/outgoing',
    {
      schema: {
        tags: TAGS,
        summary: 'Văn bản đi — outgoing documents and the outgoing register, searched and paged',
        querystring: OutgoingListQuery,
        response: { 200: OutgoingPage, ...ERRORS },
      },
    },
    async (request) => listOutgoing(ctx, requireStaff(request), request.query),
  );

  app.get(
    '/documents/outgoing/export',
    {
      schema: {
        tags: TAGS,
        summary:
          'Xuất sổ đăng ký văn bản đi (Phụ lục IV, Nghị định 30) — export the outgoing register',
        querystring: Type.Object(
          { ...OutgoingListQuery.properties, format: ExportFormatSchema },
          { additionalProperties: false },
        ),
        response: { 200: ExportContent, ...ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const { format, ...query } = request.query;
      const now = ctx.clock.now();
      return sendExport(reply, {
        format,
        fileName: exportFileName('Sổ văn bản đi', format, now),
        columns: OUTGOING_REGISTER_COLUMNS,
        rows: outgoingRegisterRows(documentsDb(ctx), outgoingFilters(principal, query)),
        locale: 'vi',
        sheetName: 'Sổ văn bản đi',
        title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
        timezone: ctx.config.timezone,
      });
    },
  );

  app.post(
    '/documents/outgoing',
    {
      schema: {
        tags: TAGS,
        summary: 'Soạn văn bản đi — create a draft',
        body: DraftBody,
        response: { 201: OutgoingView, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const draft = await createDraft(ctx, actor, request.body);
      void reply.status(201);
      return outgoingView(ctx, actor.principal, draft.id);
    },
  );

  app.get(
    '/documents/outgoing/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Chi tiết văn bản đi — an outgoing document with its recipients’ statuses',
        params: IdParams,
        response: { 200: OutgoingView, ...ERRORS },
      },
    },
    async (request) => outgoingView(ctx, requireStaff(request), request.params.id),
  );

  app.put(
    '/documents/outgoing/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Sửa dự thảo — edit a draft',
        params: IdParams,
        body: DraftBody,
        response: { 200: OutgoingView, ...ACTION_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await updateDraft(ctx, actor, request.params.id, request.body);
      return outgoingView(ctx, actor.principal, request.params.id);
    },
  );

  app.post(
    '/documents/outgoing/:id/actions',
    {
      schema: {
        tags: TAGS,
        summary:
          'Trình, duyệt, trả lại, ký số (xác thực TOTP), phát hành, thu hồi — act on an outgoing document',
        params: IdParams,
        body: OutgoingActionBody,
        response: { 200: OutgoingView, ...ACTION_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const id = request.params.id;
      const body = request.body;
      switch (body.action) {
        case 'submit':
        case 'approve':
        case 'return':
          await reviewOutgoing(ctx, actor, id, body);
          break;
        case 'sign':
          await signOutgoing(ctx, actor, id, body.code);
          break;
        case 'issue':
          await issueOutgoing(ctx, actor, id, { registerId: body.registerId });
          break;
        case 'recall':
          await recallOutgoing(ctx, actor, id, body.reason);
          break;
      }
      return outgoingView(ctx, actor.principal, id);
    },
  );

  app.get(
    '/documents/incoming',
    {
      schema: {
        tags: TAGS,
        summary: 'Văn bản đến — incoming documents and the incoming register, searched and paged',
        querystring: IncomingListQuery,
        response: { 200: IncomingPage, ...ERRORS },
      },
    },
    async (request) => listIncoming(ctx, requireStaff(request), request.query),
  );

  app.get(
    '/documents/incoming/export',
    {
      schema: {
        tags: TAGS,
        summary:
          'Xuất sổ đăng ký văn bản đến (Phụ lục IV, Nghị định 30) — export the incoming register',
        querystring: Type.Object(
          { ...IncomingListQuery.properties, format: ExportFormatSchema },
          { additionalProperties: false },
        ),
        response: { 200: ExportContent, ...ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const { format, ...query } = request.query;
      const now = ctx.clock.now();
      return sendExport(reply, {
        format,
        fileName: exportFileName('Sổ văn bản đến', format, now),
        columns: INCOMING_REGISTER_COLUMNS,
        rows: incomingRegisterRows(documentsDb(ctx), incomingFilters(ctx, principal, query)),
        locale: 'vi',
        sheetName: 'Sổ văn bản đến',
        title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
        timezone: ctx.config.timezone,
      });
    },
  );

  app.post(
    '/documents/incoming',
    {
      schema: {
        tags: TAGS,
        summary: 'Vào sổ văn bản giấy — register a scanned paper document',
        body: PaperIncomingBody,
        response: { 201: IncomingView, ...ACTION_ERRORS },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await registerPaperDocument(ctx, actor, request.body);
      void reply.status(201);
      return incomingView(ctx, actor.principal, id);
    },
  );

  app.get(
    '/documents/incoming/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Chi tiết văn bản đến — an incoming document with its handling',
        params: IdParams,
        response: { 200: IncomingView, ...ERRORS },
      },
    },
    async (request) => incomingView(ctx, requireStaff(request), request.params.id),
  );

  app.post(
    '/documents/incoming/:id/actions',
    {
      schema: {
        tags: TAGS,
        summary: 'Vào sổ, phân công, bắt đầu, hoàn thành — act on an incoming document',
        params: IdParams,
        body: IncomingActionBody,
        response: { 200: IncomingView, ...ACTION_ERRORS },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await actOnIncoming(ctx, actor, request.params.id, request.body);
      return incomingView(ctx, actor.principal, request.params.id);
    },
  );

  app.get(
    '/documents/files/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Tải tệp văn bản — a document’s file (signed PDF, attachment, scan)',
        params: IdParams,
        response: { 200: FileContent, ...ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requireStaff(request);
      const db = documentsDb(ctx);
      const link = await db
        .selectFrom('documentFile')
        .leftJoin('documentOutgoing', 'documentOutgoing.id', 'documentFile.outgoingId')
        .leftJoin('documentIncoming', 'documentIncoming.id', 'documentFile.incomingId')
        .select([
          'documentFile.storedFileId',
          'documentFile.name',
          'documentFile.mediaType',
          'documentOutgoing.agencyId as outgoingAgency',
          'documentIncoming.agencyId as incomingAgency',
        ])
        .where('documentFile.id', '=', request.params.id)
        .executeTakeFirst();
      const agencyId = link?.outgoingAgency ?? link?.incomingAgency;
      if (!link || !agencyId) throw documentErrors.DOCUMENT_NOT_FOUND();
      assertDocumentAccess(principal, DOCUMENT_PERMISSIONS.read, agencyId);
      const file = await findStoredFile(ctx.db, link.storedFileId);
      if (!file) throw documentErrors.DOCUMENT_NOT_FOUND();
      void reply
        .header('Content-Type', link.mediaType)
        .header('Content-Disposition', attachmentDisposition(link.name))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'private, no-cache');
      return reply.send(await ctx.files.get(file.sha256));
    },
  );
}
