/**
 * Public and citizen routes: categories, filing a report (JSON, or multipart with photos
 * and a video), the public list, nearby open reports, a report by tracking code, rating,
 * following, and the report's public photos. Nothing here returns personal data.
 */
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { httpErrors } from '../../kernel/errors/common.errors';
import { storeUpload, openDownload, UPLOAD_OWNER_TYPE } from '../../kernel/storage/storage.service';
import { attachmentDisposition } from '../../kernel/storage/file-names';
import { EXTENSION_OF } from '../../kernel/storage/file-kinds';
import { feedbackDb } from './feedback-db';
import { feedbackErrors } from './feedback.errors';
import {
  CategoryList,
  FollowBody,
  MediaParams,
  NearbyList,
  NearbyQuery,
  NewReportBody,
  ProblemResponse as Problem,
  PublicListQuery,
  PublicReportPage,
  RatingBody,
  RatingReply,
  ReportView,
  SubmittedReportView,
  TrackingCodeParams,
} from './feedback.schemas';
import { activeCategories } from './category.queries';
import {
  MAX_PHOTOS,
  MAX_VIDEOS,
  submitReport,
  type MediaUpload,
  type SubmittedReport,
} from './report-submission';
import {
  followReport,
  nearbyReports,
  NEARBY_RADIUS_M,
  rateReport,
  viewReport,
} from './report-citizen';
import { listReports } from './report-list.queries';
import { isOverdue } from './report-views';
import { categoryView } from './category-view';
import { canReadMedia } from './media-access';
import { filtersOf } from './report-filters';

const TAGS = ['feedback'];
const SECRET_HEADER = 'x-report-secret';

function secretOf(request: FastifyRequest): string | null {
  const header = request.headers[SECRET_HEADER];
  return typeof header === 'string' && header.length > 0 && header.length <= 100 ? header : null;
}

function submittedView(report: SubmittedReport) {
  return {
    trackingCode: report.trackingCode,
    secret: report.secret,
    status: report.status,
    agency: { id: report.agencyId, name: report.agencyName },
    commune: { code: report.communeCode, name: report.communeName },
    submittedAt: report.submittedAt,
    deadlineAt: report.deadlineAt,
  };
}

function parseReportField(raw: string): NewReportBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw httpErrors.VALIDATION_FAILED([{ field: 'report', message: 'not valid JSON' }]);
  }
  if (!Value.Check(NewReportBody, parsed)) {
    const details = [...Value.Errors(NewReportBody, parsed)].slice(0, 20).map((error) => ({
      field: `report${error.instancePath.replaceAll('/', '.')}`,
      message: error.message,
    }));
    throw httpErrors.VALIDATION_FAILED(details);
  }
  return parsed;
}

export async function citizenRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/feedback/categories',
    {
      schema: {
        tags: TAGS,
        summary: 'Lĩnh vực phản ánh và câu hỏi kèm theo — report categories and their questions',
        response: { 200: CategoryList },
      },
    },
    async () => ({ items: (await activeCategories(feedbackDb(ctx))).map(categoryView) }),
  );

  // Filing with photos: multipart/form-data with a `report` field (the JSON body) and up
  // to 5 `photo` files and 1 `video` file. Filing without: the JSON body itself.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    await files.register(multipart, {
      limits: {
        fileSize: ctx.config.uploadLimitBytes + 1,
        files: MAX_PHOTOS + MAX_VIDEOS,
        fields: 1,
        parts: MAX_PHOTOS + MAX_VIDEOS + 1,
        fieldSize: 64 * 1024,
      },
    });
    files.post(
      '/feedback/reports',
      {
        schema: {
          tags: TAGS,
          summary: 'Gửi phản ánh — file a report (JSON, or multipart with photos and a video)',
          description:
            'With `Idempotency-Key`, a retried submission (e.g. from the offline queue) files the ' +
            'report once. Photos are re-encoded without metadata; the location kept is the point ' +
            'given in the report.',
          consumes: ['application/json', 'multipart/form-data'],
          body: Type.Unsafe<unknown>({}),
          response: {
            201: SubmittedReportView,
            400: Problem,
            404: Problem,
            413: Problem,
            415: Problem,
            422: Problem,
          },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        const uploaderKey = principal?.id ?? `anonymous:${request.id}`;
        let input: NewReportBody | null = null;
        const media: MediaUpload[] = [];
        if (request.isMultipart()) {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (part.fieldname !== 'report') {
                throw httpErrors.VALIDATION_FAILED([
                  { field: part.fieldname, message: 'unknown field' },
                ]);
              }
              input = parseReportField(String(part.value));
              continue;
            }
            const kind =
              part.fieldname === 'photo' ? 'image' : part.fieldname === 'video' ? 'video' : null;
            if (!kind) {
              part.file.resume();
              throw httpErrors.VALIDATION_FAILED([
                { field: part.fieldname, message: 'unknown file field' },
              ]);
            }
            if (
              media.filter((file) => file.kind === kind).length >=
              (kind === 'image' ? MAX_PHOTOS : MAX_VIDEOS)
            ) {
              part.file.resume();
              throw feedbackErrors.REPORT_TOO_MANY_FILES();
            }
            const stored = await storeUpload(ctx, {
              stream: part.file,
              filename: part.filename,
              allow: kind,
              ownerType: UPLOAD_OWNER_TYPE,
              ownerId: uploaderKey,
              agencyId: null,
              uploadedBy: uploaderKey,
            });
            media.push({ fileId: stored.id, mediaType: stored.mediaType, kind });
          }
          if (!input)
            throw httpErrors.VALIDATION_FAILED([{ field: 'report', message: 'required' }]);
        } else {
          input = parseReportField(JSON.stringify(request.body ?? null));
        }
        const report = await submitReport(
          ctx,
          { principal, ip: request.ip, requestId: request.id, uploaderKey, source: 'portal' },
          input,
          media,
        );
        return reply.status(201).send(submittedView(report));
      },
    );
  });

  app.get(
    '/feedback/reports',
    {
      schema: {
        tags: TAGS,
        summary: 'Danh sách phản ánh công khai — public list of reports (no personal data)',
        querystring: PublicListQuery,
        response: { 200: PublicReportPage, 400: Problem },
      },
    },
    async (request) => {
      const query = request.query;
      const now = ctx.clock.now();
      const { items, total } = await listReports(
        feedbackDb(ctx),
        {
          filters: filtersOf(query),
          sort: query.sort,
          page: query.page,
          pageSize: query.pageSize,
        },
        { kind: 'public' },
        now,
      );
      return {
        items: items.map((item) => ({ ...item, overdue: isOverdue(item, now) })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  );

  app.get(
    '/feedback/nearby',
    {
      schema: {
        tags: TAGS,
        summary: 'Phản ánh cùng loại đang mở trong bán kính 250 m — open reports nearby',
        querystring: NearbyQuery,
        response: { 200: NearbyList, 400: Problem },
      },
    },
    async (request) => ({
      radiusM: NEARBY_RADIUS_M,
      items: await nearbyReports(ctx, request.query),
    }),
  );

  app.get(
    '/feedback/reports/:code',
    {
      schema: {
        tags: TAGS,
        summary: 'Tra cứu phản ánh theo mã — a report, its history and public answers',
        description: `The reporter sends the secret from submission in the \`X-Report-Secret\` header (or is signed in) to see their own view.`,
        params: TrackingCodeParams,
        response: { 200: ReportView, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      void reply.header('Cache-Control', 'no-store');
      return viewReport(ctx, request.params.code, {
        principal: request.principal,
        secret: secretOf(request),
        ip: request.ip,
        requestId: request.id,
      });
    },
  );

  app.post(
    '/feedback/reports/:code/rating',
    {
      schema: {
        tags: TAGS,
        summary: 'Đánh giá kết quả xử lý — rate the answer; "not satisfied" within 7 days reopens',
        params: TrackingCodeParams,
        body: RatingBody,
        response: { 200: RatingReply, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      rateReport(
        ctx,
        request.params.code,
        {
          principal: request.principal,
          secret: secretOf(request),
          ip: request.ip,
          requestId: request.id,
        },
        request.body,
      ),
  );

  app.post(
    '/feedback/reports/:code/followers',
    {
      schema: {
        tags: TAGS,
        summary: 'Theo dõi phản ánh — follow a report by e-mail or with your account',
        params: TrackingCodeParams,
        body: FollowBody,
        response: { 204: Type.Null(), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await followReport(ctx, request.params.code, request.principal, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/feedback/media/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Ảnh, video của phản ánh — a photo or video of a report',
        params: MediaParams,
        response: {
          200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const db = feedbackDb(ctx);
      const media = await db
        .selectFrom('feedbackMedia')
        .select(['fileId'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!media) throw feedbackErrors.MEDIA_NOT_FOUND();
      const claimant = { principal: request.principal, secret: secretOf(request) };
      const download = await openDownload(ctx, null, media.fileId, () =>
        canReadMedia(ctx, request.params.id, claimant),
      ).catch(() => {
        throw feedbackErrors.MEDIA_NOT_FOUND();
      });
      const isPublic = await canReadMedia(ctx, request.params.id, {
        principal: null,
        secret: null,
      });
      return reply
        .header('Content-Type', download.file.mediaType)
        .header('Content-Length', download.file.size)
        .header(
          'Content-Disposition',
          // A name of our own, never the uploader's: a phone names a file after its owner
          // or carries their number, and this answer is public.
          attachmentDisposition(
            `phan-anh-${request.params.id}.${EXTENSION_OF[download.file.mediaType] ?? 'bin'}`,
          ).replace('attachment', 'inline'),
        )
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', isPublic ? 'public, max-age=86400' : 'private, no-store')
        .send(download.content);
    },
  );
}
