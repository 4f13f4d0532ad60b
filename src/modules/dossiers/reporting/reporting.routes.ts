/**
 * The service-quality index of the dossiers (Decision 766/QĐ-TTg) and the operations
 * figures beside it, for leaders and the operations center: people holding `dossiers.report`
 * see the agencies of their grants' subtrees; the provincial People's Committee's see all.
 */
import type { Api } from '../../../kernel/http/api';
import type { AppContext } from '../../../kernel/context';
import { requirePermission } from '../../../kernel/auth';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import { dossierIndexView, opsFiguresView } from './reporting.service';
import {
  DossierIndex,
  DossierOpsFigures,
  ProblemResponse as Problem,
  ReportQuery,
} from './reporting.schemas';

const TAGS = ['dossiers'];

export async function reportingRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/dossiers/index',
    {
      schema: {
        tags: TAGS,
        summary:
          'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — the service-quality index for a month, quarter or year, by group, indicator and agency',
        querystring: ReportQuery,
        response: { 200: DossierIndex, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const principal = requirePermission(request, DOSSIER_PERMISSIONS.report);
      return dossierIndexView(ctx, principal, request.query);
    },
  );

  app.get(
    '/dossiers/ops',
    {
      schema: {
        tags: TAGS,
        summary:
          'Số liệu điều hành hồ sơ — on-time rates by agency, dossiers due today, late open dossiers and the 12-month trend',
        querystring: ReportQuery,
        response: {
          200: DossierOpsFigures,
          400: Problem,
          401: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const principal = requirePermission(request, DOSSIER_PERMISSIONS.report);
      return opsFiguresView(ctx, principal, request.query);
    },
  );
}
