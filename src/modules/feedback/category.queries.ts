/** SQL for report categories (Open311 services). */
import type { Selectable } from 'kysely';
import type { FeedbackDb } from './feedback-db';
import type { FeedbackCategoryTable } from './feedback.tables';

export type Category = Selectable<FeedbackCategoryTable>;

export async function activeCategory(db: FeedbackDb, code: string): Promise<Category | undefined> {
  return db
    .selectFrom('feedbackCategory')
    .selectAll()
    .where('code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function activeCategories(db: FeedbackDb): Promise<Category[]> {
  return db
    .selectFrom('feedbackCategory')
    .selectAll()
    .where('active', '=', true)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute();
}
