/**
 * Quảng Ninh demo categories of citizen reports (seed/data/feedback-categories.json), the
 * routing-matrix cells where a category goes elsewhere in particular communes, and the
 * routing rule itself: which agency answers a report of a category in a commune.
 *
 * The default agencies of provincial categories are given in the file by their demo agency
 * code, so this loader needs the demo agencies (seed/quang-ninh-agencies.ts) first.
 *
 * Answer templates use these placeholders, filled when an answer is written:
 * `{{agency}}` (name of the answering agency), `{{commune}}` (full name of the commune, e.g.
 * "phường Bãi Cháy"), `{{code}}` (tracking code) and `{{date}}` (submission day, dd/MM/yyyy).
 */
import fs from 'node:fs';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Db } from '../src/kernel/db/database';
import type { KernelTables } from '../src/kernel/db/tables';
import type { FeedbackTables } from '../src/modules/feedback';
import {
  communeCommitteeSql,
  responsibleAgencyId,
  responsibleAgencySql,
} from '../src/modules/feedback';
import { demoAgencyIds } from './quang-ninh-agencies';

type Category = Selectable<FeedbackTables['feedbackCategory']>;
export type CategoryAttribute = Category['attributes'][number];
export type AnswerTemplate = Category['answerTemplates'][number];

/** The database or a transaction, with the feedback tables. */
export type FeedbackDb = Kysely<KernelTables & FeedbackTables>;

export const FEEDBACK_CATEGORIES_FILE = new URL('./data/feedback-categories.json', import.meta.url);

export interface CategorySeed {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  group: string;
  groupEn: string;
  keywords: string[];
  deadline: { amount: number; unit: Category['deadlineUnit'] };
  allowAnonymous: boolean;
  defaultLevel: Category['defaultLevel'];
  /** Demo agency code of the provincial body; null for categories answered by communes. */
  defaultAgencyCode: string | null;
  attributes: CategoryAttribute[];
  answerTemplates: AnswerTemplate[];
}

export interface RoutingSeed {
  category: string;
  /** 5-digit commune-level unit code. */
  commune: string;
  /** A demo agency code, or `commune_committee` for the commune's own People's Committee. */
  agency: string;
  /** Why the cell differs from the category's default. */
  note: string;
}

export interface FeedbackCategoriesFile {
  categories: CategorySeed[];
  routing: RoutingSeed[];
}

export function readFeedbackCategories(): FeedbackCategoriesFile {
  return JSON.parse(fs.readFileSync(FEEDBACK_CATEGORIES_FILE, 'utf8')) as FeedbackCategoriesFile;
}

export interface FeedbackCategoriesResult {
  categories: number;
  routingCells: number;
}

/**
 * Inserts or updates every category of the file and its routing cells, in one transaction.
 * Rows already equal to the file are left untouched (their updated_at does not move), so a
 * second run changes nothing.
 */
export async function loadFeedbackCategories(db: Db): Promise<FeedbackCategoriesResult> {
  const file = readFeedbackCategories();
  const agencies = await demoAgencyIds(db);
  const agencyId = (code: string, what: string): string => {
    const id = agencies.get(code);
    if (!id) throw new Error(`${what}: no agency with code ${code}; load the demo agencies first`);
    return id;
  };

  const rows = file.categories.map((c, position) => ({
    code: c.code,
    name: c.name,
    nameEn: c.nameEn,
    description: c.description,
    descriptionEn: c.descriptionEn,
    groupName: c.group,
    groupNameEn: c.groupEn,
    keywords: c.keywords,
    deadlineAmount: c.deadline.amount,
    deadlineUnit: c.deadline.unit,
    allowAnonymous: c.allowAnonymous,
    defaultLevel: c.defaultLevel,
    defaultAgencyId: c.defaultAgencyCode ? agencyId(c.defaultAgencyCode, c.code) : null,
    attributes: JSON.stringify(c.attributes),
    answerTemplates: JSON.stringify(c.answerTemplates),
    sortOrder: (position + 1) * 10,
  }));

  return db
    .withTables<FeedbackTables>()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('feedbackCategory')
        .values(rows)
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet((eb) => ({
              name: eb.ref('excluded.name'),
              nameEn: eb.ref('excluded.nameEn'),
              description: eb.ref('excluded.description'),
              descriptionEn: eb.ref('excluded.descriptionEn'),
              groupName: eb.ref('excluded.groupName'),
              groupNameEn: eb.ref('excluded.groupNameEn'),
              keywords: eb.ref('excluded.keywords'),
              deadlineAmount: eb.ref('excluded.deadlineAmount'),
              deadlineUnit: eb.ref('excluded.deadlineUnit'),
              allowAnonymous: eb.ref('excluded.allowAnonymous'),
              defaultLevel: eb.ref('excluded.defaultLevel'),
              defaultAgencyId: eb.ref('excluded.defaultAgencyId'),
              attributes: eb.ref('excluded.attributes'),
              answerTemplates: eb.ref('excluded.answerTemplates'),
              sortOrder: eb.ref('excluded.sortOrder'),
              updatedAt: sql<Date>`now()`,
            }))
            .where(
              sql<boolean>`(feedback_category.name, feedback_category.name_en,
                feedback_category.description, feedback_category.description_en,
                feedback_category.group_name, feedback_category.group_name_en,
                feedback_category.keywords, feedback_category.deadline_amount,
                feedback_category.deadline_unit, feedback_category.allow_anonymous,
                feedback_category.default_level, feedback_category.default_agency_id,
                feedback_category.attributes, feedback_category.answer_templates,
                feedback_category.sort_order)
              IS DISTINCT FROM (excluded.name, excluded.name_en, excluded.description,
                excluded.description_en, excluded.group_name, excluded.group_name_en,
                excluded.keywords, excluded.deadline_amount, excluded.deadline_unit,
                excluded.allow_anonymous, excluded.default_level, excluded.default_agency_id,
                excluded.attributes, excluded.answer_templates, excluded.sort_order)`,
            ),
        )
        .execute();

      const cells = [];
      for (const cell of file.routing) {
        cells.push({
          categoryCode: cell.category,
          communeCode: cell.commune,
          agencyId:
            cell.agency === 'commune_committee'
              ? await communeCommitteeId(trx, cell.commune)
              : agencyId(cell.agency, `routing ${cell.category} × ${cell.commune}`),
        });
      }
      if (cells.length > 0) {
        await trx
          .insertInto('feedbackRouting')
          .values(cells)
          .onConflict((oc) =>
            oc
              .columns(['categoryCode', 'communeCode'])
              .doUpdateSet((eb) => ({
                agencyId: eb.ref('excluded.agencyId'),
                updatedAt: sql<Date>`now()`,
              }))
              .where(sql<boolean>`feedback_routing.agency_id IS DISTINCT FROM excluded.agency_id`),
          )
          .execute();
      }
      return { categories: rows.length, routingCells: cells.length };
    });
}

async function communeCommitteeId(db: FeedbackDb, communeCode: string): Promise<string> {
  const result = await sql<{ id: string | null }>`
    SELECT ${communeCommitteeSql(sql.val(communeCode))} AS id
  `.execute(db);
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`no People's Committee serves commune ${communeCode}`);
  return id;
}

// The routing rule lives with the module that applies it to every new report.
export { communeCommitteeSql, responsibleAgencySql, responsibleAgencyId };

/**
 * The whole routing matrix at once: the responsible agency of every active category in
 * every commune of the province, keyed `category|commune` (cells with no answer are left out).
 */
export async function routingMatrix(
  db: FeedbackDb,
  provinceCode: string,
): Promise<Map<string, string>> {
  const result = await sql<{ categoryCode: string; communeCode: string; agencyId: string | null }>`
    SELECT c.code AS category_code, m.code AS commune_code,
      ${responsibleAgencySql(sql.ref<string>('c.code'), sql.ref<string>('m.code'))} AS agency_id
    FROM feedback_category c CROSS JOIN admin_commune m
    WHERE c.active AND m.province_code = ${provinceCode}
  `.execute(db);
  const matrix = new Map<string, string>();
  for (const row of result.rows) {
    if (row.agencyId) matrix.set(`${row.categoryCode}|${row.communeCode}`, row.agencyId);
  }
  return matrix;
}
