/**
 * SQL of the routing matrix and category settings administration. The communes of the
 * matrix are those whose boundary is loaded: the units a point can be located in, hence the
 * only ones a report can be filed in.
 */
import { sql, type Selectable } from 'kysely';
import type { AgencyKind } from '../../kernel/agencies/agencies.tables';
import type { FeedbackDb } from './feedback-db';
import { communeCommitteeSql } from './routing';
import type { AnswerTemplate, DeadlineUnit, FeedbackCategoryTable } from './feedback.tables';

export type CategoryRow = Selectable<FeedbackCategoryTable>;

export async function allCategories(db: FeedbackDb): Promise<CategoryRow[]> {
  return db
    .selectFrom('feedbackCategory')
    .selectAll()
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}

export async function findCategory(db: FeedbackDb, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('feedbackCategory').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Locks the category row for the rest of the transaction (settings are read, then written). */
export async function lockCategory(db: FeedbackDb, code: string): Promise<CategoryRow | undefined> {
  return db
    .selectFrom('feedbackCategory')
    .selectAll()
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export interface MatrixCommune {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  kind: 'ward' | 'commune' | 'special_zone';
  /** The People's Committee serving it, as routing.ts finds it for commune-level defaults. */
  committeeId: string | null;
}

export async function servedCommunes(db: FeedbackDb, codes?: readonly string[]) {
  let query = db
    .selectFrom('adminCommune as m')
    .select([
      'm.code',
      'm.name',
      'm.nameEn',
      'm.fullName',
      'm.kind',
      communeCommitteeSql(sql.ref<string>('m.code')).as('committeeId'),
    ])
    .where('m.boundary', 'is not', null)
    .orderBy('m.code');
  if (codes) {
    if (codes.length === 0) return [];
    query = query.where('m.code', 'in', [...codes]);
  }
  return (await query.execute()) as MatrixCommune[];
}

export interface RoutingCellRow {
  categoryCode: string;
  communeCode: string;
  agencyId: string;
  updatedAt: Date;
  updatedById: string | null;
  updatedByName: string | null;
}

export async function routingCells(db: FeedbackDb): Promise<RoutingCellRow[]> {
  return db
    .selectFrom('feedbackRouting as r')
    .leftJoin('appUser as u', 'u.id', 'r.updatedBy')
    .select([
      'r.categoryCode',
      'r.communeCode',
      'r.agencyId',
      'r.updatedAt',
      'r.updatedBy as updatedById',
      'u.fullName as updatedByName',
    ])
    .execute();
}

export interface RoutableAgency {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: AgencyKind;
  active: boolean;
  /** The communes it serves; empty for bodies that answer anywhere in the province. */
  communeCodes: string[];
}

const agencyColumns = sql<string[]>`coalesce(
  (SELECT array_agg(ac.commune_code ORDER BY ac.commune_code) FROM agency_commune ac
    WHERE ac.agency_id = a.id),
  '{}'::text[])`;

/** Active agencies that may take reports: all but the administrative service centers. */
export async function routableAgencies(db: FeedbackDb): Promise<RoutableAgency[]> {
  return db
    .selectFrom('agency as a')
    .select(['a.id', 'a.code', 'a.name', 'a.nameEn', 'a.kind', 'a.active'])
    .select(agencyColumns.as('communeCodes'))
    .where('a.active', '=', true)
    .where('a.kind', '!=', 'public_service_center')
    .orderBy('a.code')
    .execute();
}

export async function findAgencies(
  db: FeedbackDb,
  ids: readonly string[],
): Promise<RoutableAgency[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('agency as a')
    .select(['a.id', 'a.code', 'a.name', 'a.nameEn', 'a.kind', 'a.active'])
    .select(agencyColumns.as('communeCodes'))
    .where('a.id', 'in', [...ids])
    .execute();
}

export async function lockRoutingCell(
  db: FeedbackDb,
  categoryCode: string,
  communeCode: string,
): Promise<{ agencyId: string } | undefined> {
  return db
    .selectFrom('feedbackRouting')
    .select('agencyId')
    .where('categoryCode', '=', categoryCode)
    .where('communeCode', '=', communeCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertRoutingCell(
  db: FeedbackDb,
  cell: { categoryCode: string; communeCode: string; agencyId: string },
  by: string | null,
  at: Date,
): Promise<void> {
  await db
    .insertInto('feedbackRouting')
    .values({ ...cell, updatedBy: by, updatedAt: at })
    .onConflict((oc) =>
      oc
        .columns(['categoryCode', 'communeCode'])
        .doUpdateSet({ agencyId: cell.agencyId, updatedBy: by, updatedAt: at }),
    )
    .execute();
}

export async function deleteRoutingCell(
  db: FeedbackDb,
  categoryCode: string,
  communeCode: string,
): Promise<void> {
  await db
    .deleteFrom('feedbackRouting')
    .where('categoryCode', '=', categoryCode)
    .where('communeCode', '=', communeCode)
    .execute();
}

export interface CategorySettingsValues {
  deadlineAmount?: number;
  deadlineUnit?: DeadlineUnit;
  active?: boolean;
  answerTemplates?: AnswerTemplate[];
}

export async function updateCategorySettings(
  db: FeedbackDb,
  code: string,
  values: CategorySettingsValues,
  at: Date,
): Promise<void> {
  const { answerTemplates, ...rest } = values;
  await db
    .updateTable('feedbackCategory')
    .set({
      ...rest,
      ...(answerTemplates ? { answerTemplates: JSON.stringify(answerTemplates) } : {}),
      updatedAt: at,
    })
    .where('code', '=', code)
    .execute();
}
