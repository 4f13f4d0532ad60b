/**
 * The officers a report may be assigned to: active staff working at the responsible agency
 * (or under it, as `assigneeAllowed` in report-workflow.ts accepts) who hold the permission
 * to process reports over that agency. Only the id and the name leave this file.
 */
import { sql } from 'kysely';
import type { FeedbackDb } from './feedback-db';

export interface Assignee {
  id: string;
  fullName: string;
}

export async function assigneesOf(
  db: FeedbackDb,
  agencyId: string,
  permission: string,
): Promise<Assignee[]> {
  return db
    .selectFrom('appUser as u')
    .innerJoin('agency as home', 'home.id', 'u.agencyId')
    .innerJoin('agency as responsible', (join) =>
      join
        .on('responsible.id', '=', agencyId)
        .on(sql<boolean>`home.path LIKE responsible.path || '%'`),
    )
    .select(['u.id', 'u.fullName'])
    .where('u.type', '=', 'staff')
    .where('u.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRole as ur')
          .innerJoin('authRole as role', 'role.name', 'ur.role')
          .innerJoin('agency as granted', 'granted.id', 'ur.agencyId')
          .select(sql<number>`1`.as('one'))
          .whereRef('ur.userId', '=', 'u.id')
          .where(sql<boolean>`${permission} = ANY(role.permissions)`)
          // The grant covers the responsible agency: it sits on it or above it.
          .where(sql<boolean>`responsible.path LIKE granted.path || '%'`),
      ),
    )
    .orderBy('u.fullName')
    .orderBy('u.id')
    .execute();
}

/** Most officers the inbox's assignee filter offers; a province has far fewer handlers. */
export const OFFICER_CAP = 500;

/** The officers working in the given agencies who hold the permission: the assignee filter. */
export async function officersWithin(
  db: FeedbackDb,
  agencyIds: readonly string[],
  permission: string,
): Promise<Assignee[]> {
  if (agencyIds.length === 0) return [];
  return db
    .selectFrom('appUser as u')
    .select(['u.id', 'u.fullName'])
    .where('u.type', '=', 'staff')
    .where('u.status', '=', 'active')
    .where('u.agencyId', 'in', [...agencyIds])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('userRole as ur')
          .innerJoin('authRole as role', 'role.name', 'ur.role')
          .select(sql<number>`1`.as('one'))
          .whereRef('ur.userId', '=', 'u.id')
          .where(sql<boolean>`${permission} = ANY(role.permissions)`),
      ),
    )
    .orderBy('u.fullName')
    .orderBy('u.id')
    .limit(OFFICER_CAP)
    .execute();
}
