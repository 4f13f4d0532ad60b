/**
 * Rules of the agency tree. Reading is public (people need to know which body handles what);
 * changing it takes the `agencies.manage` permission and stays inside the administrator's
 * own subtree: anything outside it answers as if it did not exist, so the API does not reveal
 * which ids are real. Every change holds the tree lock, in one transaction.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../context';
import type { KernelTables } from '../db/tables';
import { recordAudit } from '../audit';
import type { Principal } from '../auth/principal';
import { PERMISSIONS } from '../auth/permissions';
import type { Db } from '../db/database';
import { httpErrors } from '../errors/common.errors';
import { unknownCommuneCodes } from '../geo/geo.queries';
import { searchPattern } from '../geo/search-text';
import { isAgencyCode } from './agency-code';
import { agencyErrors } from './agencies.errors';
import type { AgencyKind } from './agencies.tables';
import {
  agencyIdByCode,
  ancestorsOf,
  childCount,
  communesServedBy,
  findAgency,
  hasActiveChildren,
  insertAgency,
  isInSubtree,
  listAgencies,
  lockAgencyTree,
  moveSubtree,
  replaceServedCommunes,
  updateAgencyFields,
  type AgencyFilter,
  type AgencyListRow,
  type AgencyRef,
  type AgencyRow,
  type ServedCommune,
} from './agencies.queries';

export interface AgencySummary {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: AgencyKind;
  parentId: string | null;
  active: boolean;
  /** 0 for a root agency, 1 for its children, and so on. */
  depth: number;
}

export interface AgencyDetail extends AgencySummary {
  ancestors: AgencyRef[];
  communes: ServedCommune[];
  childCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export type AgencyListRequest = Omit<AgencyFilter, 'pattern'> & { q?: string };

export async function listAgencyPage(
  db: Db,
  request: AgencyListRequest,
): Promise<{ items: AgencySummary[]; page: number; pageSize: number; total: number }> {
  const { q, ...filter } = request;
  const { items, total } = await listAgencies(db, {
    ...filter,
    pattern: q === undefined ? null : searchPattern(q),
  });
  return { items: items.map(summary), page: request.page, pageSize: request.pageSize, total };
}

export async function getAgency(db: Db, id: string): Promise<AgencyDetail> {
  const row = await findAgency(db, id);
  if (!row) throw agencyErrors.AGENCY_NOT_FOUND({ id });
  return detail(db, row);
}

export interface NewAgencyInput {
  code: string;
  name: string;
  nameEn?: string | null;
  kind: AgencyKind;
  parentId: string;
  communeCodes?: string[];
}

/** Where a change came from, for the audit log. */
export interface ChangeOrigin {
  ip: string | null;
  requestId: string | null;
}

async function auditAgencyChange(
  trx: Transaction<KernelTables>,
  principal: Principal,
  origin: ChangeOrigin,
  action: 'agencies.created' | 'agencies.updated',
  agencyId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(trx, {
    actorType: principal.kind,
    actorId: principal.id,
    action,
    recordType: 'agency',
    recordId: agencyId,
    ip: origin.ip,
    requestId: origin.requestId,
    details,
  });
}

export async function createAgency(
  ctx: AppContext,
  principal: Principal,
  input: NewAgencyInput,
  origin: ChangeOrigin = { ip: null, requestId: null },
): Promise<AgencyDetail> {
  const scope = scopeOf(principal);
  assertAgencyCode(input.code);
  return ctx.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const parent = await findAgency(trx, input.parentId);
    if (!parent || !(await inScope(trx, parent.id, scope))) {
      throw agencyErrors.AGENCY_PARENT_NOT_FOUND({ parentId: input.parentId });
    }
    if (!parent.active) throw agencyErrors.AGENCY_PARENT_INACTIVE({ parentId: parent.id });
    await assertCodeFree(trx, input.code);
    await assertCommunesExist(trx, input.communeCodes ?? []);
    const { id } = await insertAgency(trx, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn ?? null,
      kind: input.kind,
      parentId: parent.id,
    });
    await replaceServedCommunes(trx, id, input.communeCodes ?? []);
    await auditAgencyChange(trx, principal, origin, 'agencies.created', id, {
      code: input.code,
      kind: input.kind,
      parentId: parent.id,
      communeCodes: input.communeCodes ?? [],
    });
    return detail(trx, (await findAgency(trx, id))!);
  });
}

export interface AgencyPatch {
  code?: string;
  name?: string;
  nameEn?: string | null;
  parentId?: string;
  communeCodes?: string[];
  active?: boolean;
}

export async function updateAgency(
  ctx: AppContext,
  principal: Principal,
  id: string,
  patch: AgencyPatch,
  origin: ChangeOrigin = { ip: null, requestId: null },
): Promise<AgencyDetail> {
  const scope = scopeOf(principal);
  if (patch.code !== undefined) assertAgencyCode(patch.code);
  return ctx.db.transaction().execute(async (trx) => {
    await lockAgencyTree(trx);
    const agency = await findAgency(trx, id);
    if (!agency || !(await inScope(trx, agency.id, scope))) {
      throw agencyErrors.AGENCY_NOT_FOUND({ id });
    }
    const now = ctx.clock.now();
    const active = patch.active ?? agency.active;

    if (patch.code !== undefined && patch.code !== agency.code) {
      await assertCodeFree(trx, patch.code);
    }
    if (patch.active === false && agency.active && (await hasActiveChildren(trx, agency.id))) {
      throw agencyErrors.AGENCY_HAS_ACTIVE_CHILDREN({ id: agency.id });
    }

    const parentId = patch.parentId ?? agency.parentId;
    if (parentId !== null) {
      const moving = patch.parentId !== undefined && patch.parentId !== agency.parentId;
      const parent = await findAgency(trx, parentId);
      if (moving && (!parent || !(await inScope(trx, parent.id, scope)))) {
        throw agencyErrors.AGENCY_PARENT_NOT_FOUND({ parentId });
      }
      // The path test covers the agency itself too: its path is a prefix of its own.
      if (moving && parent!.path.startsWith(agency.path)) {
        throw agencyErrors.AGENCY_CYCLE({ id: agency.id, parentId });
      }
      if (active && parent && !parent.active && (moving || patch.active === true)) {
        throw agencyErrors.AGENCY_PARENT_INACTIVE({ parentId });
      }
      if (moving) await moveSubtree(trx, agency, parent!, now);
    }

    if (patch.communeCodes !== undefined) {
      await assertCommunesExist(trx, patch.communeCodes);
      await replaceServedCommunes(trx, agency.id, patch.communeCodes);
    }
    await updateAgencyFields(trx, agency.id, {
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.nameEn !== undefined && { nameEn: patch.nameEn }),
      ...(patch.active !== undefined && { active: patch.active }),
      updatedAt: now,
    });
    await auditAgencyChange(trx, principal, origin, 'agencies.updated', agency.id, {
      changed: Object.keys(patch),
      ...(patch.parentId !== undefined && {
        fromParentId: agency.parentId,
        toParentId: patch.parentId,
      }),
      ...(patch.active !== undefined && { active: patch.active }),
    });
    return detail(trx, (await findAgency(trx, agency.id))!);
  });
}

/**
 * The roots of the subtrees the principal may change: the agencies of its grants that carry
 * `agencies.manage` (a person may hold roles in several agencies). Without grant details, the
 * principal's own agency. None at all means nothing may be changed.
 */
function scopeOf(principal: Principal): string[] {
  const grants =
    principal.grants ??
    (principal.agencyId
      ? [{ agencyId: principal.agencyId, permissions: principal.permissions }]
      : []);
  const roots = grants
    .filter((grant) => grant.permissions.has(PERMISSIONS.agenciesManage))
    .map((grant) => grant.agencyId);
  if (roots.length === 0) throw httpErrors.FORBIDDEN({ permission: PERMISSIONS.agenciesManage });
  return roots;
}

async function inScope(db: Db, agencyId: string, roots: readonly string[]): Promise<boolean> {
  for (const root of roots) if (await isInSubtree(db, agencyId, root)) return true;
  return false;
}

/** The route schema checks the pattern first; this guards callers that are not routes. */
function assertAgencyCode(code: string): void {
  if (!isAgencyCode(code)) {
    throw httpErrors.VALIDATION_FAILED([
      { field: 'body.code', message: 'must look like 000.00.22.H49' },
    ]);
  }
}

async function assertCodeFree(db: Db, code: string): Promise<void> {
  if (await agencyIdByCode(db, code)) throw agencyErrors.AGENCY_CODE_TAKEN({ code });
}

async function assertCommunesExist(db: Db, codes: readonly string[]): Promise<void> {
  const unknown = await unknownCommuneCodes(db, codes);
  if (unknown.length > 0) throw agencyErrors.AGENCY_UNKNOWN_COMMUNE({ communeCodes: unknown });
}

function summary(row: AgencyListRow | AgencyRow): AgencySummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    parentId: row.parentId,
    active: row.active,
    depth: row.path.split('/').filter(Boolean).length - 1,
  };
}

async function detail(db: Db, row: AgencyRow): Promise<AgencyDetail> {
  const [ancestors, communes, children] = await Promise.all([
    ancestorsOf(db, row.path),
    communesServedBy(db, row.id),
    childCount(db, row.id),
  ]);
  return {
    ...summary(row),
    ancestors,
    communes,
    childCount: children,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
