/** Kysely types of the feedback tables (migrations/20261121100000_feedback_create_tables.ts). */
import type { ColumnType, Generated } from 'kysely';

export type DeadlineUnit = 'working_hours' | 'working_days';
export type DefaultLevel = 'commune' | 'province';

/** Open311 attribute datatypes; a category's extra questions use the same vocabulary. */
export type AttributeDatatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface CategoryAttribute {
  /** Stable key, e.g. `pole_number`; Open311 `code`. */
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  /** The question, in Vietnamese and English. */
  label: string;
  labelEn: string;
  /** Help shown under the question. */
  hint?: string;
  hintEn?: string;
  /** For the list datatypes. */
  values?: Array<{ key: string; name: string; nameEn: string }>;
}

export interface AnswerTemplate {
  title: string;
  body: string;
}

export interface FeedbackCategoryTable {
  code: string;
  name: string;
  nameEn: string;
  description: Generated<string>;
  descriptionEn: Generated<string>;
  groupName: string;
  groupNameEn: string;
  keywords: Generated<string[]>;
  deadlineAmount: number;
  deadlineUnit: DeadlineUnit;
  allowAnonymous: Generated<boolean>;
  defaultLevel: DefaultLevel;
  defaultAgencyId: string | null;
  attributes: ColumnType<CategoryAttribute[], string | undefined, string>;
  answerTemplates: ColumnType<AnswerTemplate[], string | undefined, string>;
  sortOrder: Generated<number>;
  active: Generated<boolean>;
  createdAt: ColumnType<Date, Date | undefined, never>;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

export interface FeedbackRoutingTable {
  categoryCode: string;
  communeCode: string;
  agencyId: string;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  updatedBy: string | null;
}

export type ReportStatus =
  'new' | 'received' | 'in_progress' | 'resolved' | 'rejected' | 'duplicate';
export type ReportSource = 'portal' | 'open311' | 'desk';
export type Rating = 'satisfied' | 'not_satisfied';

export const OPEN_STATUSES: readonly ReportStatus[] = ['new', 'received', 'in_progress'];
export const CLOSED_STATUSES: readonly ReportStatus[] = ['resolved', 'rejected', 'duplicate'];

export interface FeedbackReportTable {
  id: Generated<string>;
  trackingCode: string;
  categoryCode: string;
  status: ReportStatus;
  agencyId: string;
  assigneeId: string | null;
  communeCode: string;
  /** geography(Point,4326); written as SQL, never read directly. */
  location: ColumnType<never, unknown, unknown>;
  lat: number;
  lon: number;
  address: Generated<string>;
  description: string;
  publicDescription: string | null;
  attributes: ColumnType<Record<string, unknown>, string | undefined, string>;
  hidden: Generated<boolean>;
  anonymous: Generated<boolean>;
  source: ReportSource;
  apiKeyId: string | null;
  duplicateOfId: string | null;
  submittedAt: Date;
  receivedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
  deadlineAt: Date;
  escalationLevel: Generated<number>;
  escalatedAgencyId: string | null;
  escalatedAt: Date | null;
  rating: Rating | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  reopenCount: Generated<number>;
  open311Token: string | null;
  searchText: ColumnType<string, never, never>;
}

export interface FeedbackReporterTable {
  reportId: string;
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  secretHash: string;
}

export type MediaKind = 'report' | 'answer';

export interface FeedbackMediaTable {
  id: Generated<string>;
  reportId: string;
  fileId: string;
  kind: MediaKind;
  mediaType: string;
  historyId: number | null;
  position: Generated<number>;
  hidden: Generated<boolean>;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

/** What a history row records; the seed, the workflow and Open311 all use these names. */
export type HistoryAction =
  | 'submitted'
  | 'received'
  | 'assigned'
  | 'started'
  | 'answered'
  | 'noted'
  | 'resolved'
  | 'rejected'
  | 'duplicate'
  | 'transferred'
  | 'escalated'
  | 'rated'
  | 'reopened'
  | 'hidden'
  | 'unhidden'
  | 'redacted'
  | 'media_hidden'
  | 'media_shown';

export type HistoryActorType = 'user' | 'api_key' | 'system' | 'reporter' | 'anonymous';
export type HistoryVisibility = 'public' | 'internal';

export interface FeedbackHistoryTable {
  id: Generated<number>;
  reportId: string;
  at: Date;
  actorType: HistoryActorType;
  actorId: string | null;
  action: HistoryAction;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  fromAgencyId: string | null;
  toAgencyId: string | null;
  visibility: HistoryVisibility;
  message: Generated<string>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface FeedbackFollowerTable {
  id: Generated<string>;
  reportId: string;
  userId: string | null;
  email: string | null;
  locale: Generated<string>;
  createdAt: ColumnType<Date, Date | undefined, never>;
}

// A type alias, not an interface: Kysely's withTables needs an index-compatible shape.
export type FeedbackTables = {
  feedbackCategory: FeedbackCategoryTable;
  feedbackRouting: FeedbackRoutingTable;
  feedbackReport: FeedbackReportTable;
  feedbackReporter: FeedbackReporterTable;
  feedbackMedia: FeedbackMediaTable;
  feedbackHistory: FeedbackHistoryTable;
  feedbackFollower: FeedbackFollowerTable;
};
