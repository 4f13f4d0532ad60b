/**
 * `POST /api/files` stores one upload; `GET /api/files/:id` sends it back as an attachment.
 * Multipart parsing is registered inside this plugin only, so no other route accepts it.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePrincipal } from '../auth/guards';
import { AppError } from '../errors/app-error';
import { storageErrors } from './storage.errors';
import { FILE_KINDS } from './file-kinds';
import { attachmentDisposition } from './file-names';
import {
  FileContent,
  FileParams,
  NotModified,
  StoredFileView,
  UploadForm,
  UploadQuery,
} from './storage.schemas';
import {
  agencyStaffCanRead,
  openDownload,
  storeUpload,
  UPLOAD_OWNER_TYPE,
  type StoredFile,
} from './storage.service';

function view(file: StoredFile): StoredFileView {
  return {
    id: file.id,
    name: file.originalName,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
  };
}

export async function storageRoutes(app: Api, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    await files.register(multipart, {
      limits: {
        // One byte past the limit lets the store's own check report the precise error.
        fileSize: ctx.config.uploadLimitBytes + 1,
        files: 1,
        fields: 0,
        parts: 1,
        headerPairs: 100,
      },
    });

    files.post(
      '/files',
      {
        schema: {
          tags: ['files'],
          summary: 'Upload one file (multipart/form-data, field "file")',
          description:
            'The type is detected from the content. Images are re-encoded (upright, at most ' +
            '2048 px, all metadata removed). The file stays unattached until a record ' +
            'references it, and is dropped after 24 hours otherwise.',
          consumes: ['multipart/form-data'],
          body: UploadForm,
          querystring: UploadQuery,
          response: { 201: StoredFileView },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const part = await request.file().catch((error: unknown) => {
          // A body that does not parse as multipart (a wrong boundary, a cut-off part) is
          // the client's mistake, not a fault of the platform. The plugin's own refusals (not
          // multipart at all, limits) already say what they are.
          const status = (error as { statusCode?: unknown }).statusCode;
          if (error instanceof AppError || (typeof status === 'number' && status < 500)) {
            throw error;
          }
          throw storageErrors.MULTIPART_MALFORMED();
        });
        if (!part || part.fieldname !== 'file') {
          part?.file.resume();
          throw storageErrors.FILE_REQUIRED();
        }
        const file = await storeUpload(ctx, {
          stream: part.file,
          filename: part.filename,
          allow: request.query.kind ?? FILE_KINDS,
          ownerType: UPLOAD_OWNER_TYPE,
          ownerId: principal.id,
          agencyId: principal.agencyId,
          uploadedBy: principal.id,
        });
        return reply.status(201).send(view(file));
      },
    );
  });

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file',
        description:
          'Readable by its uploader and by staff of the agency holding it (or of an agency ' +
          'above); anyone else gets 404.',
        params: FileParams,
        response: { 200: FileContent, 304: NotModified },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { file, content } = await openDownload(
        ctx,
        principal,
        request.params.id,
        agencyStaffCanRead(ctx, principal),
      );
      const etag = `"${file.sha256}"`;
      void reply
        .header('Content-Type', file.mediaType)
        .header('Content-Disposition', attachmentDisposition(file.originalName))
        .header('X-Content-Type-Options', 'nosniff')
        .header('ETag', etag)
        // Personal files: no shared cache may keep them, the browser revalidates.
        .header('Cache-Control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) {
        content.destroy();
        return reply.status(304).send(undefined);
      }
      return reply.header('Content-Length', String(file.size)).send(content);
    },
  );
}
