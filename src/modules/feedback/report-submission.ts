/**
 * Filing a report: from the portal (a citizen, signed in or not), from an Open311 client
 * (an API key), or at a desk. The point gives the commune, the category and commune give the
 * agency, the category's deadline runs on the working calendar, and the reporter receives a
 * tracking code and a secret that proves, without an account, that they filed it.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type RawBuilder } from 'kysely';
import type { AppContext } from '../../kernel/context';
import type { Principal } from '../../kernel/auth';
import { normaliseEmail, normalisePhone } from '../../kernel/auth';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { attachFile } from '../../kernel/storage/storage.service';
import { queueNotificationInBatch } from '../../kernel/notify/notify.service';
import { StatementBatch } from '../../kernel/db/statement-batch';
import { randomToken } from '../../kernel/crypto/random-token';
import { rowInsert } from '../../kernel/db/row-insert';
import type { Locale } from '../../kernel/notify/templates';
import { httpErrors } from '../../kernel/errors/common.errors';
import { AppError } from '../../kernel/errors/app-error';
import { feedbackDb, type FeedbackDb } from './feedback-db';
import { feedbackErrors } from './feedback.errors';
import type { ReportSource, ReportStatus } from './feedback.tables';
import { checkAttributes } from './report-attributes';
import { placementQuery, type Placement } from './routing';
import {
  categoryForFiling,
  currentCategoryCodeSql,
  type FilingCategory,
} from './category-for-filing';
import { followerInsert, reportInsert } from './report.queries';
import { recordSubmissionIn, trackingUrl, type Actor } from './report-change';
import type { Category } from './category.queries';
import { reportReceivedTemplate } from './feedback.templates';
import { newTrackingCode } from './tracking-code';
import { hashSecret } from './reporter-proof';
import { deadlineFrom } from './category-deadline';

export const MAX_PHOTOS = 5;
export const MAX_VIDEOS = 1;

export interface ReportInput {
  categoryCode: string;
  lat: number;
  lon: number;
  address?: string;
  description: string;
  attributes?: Record<string, unknown>;
  anonymous?: boolean;
  reporter?: { name?: string; email?: string; phone?: string };
  locale?: Locale;
}

/** A file already stored as an upload by the route, to attach to the new report. */
export interface MediaUpload {
  fileId: string;
  mediaType: string;
  kind: 'image' | 'video';
}

export interface Submitter {
  principal: Principal | null;
  ip: string | null;
  requestId: string | null;
  /** The `uploadedBy` under which the route stored the uploads. */
  uploaderKey: string;
  source: ReportSource;
  open311Token?: string;
}

export interface SubmittedReport {
  id: string;
  trackingCode: string;
  /** Shown once; proves authorship (rating, following) without an account. */
  secret: string;
  status: ReportStatus;
  agencyId: string;
  agencyName: string;
  communeCode: string;
  communeName: string;
  submittedAt: Date;
  deadlineAt: Date;
}

interface Contact {
  userId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
}

function contactOf(input: ReportInput, category: Category, principal: Principal | null): Contact {
  const userId = principal?.kind === 'user' ? principal.id : null;
  if (input.anonymous) {
    if (!category.allowAnonymous) throw feedbackErrors.REPORT_ANONYMOUS_NOT_ALLOWED();
    return { userId: null, name: null, email: null, phone: null };
  }
  const given = input.reporter ?? {};
  const email = given.email?.trim() ? normaliseEmail(given.email) : null;
  const phone = given.phone?.trim() ? normalisePhone(given.phone) : null;
  const invalid = [
    ...(given.email?.trim() && !email
      ? [{ field: 'reporter.email', message: 'not an e-mail address' }]
      : []),
    ...(given.phone?.trim() && !phone
      ? [{ field: 'reporter.phone', message: 'not a phone number' }]
      : []),
  ];
  if (invalid.length > 0) throw httpErrors.VALIDATION_FAILED(invalid);
  // An API key files on behalf of someone its system knows; a citizen must be reachable.
  if (!userId && !email && !phone && principal?.kind !== 'api_key') {
    throw feedbackErrors.REPORT_CONTACT_REQUIRED();
  }
  return { userId, name: given.name?.trim() || null, email, phone };
}

/** Another report took the tracking code drawn (a unique violation on that column). */
function isTrackingCodeClash(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; detail?: string } | null;
  return (
    e?.code === '23505' &&
    (e.constraint === 'feedback_report_tracking_code_key' ||
      (e.detail ?? '').includes('tracking_code'))
  );
}

export interface SubmitOptions {
  /** The category, when the caller has already read it for filing. */
  category?: FilingCategory;
  /**
   * Statements to commit with the report, given its tracking code: the stored answer of an
   * idempotent request (kernel/http/idempotency.ts, idempotentAnswer).
   */
  alsoWrite?: (trackingCode: string) => ReadonlyArray<RawBuilder<unknown> | CompiledQuery>;
}

/**
 * Files a report. The category comes from the process's copy (category-for-filing.ts); then
 * everything the new report writes — the report, its reporter, its follower, its photos, the
 * first history line, the audit line, the event and the acknowledgement e-mail — goes to the
 * database as one statement (kernel/db/statement-batch), which commits atomically in one
 * round trip. That statement also finds the commune containing the point and the agency
 * responsible there (routing.ts), and returns them, so filing reads nothing beforehand.
 * With uploads, the statement and the claiming of each file share a transaction, since a
 * file another report already holds must fail the whole submission.
 */
export async function submitReport(
  ctx: AppContext,
  submitter: Submitter,
  input: ReportInput,
  media: readonly MediaUpload[],
  options: SubmitOptions = {},
): Promise<SubmittedReport> {
  let filing =
    options.category?.category.code === input.categoryCode
      ? options.category
      : await categoryForFiling(ctx, input.categoryCode);
  // A copy found stale by the write, or refusing on the category's rules, is dropped and the
  // row read again; a third try would mean the row changes faster than reports are filed.
  for (let attempt = 0; ; attempt += 1) {
    if (!filing) throw feedbackErrors.CATEGORY_NOT_FOUND({ categoryCode: input.categoryCode });
    try {
      return await fileUnder(ctx, filing, submitter, input, media, options);
    } catch (error) {
      const again = isStaleCategory(error) || (filing.kept && isRefusedByCategory(error));
      if (!again || attempt >= 2) throw error;
      filing = await categoryForFiling(ctx, input.categoryCode, { reread: true });
    }
  }
}

async function fileUnder(
  ctx: AppContext,
  filing: FilingCategory,
  submitter: Submitter,
  input: ReportInput,
  media: readonly MediaUpload[],
  options: SubmitOptions,
): Promise<SubmittedReport> {
  const db = feedbackDb(ctx);
  const found = filing.category;
  const attributes = checkAttributes(found.attributes, input.attributes ?? {});
  if (!attributes.ok) throw feedbackErrors.REPORT_ATTRIBUTES_INVALID(attributes.violations);
  if (
    media.filter((file) => file.kind === 'image').length > MAX_PHOTOS ||
    media.filter((file) => file.kind === 'video').length > MAX_VIDEOS
  ) {
    throw feedbackErrors.REPORT_TOO_MANY_FILES();
  }
  const contact = contactOf(input, found, submitter.principal);

  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const submittedAt = ctx.clock.now();
  const deadlineAt = deadlineFrom(calendar, found, submittedAt);
  const secret = randomToken(24);
  const id = randomUUID();
  const locale: Locale = input.locale ?? 'vi';
  const actor: Actor = {
    type:
      submitter.principal?.kind === 'api_key' ? 'api_key' : contact.userId ? 'user' : 'reporter',
    id: submitter.principal?.id ?? null,
    ip: submitter.ip,
    requestId: submitter.requestId,
  };
  const acknowledgeTo =
    contact.email ?? (contact.userId ? await accountEmail(db, contact.userId) : null);

  const write = async (trackingCode: string): Promise<Placement> => {
    const batch = new StatementBatch(db)
      .with(
        'placed',
        placementQuery(db, { categoryCode: found.code, lat: input.lat, lon: input.lon }),
      )
      .returning(PLACED.all);
    batch.add(
      reportInsert(db, {
        id,
        trackingCode,
        categoryCode: currentCategoryCodeSql(db, filing),
        status: 'new',
        agencyId: PLACED.agencyId,
        communeCode: PLACED.communeCode,
        lat: input.lat,
        lon: input.lon,
        address: input.address?.trim() ?? '',
        description: input.description.trim(),
        attributes: JSON.stringify(attributes.values),
        anonymous: input.anonymous ?? false,
        source: submitter.source,
        apiKeyId: submitter.principal?.kind === 'api_key' ? submitter.principal.id : null,
        submittedAt,
        updatedAt: submittedAt,
        deadlineAt,
        open311Token: submitter.open311Token ?? null,
      }),
    );
    batch.add(
      rowInsert(db, 'feedbackReporter', {
        reportId: id,
        userId: contact.userId,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        secretHash: hashSecret(secret),
      }),
    );
    if (contact.userId || contact.email) {
      batch.add(
        followerInsert(
          db,
          id,
          { userId: contact.userId, email: contact.email, locale },
          { newReport: true },
        ),
      );
    }
    for (const [position, file] of media.entries()) {
      batch.add(
        rowInsert(db, 'feedbackMedia', {
          reportId: id,
          fileId: file.fileId,
          kind: 'report',
          mediaType: file.mediaType,
          position,
        }),
      );
    }
    recordSubmissionIn(
      batch,
      db,
      {
        id,
        trackingCode,
        status: 'new',
        agencyId: PLACED.agencyId,
        categoryCode: found.code,
        communeCode: PLACED.communeCode,
      },
      {
        action: 'submitted',
        actor,
        visibility: 'public',
        details: { source: submitter.source, media: media.length },
      },
      submittedAt,
    );
    if (acknowledgeTo) {
      queueNotificationInBatch(batch, {
        channel: 'email',
        to: acknowledgeTo,
        template: reportReceivedTemplate,
        locale,
        variables: {
          trackingCode,
          category: locale === 'en' ? found.nameEn : found.name,
          agency: PLACED.agencyName,
          deadline: formatVietnamTime(deadlineAt),
          url: trackingUrl(ctx, trackingCode),
        },
      });
    }
    for (const statement of options.alsoWrite?.(trackingCode) ?? []) batch.add(statement);
    const run = async (executor: FeedbackDb) => {
      const [place] = await batch.execute<Placement>(executor);
      // Without a commune, the report's insert has already refused the whole statement.
      if (!place) throw new Error('the filing statement returned no placement');
      return place;
    };
    if (media.length === 0) return run(db);
    return db.transaction().execute(async (trx) => {
      const place = await run(trx);
      for (const file of media) {
        await attachFile(trx, {
          fileId: file.fileId,
          uploadedBy: submitter.uploaderKey,
          ownerType: 'feedback_report',
          ownerId: id,
          agencyId: place.agencyId,
        });
      }
      return place;
    });
  };

  // Codes are random: a clash is rare, and a failed single statement leaves nothing behind.
  let filed: { trackingCode: string; place: Placement } | null = null;
  for (let attempt = 0; !filed; attempt += 1) {
    const code = newTrackingCode(submittedAt);
    try {
      filed = { trackingCode: code, place: await write(code) };
    } catch (error) {
      if (isOutsideEveryCommune(error)) {
        throw feedbackErrors.REPORT_OUTSIDE_PROVINCE({ lat: input.lat, lon: input.lon });
      }
      if (!isTrackingCodeClash(error) || attempt >= 7) throw error;
    }
  }

  return {
    id,
    trackingCode: filed.trackingCode,
    secret,
    status: 'new',
    agencyId: filed.place.agencyId,
    agencyName: filed.place.agencyName,
    communeCode: filed.place.communeCode,
    communeName: filed.place.communeName,
    submittedAt,
    deadlineAt,
  };
}

/**
 * Where the report belongs, as the filing statement works it out: its clause `placed` has
 * one row, or none outside every commune (then the report's NOT NULL commune refuses the
 * whole statement). Constant SQL, compiled once.
 */
const PLACED = {
  agencyId: CompiledQuery.raw('(SELECT agency_id FROM placed)'),
  agencyName: CompiledQuery.raw('(SELECT agency_name FROM placed)'),
  communeCode: CompiledQuery.raw('(SELECT commune_code FROM placed)'),
  all: CompiledQuery.raw('SELECT commune_code, commune_name, agency_id, agency_name FROM placed'),
};

/** A NOT NULL column of the report refused the filing statement's value. */
function refusedReportColumn(error: unknown): string | null {
  const e = error as { code?: string; table?: string; column?: string } | null;
  return e?.code === '23502' && e.table === 'feedback_report' ? (e.column ?? null) : null;
}

/** The point is in no commune: `placed` was empty, so the report got no commune. */
function isOutsideEveryCommune(error: unknown): boolean {
  const column = refusedReportColumn(error);
  return column === 'commune_code' || column === 'agency_id';
}

/** A refusal on the category's own rules, which a stale copy could make wrongly. */
function isRefusedByCategory(error: unknown): boolean {
  return (
    error instanceof AppError &&
    (error.code === 'REPORT_ATTRIBUTES_INVALID' || error.code === 'REPORT_ANONYMOUS_NOT_ALLOWED')
  );
}

/** The category's row changed (or was deactivated) since the copy filed under was read. */
function isStaleCategory(error: unknown): boolean {
  return refusedReportColumn(error) === 'category_code';
}

async function accountEmail(db: FeedbackDb, userId: string): Promise<string | null> {
  const user = await db
    .selectFrom('appUser')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.email ?? null;
}

/** `17:00 24/02/2026` in Vietnam time, as Vietnamese administrative texts write it. */
export function formatVietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
}
