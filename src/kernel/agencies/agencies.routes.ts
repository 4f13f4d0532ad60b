/** HTTP API of the agency tree: public reading, administration within one's own subtree. */
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { PERMISSIONS } from '../auth/permissions';
import * as agencies from './agencies.service';
import {
  AgencyDetail,
  AgencyListQuery,
  AgencyPage,
  AgencyParams,
  AgencyPatchBody,
  NewAgencyBody,
  ProblemResponse as Problem,
} from './agencies.schemas';

const TAGS = ['agencies'];

export async function agencyRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/agencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Danh sách cơ quan (phẳng hoặc theo cây) — agencies, flat or as a tree',
        querystring: AgencyListQuery,
        response: { 200: AgencyPage, 400: Problem },
      },
    },
    (request) => agencies.listAgencyPage(ctx.db, request.query),
  );

  app.get(
    '/agencies/:id',
    {
      schema: {
        tags: TAGS,
        summary: 'Thông tin một cơ quan — one agency, its ancestors and the communes it serves',
        params: AgencyParams,
        response: { 200: AgencyDetail, 400: Problem, 404: Problem },
      },
    },
    (request) => agencies.getAgency(ctx.db, request.params.id),
  );

  app.post(
    '/agencies',
    {
      schema: {
        tags: TAGS,
        summary: 'Thêm cơ quan trong phạm vi quản lý — create an agency in your subtree',
        body: NewAgencyBody,
        response: {
          201: AgencyDetail,
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
      const principal = requirePermission(request, PERMISSIONS.agenciesManage);
      const created = await agencies.createAgency(ctx, principal, request.body, {
        ip: request.ip,
        requestId: request.id,
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/agencies/:id',
    {
      schema: {
        tags: TAGS,
        summary:
          'Sửa cơ quan: tên, cấp trên, địa bàn phục vụ, trạng thái — update an agency in your subtree',
        params: AgencyParams,
        body: AgencyPatchBody,
        response: {
          200: AgencyDetail,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
          409: Problem,
          422: Problem,
        },
      },
    },
    async (request) => {
      const principal = requirePermission(request, PERMISSIONS.agenciesManage);
      return agencies.updateAgency(ctx, principal, request.params.id, request.body, {
        ip: request.ip,
        requestId: request.id,
      });
    },
  );
}
