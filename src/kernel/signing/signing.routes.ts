/**
 * `POST /api/signing/verify`: anyone may check a signed file — a citizen holding a signed
 * result, an agency receiving a document. Multipart parsing is registered in this plugin only.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { signingErrors } from './signing.errors';
import { VerificationReportSchema, VerifyForm } from './signing.schemas';
import { verifySignedFile } from './verify-file';

export async function signingRoutes(app: Api, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    const routes = scope.withTypeProvider<TypeBoxTypeProvider>();
    await routes.register(multipart, {
      limits: {
        fileSize: ctx.config.uploadLimitBytes,
        files: 2,
        fields: 0,
        parts: 2,
        headerPairs: 100,
      },
    });

    routes.post(
      '/signing/verify',
      {
        schema: {
          tags: ['signing'],
          summary: 'Verify the digital signatures of a file',
          description:
            'A PDF is checked for its embedded (PAdES) signatures; any other file needs its ' +
            'detached CMS signature in the field "signature". The file is not kept.',
          consumes: ['multipart/form-data'],
          body: VerifyForm,
          response: { 200: VerificationReportSchema },
        },
      },
      async (request) => {
        let file: { name: string; content: Buffer } | undefined;
        let signature: Buffer | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type !== 'file') continue;
            const content = await part.toBuffer();
            if (part.fieldname === 'file') file = { name: part.filename, content };
            else if (part.fieldname === 'signature') signature = content;
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw signingErrors.SIGNED_FILE_TOO_LARGE();
          }
          throw error;
        }
        if (!file || file.content.length === 0) throw signingErrors.SIGNED_FILE_REQUIRED();
        return verifySignedFile(ctx, { ...file, ...(signature ? { signature } : {}) });
      },
    );
  });
}
