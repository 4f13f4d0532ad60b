/**
 * Administration of where reports go and how long agencies have: the routing matrix
 * (category × commune → agency) and each category's deadline, active flag and answer
 * templates. The matrix is province-wide, so only a holder of `feedback.routing.manage` on a
 * root agency may read or change it. A change applies to reports filed afterwards; a report
 * keeps the agency and deadline it was given when filed. Every change is audited in the
 * transaction that makes it, and a request that changes several cells is all or nothing.
 */
import type { AppContext } from '../../kernel/context';
import { isAuthorized, type Principal } from '../../kernel/auth';
import { recordAudit } from '../../kernel/audit';
import { httpErrors } from '../../kernel/errors/common.errors';
import { feedbackDb } from './feedback-db';
import { FEEDBACK_PERMISSIONS } from './feedback.permissions';
import { routingAdminErrors as errors } from './routing-admin.errors';
import type { CategorySettingsBody } from './routing-admin.schemas';
import {
  allCategories,
  deleteRoutingCell,
  findAgencies,
  lockCategory,
  lockRoutingCell,
  routableAgencies,
  routingCells,
  servedCommunes,
  updateCategorySettings as writeCategorySettings,
  upsertRoutingCell,
  type CategoryRow,
  type CategorySettingsValues,
  type MatrixCommune,
  type RoutableAgency,
  type RoutingCellRow,
} from './routing-admin.queries';

const MANAGE = FEEDBACK_PERMISSIONS.routingManage;

export interface RequestFacts {
  ip: string;
  requestId: string;
}

export interface CellChange {
  categoryCode: string;
  communeCode: string;
  /** null clears the cell: the category's default applies again. */
  agencyId: string | null;
}

export interface CellView {
  categoryCode: string;
  communeCode: string;
  agencyId: string | null;
  defaultAgencyId: string | null;
  source: 'matrix' | 'default';
  updatedAt: string | null;
  updatedBy: { id: string; fullName: string } | null;
}

/** The province-wide check: the permission must come from a grant on a root agency. */
async function requireManager(ctx: AppContext, principal: Principal): Promise<void> {
  if (!(await isAuthorized(ctx, principal, MANAGE, null))) {
    throw httpErrors.FORBIDDEN({ permission: MANAGE });
  }
}

function actorOf(principal: Principal, facts: RequestFacts) {
  return {
    actorType: principal.kind,
    actorId: principal.id,
    ip: facts.ip,
    requestId: facts.requestId,
  };
}

/**
 * Rules 2–3 of routing.ts: the commune's committee for commune-level categories, else the
 * category's own agency.
 */
function defaultAgencyOf(
  category: Pick<CategoryRow, 'defaultLevel' | 'defaultAgencyId'>,
  commune: Pick<MatrixCommune, 'committeeId'>,
): string | null {
  if (category.defaultLevel === 'commune' && commune.committeeId) return commune.committeeId;
  return category.defaultAgencyId;
}

function cellView(
  category: CategoryRow,
  commune: MatrixCommune,
  row: RoutingCellRow | undefined,
): CellView {
  const defaultAgencyId = defaultAgencyOf(category, commune);
  return {
    categoryCode: category.code,
    communeCode: commune.code,
    agencyId: row ? row.agencyId : defaultAgencyId,
    defaultAgencyId,
    source: row ? 'matrix' : 'default',
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy:
      row?.updatedById && row.updatedByName
        ? { id: row.updatedById, fullName: row.updatedByName }
        : null,
  };
}

const cellKey = (categoryCode: string, communeCode: string) => `${categoryCode}|${communeCode}`;

/** The cells of every category in every served commune, or only the `wanted` ones. */
function buildCells(
  categories: readonly CategoryRow[],
  communes: readonly MatrixCommune[],
  rows: readonly RoutingCellRow[],
  wanted?: ReadonlyArray<{ categoryCode: string; communeCode: string }>,
): CellView[] {
  const byKey = new Map(rows.map((row) => [cellKey(row.categoryCode, row.communeCode), row]));
  const pairs: Array<[CategoryRow, MatrixCommune]> = [];
  if (wanted) {
    const categoryByCode = new Map(categories.map((c) => [c.code, c]));
    const communeByCode = new Map(communes.map((m) => [m.code, m]));
    for (const { categoryCode, communeCode } of wanted) {
      const category = categoryByCode.get(categoryCode);
      const commune = communeByCode.get(communeCode);
      if (category && commune) pairs.push([category, commune]);
    }
  } else {
    for (const category of categories)
      for (const commune of communes) pairs.push([category, commune]);
  }
  return pairs.map(([category, commune]) =>
    cellView(category, commune, byKey.get(cellKey(category.code, commune.code))),
  );
}

export async function getRoutingMatrix(ctx: AppContext, principal: Principal) {
  await requireManager(ctx, principal);
  const db = feedbackDb(ctx);
  const [categories, communes, agencies, rows] = await Promise.all([
    allCategories(db),
    servedCommunes(db),
    routableAgencies(db),
    routingCells(db),
  ]);
  return {
    categories: categories.map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn,
      group: c.groupName,
      groupEn: c.groupNameEn,
      active: c.active,
      defaultLevel: c.defaultLevel,
      defaultAgencyId: c.defaultAgencyId,
    })),
    communes: communes.map(({ committeeId: _committee, ...commune }) => commune),
    agencies: agencies.map(({ active: _active, ...agency }) => agency),
    cells: buildCells(categories, communes, rows),
  };
}

/**
 * Why an agency may not answer the reports of a commune, or null when it may. Service
 * centers receive administrative dossiers, not field reports; a body that serves particular
 * communes (a commune's People's Committee) answers only there.
 */
export function ineligibility(agency: RoutableAgency, communeCode: string): string | null {
  if (!agency.active) return 'inactive';
  if (agency.kind === 'public_service_center') return 'service_center';
  if (agency.communeCodes.length > 0 && !agency.communeCodes.includes(communeCode)) {
    return 'serves_other_communes';
  }
  return null;
}

/** Sets and clears cells, all or nothing; returns how many changed and the cells as now. */
export async function changeRoutingCells(
  ctx: AppContext,
  principal: Principal,
  facts: RequestFacts,
  changes: readonly CellChange[],
): Promise<{ changed: number; cells: CellView[] }> {
  await requireManager(ctx, principal);
  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    const key = cellKey(change.categoryCode, change.communeCode);
    const first = seen.get(key);
    if (first !== undefined) {
      throw errors.ROUTING_CELL_REPEATED({
        indexes: [first, index],
        categoryCode: change.categoryCode,
        communeCode: change.communeCode,
      });
    }
    seen.set(key, index);
  });

  const now = ctx.clock.now();
  const by = principal.kind === 'user' ? principal.id : null;
  const db = feedbackDb(ctx);
  const changed = await db.transaction().execute(async (trx) => {
    const categoryCodes = [...new Set(changes.map((c) => c.categoryCode))];
    const communeCodes = [...new Set(changes.map((c) => c.communeCode))];
    const agencyIds = [...new Set(changes.flatMap((c) => (c.agencyId ? [c.agencyId] : [])))];
    const categories = new Map<string, CategoryRow>();
    for (const code of categoryCodes) {
      const category = await lockCategory(trx, code);
      if (category) categories.set(code, category);
    }
    const communes = new Map((await servedCommunes(trx, communeCodes)).map((m) => [m.code, m]));
    const agencies = new Map((await findAgencies(trx, agencyIds)).map((a) => [a.id, a]));

    // Every change is checked before the first is written, so the error names the first
    // bad cell and nothing is half applied.
    changes.forEach((change, index) => {
      const where = { index, categoryCode: change.categoryCode, communeCode: change.communeCode };
      if (!categories.has(change.categoryCode)) throw errors.ROUTING_CATEGORY_UNKNOWN(where);
      if (!communes.has(change.communeCode)) throw errors.ROUTING_COMMUNE_UNKNOWN(where);
      if (change.agencyId === null) return;
      const agency = agencies.get(change.agencyId);
      if (!agency) throw errors.ROUTING_AGENCY_UNKNOWN({ ...where, agencyId: change.agencyId });
      const reason = ineligibility(agency, change.communeCode);
      if (reason) {
        throw errors.ROUTING_AGENCY_NOT_ELIGIBLE({
          ...where,
          agencyId: agency.id,
          agencyKind: agency.kind,
          reason,
        });
      }
    });

    let count = 0;
    for (const change of changes) {
      const current = await lockRoutingCell(trx, change.categoryCode, change.communeCode);
      const defaultAgencyId = defaultAgencyOf(
        categories.get(change.categoryCode)!,
        communes.get(change.communeCode)!,
      );
      const audit = {
        ...actorOf(principal, facts),
        recordType: 'feedback_routing',
        recordId: `${change.categoryCode}/${change.communeCode}`,
      };
      if (change.agencyId === null) {
        if (!current) continue;
        await deleteRoutingCell(trx, change.categoryCode, change.communeCode);
        await recordAudit(trx, {
          ...audit,
          action: 'feedback.routing_cell_cleared',
          details: {
            categoryCode: change.categoryCode,
            communeCode: change.communeCode,
            fromAgencyId: current.agencyId,
            defaultAgencyId,
          },
        });
      } else {
        if (current?.agencyId === change.agencyId) continue;
        await upsertRoutingCell(
          trx,
          {
            categoryCode: change.categoryCode,
            communeCode: change.communeCode,
            agencyId: change.agencyId,
          },
          by,
          now,
        );
        await recordAudit(trx, {
          ...audit,
          action: 'feedback.routing_cell_set',
          details: {
            categoryCode: change.categoryCode,
            communeCode: change.communeCode,
            fromAgencyId: current?.agencyId ?? null,
            toAgencyId: change.agencyId,
            defaultAgencyId,
          },
        });
      }
      count += 1;
    }
    return count;
  });
  const [categories, communes, rows] = await Promise.all([
    allCategories(db),
    servedCommunes(db),
    routingCells(db),
  ]);
  return { changed, cells: buildCells(categories, communes, rows, changes) };
}

function settingsView(category: CategoryRow) {
  return {
    code: category.code,
    name: category.name,
    nameEn: category.nameEn,
    group: category.groupName,
    groupEn: category.groupNameEn,
    active: category.active,
    deadline: { amount: category.deadlineAmount, unit: category.deadlineUnit },
    answerTemplates: category.answerTemplates,
    updatedAt: category.updatedAt.toISOString(),
  };
}

export async function listCategorySettings(ctx: AppContext, principal: Principal) {
  await requireManager(ctx, principal);
  return { items: (await allCategories(feedbackDb(ctx))).map(settingsView) };
}

/** Deadline, active flag, answer templates: only what the body names, audited as from → to. */
export async function updateCategorySettings(
  ctx: AppContext,
  principal: Principal,
  facts: RequestFacts,
  code: string,
  body: CategorySettingsBody,
) {
  await requireManager(ctx, principal);
  const db = feedbackDb(ctx);
  const updated = await db.transaction().execute(async (trx) => {
    const current = await lockCategory(trx, code);
    if (!current) throw errors.ROUTING_CATEGORY_UNKNOWN({ categoryCode: code });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const values: CategorySettingsValues = {};
    if (
      body.deadline &&
      (body.deadline.amount !== current.deadlineAmount ||
        body.deadline.unit !== current.deadlineUnit)
    ) {
      changes.deadline = {
        from: { amount: current.deadlineAmount, unit: current.deadlineUnit },
        to: body.deadline,
      };
      values.deadlineAmount = body.deadline.amount;
      values.deadlineUnit = body.deadline.unit;
    }
    if (body.active !== undefined && body.active !== current.active) {
      changes.active = { from: current.active, to: body.active };
      values.active = body.active;
    }
    if (body.answerTemplates) {
      const templates = body.answerTemplates.map((t) => ({
        title: t.title.trim(),
        body: t.body.trim(),
      }));
      const blank = templates.findIndex((t) => t.title === '' || t.body === '');
      if (blank >= 0) {
        throw httpErrors.VALIDATION_FAILED([
          { field: `answerTemplates.${blank}`, message: 'must not be blank' },
        ]);
      }
      if (JSON.stringify(templates) !== JSON.stringify(current.answerTemplates)) {
        changes.answerTemplates = { from: current.answerTemplates, to: templates };
        values.answerTemplates = templates;
      }
    }
    if (Object.keys(changes).length === 0) return current;
    await writeCategorySettings(trx, code, values, ctx.clock.now());
    await recordAudit(trx, {
      ...actorOf(principal, facts),
      action: 'feedback.category_updated',
      recordType: 'feedback_category',
      recordId: code,
      details: { changes },
    });
    return (await lockCategory(trx, code))!;
  });
  return settingsView(updated);
}
