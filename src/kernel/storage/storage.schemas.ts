/** Request and response shapes of the file routes (validation, OpenAPI, response filtering). */
import type { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { FILE_KINDS } from './file-kinds';

export const UploadQuery = Type.Object(
  {
    kind: Type.Optional(
      Type.Union(
        FILE_KINDS.map((kind) => Type.Literal(kind)),
        { description: 'Expected kind of file; any accepted kind when absent.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type UploadQuery = Static<typeof UploadQuery>;

export const StoredFileView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String({
      description: 'Sanitised file name, with the extension of the stored type',
    }),
    mediaType: Type.String({ description: 'Detected from the content, e.g. image/jpeg' }),
    size: Type.Integer({ minimum: 0, description: 'Bytes' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);
export type StoredFileView = Static<typeof StoredFileView>;

export const FileParams = Type.Object(
  { id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);
export type FileParams = Static<typeof FileParams>;

/** The content itself; streamed, so it is never serialised as JSON. */
export const FileContent = Type.Unsafe<Readable | Buffer>({
  type: 'string',
  format: 'binary',
  description: 'The file content, sent as an attachment',
});

/** The client's copy (If-None-Match) is still current. */
export const NotModified = Type.Unsafe<undefined>({ description: 'Not modified' });

/**
 * The multipart form, for the OpenAPI document. The route reads the file as a stream, so
 * there is no parsed body: Fastify validates it as null, which `nullable` accepts; the
 * handler itself insists on the `file` field.
 */
export const UploadForm = {
  content: {
    'multipart/form-data': {
      schema: Type.Unsafe<null>({
        type: 'object',
        nullable: true,
        properties: { file: { type: 'string', format: 'binary', description: 'The file' } },
        required: ['file'],
      }),
    },
  },
};
