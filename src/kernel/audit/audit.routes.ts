/** The audit API for auditors (permission audit.read): the log, and a check of its chain. */
import type { Api } from '../http/api';
import type { AppContext } from '../context';
import { requirePermission } from '../auth/guards';
import { PERMISSIONS } from '../auth/permissions';
import { auditErrors } from './audit.errors';
import { listAuditEvents } from './audit.queries';
import { verifyAuditChain } from './audit.verify';
import { AuditEventPage, AuditEventQuery, AuditVerificationView } from './audit.schemas';

export async function auditRoutes(app: Api, ctx: AppContext): Promise<void> {
  app.get(
    '/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries matching the filters, newest first',
        querystring: AuditEventQuery,
        response: { 200: AuditEventPage },
      },
    },
    async (request) => {
      requirePermission(request, PERMISSIONS.auditRead);
      const { page, pageSize, from, to, ...filter } = request.query;
      const period = {
        from: from === undefined ? undefined : new Date(from),
        to: to === undefined ? undefined : new Date(to),
      };
      if (period.from && period.to && period.from > period.to) {
        throw auditErrors.AUDIT_PERIOD_INVALID({ from, to });
      }
      const result = await listAuditEvents(ctx.db, { ...filter, ...period }, page, pageSize);
      return {
        items: result.items.map((item) => ({
          ...item,
          occurredAt: item.occurredAt.toISOString(),
        })),
        page,
        pageSize,
        total: result.total,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Re-walk the audit hash chain and its signed checkpoints',
        response: { 200: AuditVerificationView },
      },
    },
    async (request) => {
      requirePermission(request, PERMISSIONS.auditRead);
      return verifyAuditChain(ctx.db);
    },
  );
}
