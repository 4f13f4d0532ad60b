/**
 * Trust administration: `GET/POST /api/signing/roots`, `DELETE /api/signing/roots/:id` and
 * `POST /api/signing/crls`, for holders of `signing.manage` (province administrators).
 */
import { Type } from 'typebox';
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { requestInfo } from '../auth/request-info';
import {
  CrlView,
  NewCrl,
  NewTrustedRoot,
  RootParams,
  TrustedRoot,
  TrustedRootList,
} from './signing.schemas';
import {
  addCrl,
  addTrustedRoot,
  listTrustedRoots,
  removeTrustedRoot,
  SIGNING_PERMISSIONS,
} from './trusted-roots';

export async function trustRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/signing/roots',
    {
      schema: {
        tags: ['signing'],
        summary: 'The root certificates trusted when verifying signatures',
        response: { 200: TrustedRootList },
      },
    },
    async (request) => {
      requirePermission(request, SIGNING_PERMISSIONS.manage);
      return { items: await listTrustedRoots(ctx) };
    },
  );

  app.post(
    '/signing/roots',
    {
      schema: {
        tags: ['signing'],
        summary: 'Trust a root certificate (a self-signed CA certificate in PEM)',
        body: NewTrustedRoot,
        response: { 201: TrustedRoot },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, SIGNING_PERMISSIONS.manage);
      const root = await addTrustedRoot(ctx, principal, request.body.pem, requestInfo(request));
      return reply.status(201).send(root);
    },
  );

  app.delete(
    '/signing/roots/:id',
    {
      schema: {
        tags: ['signing'],
        summary: 'Stop trusting a root certificate',
        params: RootParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, SIGNING_PERMISSIONS.manage);
      await removeTrustedRoot(ctx, principal, request.params.id, requestInfo(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/signing/crls',
    {
      schema: {
        tags: ['signing'],
        summary: "Replace an issuer's certificate revocation list",
        description:
          "The CRL must be signed by a trusted root; it replaces that issuer's last one.",
        body: NewCrl,
        response: { 200: CrlView },
      },
    },
    async (request) => {
      const principal = requirePermission(request, SIGNING_PERMISSIONS.manage);
      const text = request.body.crl.trim();
      const content = text.startsWith('-----BEGIN')
        ? Buffer.from(text, 'latin1')
        : Buffer.from(text, 'base64');
      return addCrl(ctx, principal, content, requestInfo(request));
    },
  );
}
