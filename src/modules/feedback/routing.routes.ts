/**
 * Staff routes of the routing matrix (category × commune → agency) and of category settings
 * (deadline, active flag, answer templates), under /api/feedback/admin. Province
 * administrators only; the service checks that their grant covers the whole province.
 */
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../kernel/http/api';
import type { AppContext } from '../../kernel/context';
import { requirePermission } from '../../kernel/auth';
import { FEEDBACK_PERMISSIONS } from './feedback.permissions';
import {
  CategoryParams,
  CategorySettings,
  CategorySettingsBody,
  CategorySettingsList,
  CellParams,
  CellsBody,
  CellsReply,
  MatrixCell,
  ProblemResponse as Problem,
  RoutingMatrix,
  SetCellBody,
} from './routing-admin.schemas';
import {
  changeRoutingCells,
  getRoutingMatrix,
  listCategorySettings,
  updateCategorySettings,
  type RequestFacts,
} from './routing-admin.service';

const TAGS = ['feedback (administration)'];
const ERRORS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 422: Problem };

const facts = (request: FastifyRequest): RequestFacts => ({
  ip: request.ip,
  requestId: request.id,
});

export async function routingRoutes(app: Api, ctx: AppContext): Promise<void> {
  const manager = (request: FastifyRequest) =>
    requirePermission(request, FEEDBACK_PERMISSIONS.routingManage);

  app.get(
    '/feedback/admin/routing',
    {
      schema: {
        tags: TAGS,
        summary:
          'Ma trận định tuyến lĩnh vực × xã, phường → cơ quan — the routing matrix with defaults',
        response: { 200: RoutingMatrix, ...ERRORS },
      },
    },
    async (request) => getRoutingMatrix(ctx, manager(request)),
  );

  app.post(
    '/feedback/admin/routing/cells',
    {
      schema: {
        tags: TAGS,
        summary:
          'Đặt hoặc bỏ nhiều ô cùng lúc (tất cả hoặc không) — set or clear several cells, all or nothing',
        body: CellsBody,
        response: { 200: CellsReply, ...ERRORS },
      },
    },
    async (request) =>
      changeRoutingCells(ctx, manager(request), facts(request), request.body.cells),
  );

  app.put(
    '/feedback/admin/routing/:categoryCode/:communeCode',
    {
      schema: {
        tags: TAGS,
        summary: 'Đặt cơ quan cho một ô — route one category in one commune to an agency',
        params: CellParams,
        body: SetCellBody,
        response: { 200: MatrixCell, ...ERRORS },
      },
    },
    async (request) => {
      const { cells } = await changeRoutingCells(ctx, manager(request), facts(request), [
        { ...request.params, agencyId: request.body.agencyId },
      ]);
      return cells[0]!;
    },
  );

  app.delete(
    '/feedback/admin/routing/:categoryCode/:communeCode',
    {
      schema: {
        tags: TAGS,
        summary: 'Bỏ ô, quay về mặc định của lĩnh vực — clear a cell back to the default',
        params: CellParams,
        response: { 200: MatrixCell, ...ERRORS },
      },
    },
    async (request) => {
      const { cells } = await changeRoutingCells(ctx, manager(request), facts(request), [
        { ...request.params, agencyId: null },
      ]);
      return cells[0]!;
    },
  );

  app.get(
    '/feedback/admin/categories',
    {
      schema: {
        tags: TAGS,
        summary:
          'Cài đặt các lĩnh vực: thời hạn, trạng thái, mẫu trả lời — category settings, all categories',
        response: { 200: CategorySettingsList, ...ERRORS },
      },
    },
    async (request) => listCategorySettings(ctx, manager(request)),
  );

  app.patch(
    '/feedback/admin/categories/:code',
    {
      schema: {
        tags: TAGS,
        summary:
          'Sửa thời hạn, trạng thái, mẫu trả lời của lĩnh vực — update a category (new reports only)',
        params: CategoryParams,
        body: CategorySettingsBody,
        response: { 200: CategorySettings, ...ERRORS },
      },
    },
    async (request) =>
      updateCategorySettings(
        ctx,
        manager(request),
        facts(request),
        request.params.code,
        request.body,
      ),
  );
}
