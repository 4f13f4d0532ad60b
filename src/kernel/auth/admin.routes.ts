/** /api/admin/users and /api/admin/api-keys: administration of accounts and machine keys. */
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission, requireStaff } from './guards';
import { ProblemResponse } from './auth.schemas';
import {
  AdminUserReply,
  ApiKeyList,
  ApiKeyListQuery,
  ApiKeyReply,
  CreateApiKeyBody,
  CreateApiKeyReply,
  CreateUserBody,
  CreateUserReply,
  IdParams,
  UpdateUserBody,
  UserList,
  UserListQuery,
} from './admin.schemas';
import { createStaff, getUser, listUsers, updateUserByAdmin } from './admin-users.service';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';
import { PERMISSIONS } from './permissions';
import { requestInfo } from './request-info';

const problems = {
  400: ProblemResponse,
  401: ProblemResponse,
  403: ProblemResponse,
  404: ProblemResponse,
  409: ProblemResponse,
  422: ProblemResponse,
};

export async function adminRoutes(app: Api, ctx: AppContext): Promise<void> {
  const tags = ['admin'];

  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Danh sách tài khoản (liên hệ được che) — list accounts, contacts masked',
        querystring: UserListQuery,
        response: { 200: UserList, ...problems },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.usersManage);
      return listUsers(ctx, principal, request.query);
    },
  );

  // Record routes check only "signed-in staff" here: the service answers 404 outside the
  // administrator's subtree and 403 inside it without the permission.
  app.get(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Xem một tài khoản (có ghi nhật ký) — read one account, audited',
        params: IdParams,
        response: { 200: AdminUserReply, ...problems },
      },
    },
    async (request) => {
      const principal = requireStaff(request);
      return { user: await getUser(ctx, requestInfo(request), principal, request.params.id) };
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản cán bộ — create a staff account',
        body: CreateUserBody,
        response: { 201: CreateUserReply, ...problems },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSIONS.usersManage);
      const created = await createStaff(ctx, requestInfo(request), principal, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Khoá/mở, đổi tên, đổi vai trò — disable, rename, change roles',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: AdminUserReply, ...problems },
      },
    },
    async (request) => {
      const principal = requireStaff(request);
      const user = await updateUserByAdmin(
        ctx,
        requestInfo(request),
        principal,
        request.params.id,
        request.body,
      );
      return { user };
    },
  );

  app.get(
    '/admin/api-keys',
    {
      schema: {
        tags,
        summary: 'Danh sách khoá API — list API keys',
        querystring: ApiKeyListQuery,
        response: { 200: ApiKeyList, ...problems },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.apiKeysManage);
      return listApiKeys(ctx, principal, request.query);
    },
  );

  app.post(
    '/admin/api-keys',
    {
      schema: {
        tags,
        summary: 'Tạo khoá API (bí mật chỉ hiện một lần) — create a key, secret shown once',
        body: CreateApiKeyBody,
        response: { 201: CreateApiKeyReply, ...problems },
      },
    },
    async (request, reply) => {
      const principal = requirePermission(request, PERMISSIONS.apiKeysManage);
      const created = await createApiKey(ctx, requestInfo(request), principal, request.body);
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/admin/api-keys/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi khoá API — revoke an API key',
        params: IdParams,
        response: { 200: ApiKeyReply, ...problems },
      },
    },
    async (request) => {
      const principal = requireStaff(request);
      return {
        apiKey: await revokeApiKey(ctx, requestInfo(request), principal, request.params.id),
      };
    },
  );
}
