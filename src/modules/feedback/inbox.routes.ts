/**
 * Staff routes: the agency inbox (list, one report, the reporter's contact) and the actions
 * on a report. Every route needs a staff session with its second factor; services check
 * that the report is within the officer's reach.
 */
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { PERMISSIONS, requirePermission } from '../../kernel/auth';
import { findStoredFile } from '../../kernel/storage/storage.queries';
import { kindOf } from '../../kernel/storage/file-kinds';
import { feedbackErrors } from './feedback.errors';
import {
  ActionBody,
  InboxPage,
  InboxQuery,
  ProblemResponse as Problem,
  ReporterContact,
  StaffReportView,
  TrackingCodeParams,
} from './feedback.schemas';
import {
  inboxScope,
  listInbox,
  reporterContact,
  staffReportView,
  staffViewOf,
} from './inbox.service';
import { ExportContent, ExportFormatSchema, exportFileName, sendExport } from '../../kernel/export';
import { Type } from 'typebox';
import { feedbackDb } from './feedback-db';
import { iterateReports } from './report-list.queries';
import { isOverdue } from './report-views';
import { REPORT_EXPORT_COLUMNS } from './report-export';
import { filtersOf } from './report-filters';
import { actOnReport, type WorkflowAction } from './report-workflow';
import type { MediaUpload } from './report-submission';
import { AssigneeList, InboxMapFeed, InboxMapQuery } from './inbox-extras.schemas';
import { inboxMap, inboxOfficers, reportAssignees } from './inbox-extras.service';
import { INBOX_MAP_CAP } from './inbox-map.queries';

const TAGS = ['feedback (staff)'];
const STAFF_ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

async function answerMedia(
  ctx: AppContext,
  fileIds: readonly string[] | undefined,
): Promise<MediaUpload[]> {
  const media: MediaUpload[] = [];
  for (const fileId of fileIds ?? []) {
    const file = await findStoredFile(ctx.db, fileId);
    const kind = file ? kindOf(file.mediaType, ['image']) : null;
    if (!file || kind !== 'image') throw feedbackErrors.MEDIA_NOT_FOUND({ fileId });
    media.push({ fileId, mediaType: file.mediaType, kind });
  }
  return media;
}

export async function inboxRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/feedback/inbox',
    {
      schema: {
        tags: TAGS,
        summary: 'Hộp phản ánh của cơ quan — the inbox of the agencies in your reach',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsRead);
      return listInbox(ctx, principal, request.query);
    },
  );

  app.get(
    '/feedback/inbox/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Xuất danh sách đang lọc ra CSV, XLSX — export the filtered inbox',
        querystring: Type.Object(
          { ...InboxQuery.properties, format: ExportFormatSchema },
          { additionalProperties: false },
        ),
        response: { 200: ExportContent, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSIONS.recordsRead);
      const { format, ...query } = request.query;
      const now = ctx.clock.now();
      const rows = iterateReports(
        feedbackDb(ctx),
        filtersOf(query),
        await inboxScope(ctx, principal),
        query.sort,
        now,
      );
      async function* withOverdue() {
        for await (const row of rows) yield { ...row, overdue: isOverdue(row, now) };
      }
      return sendExport(reply, {
        format,
        fileName: exportFileName('Phản ánh', format, now),
        columns: REPORT_EXPORT_COLUMNS,
        rows: withOverdue(),
        locale: 'vi',
        sheetName: 'Phản ánh',
        timezone: ctx.config.timezone,
      });
    },
  );

  app.get(
    '/feedback/inbox/map',
    {
      schema: {
        tags: TAGS,
        summary: `Bản đồ hộp phản ánh (GeoJSON) — the filtered inbox as map points, at most ${INBOX_MAP_CAP}, newest first`,
        querystring: InboxMapQuery,
        response: { 200: InboxMapFeed, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsRead);
      return inboxMap(ctx, principal, request.query);
    },
  );

  app.get(
    '/feedback/inbox/officers',
    {
      schema: {
        tags: TAGS,
        summary: 'Cán bộ xử lý trong phạm vi — officers of the agencies in your inbox',
        response: { 200: AssigneeList, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsRead);
      return inboxOfficers(ctx, principal);
    },
  );

  app.get(
    '/feedback/inbox/:code/assignees',
    {
      schema: {
        tags: TAGS,
        summary: 'Cán bộ có thể được giao phản ánh — officers the report may be assigned to',
        params: TrackingCodeParams,
        response: { 200: AssigneeList, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsProcess);
      return reportAssignees(ctx, principal, request.params.code);
    },
  );

  app.get(
    '/feedback/inbox/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Chi tiết phản ánh cho cán bộ — a report with internal notes and full history',
        params: TrackingCodeParams,
        response: { 200: StaffReportView, ...STAFF_ERRORS },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsRead);
      return staffReportView(ctx, principal, request.params.code);
    },
  );

  app.get(
    '/feedback/inbox/:code/reporter',
    {
      schema: {
        tags: TAGS,
        summary:
          'Thông tin liên hệ người phản ánh (được ghi nhật ký) — the reporter’s contact (audited)',
        params: TrackingCodeParams,
        response: { 200: ReporterContact, ...STAFF_ERRORS },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSIONS.recordsProcess);
      void reply.header('Cache-Control', 'no-store');
      return reporterContact(ctx, principal, request.params.code, {
        ip: request.ip,
        requestId: request.id,
      });
    },
  );

  app.post(
    '/feedback/inbox/:code/actions',
    {
      schema: {
        tags: TAGS,
        summary:
          'Xử lý phản ánh: tiếp nhận, giao, trả lời, chuyển, từ chối, đánh dấu trùng, ẩn — act on a report',
        params: TrackingCodeParams,
        body: ActionBody,
        response: { 200: StaffReportView, ...STAFF_ERRORS, 409: Problem, 422: Problem },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.recordsProcess);
      const body = request.body;
      const action: WorkflowAction =
        body.action === 'answer' || body.action === 'resolve'
          ? {
              action: body.action,
              message: body.message,
              media: await answerMedia(ctx, body.fileIds),
            }
          : body;
      const report = await actOnReport(
        ctx,
        { principal, ip: request.ip, requestId: request.id },
        request.params.code,
        action,
      );
      return staffViewOf(ctx, report);
    },
  );
}
