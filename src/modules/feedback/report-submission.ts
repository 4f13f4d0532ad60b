/**
 * Filing a report: from the portal (a citizen, signed in or not), from an Open311 client
 * (an API key), or at a desk. The point gives the commune, the category and commune give the
 * agency, the category's deadline runs on the working calendar, and the reporter receives a
 * tracking code and a secret that proves, without an account, that they filed it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../kernel/context';
import type { Principal } from '../../kernel/auth';
import { normaliseEmail, normalisePhone } from '../../kernel/auth';
import { loadWorkingCalendar } from '../../kernel/calendar';
import { attachFile } from '../../kernel/storage/storage.service';
import { locateCommune } from '../../kernel/geo/geo.queries';
import { queueNotification } from '../../kernel/notify/notify.service';
import type { Locale } from '../../kernel/notify/templates';
import { httpErrors } from '../../kernel/errors/common.errors';
import { feedbackDb, type FeedbackDb } from './feedback-db';
import { feedbackErrors } from './feedback.errors';
import type { ReportSource, ReportStatus } from './feedback.tables';
import { checkAttributes } from './report-attributes';
import { responsibleAgencyId } from './routing';
import { addFollower, insertReport, insertReporter } from './report.queries';
import { applyChange, trackingUrl, type Actor } from './report-change';
import { activeCategory, type Category } from './category.queries';
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

async function rootAgencyId(db: FeedbackDb): Promise<string> {
  const root = await db
    .selectFrom('agency')
    .select('id')
    .where('parentId', 'is', null)
    .where('active', '=', true)
    .orderBy('code')
    .executeTakeFirst();
  if (!root) throw new Error('no root agency: load the agencies before filing reports');
  return root.id;
}

export async function submitReport(
  ctx: AppContext,
  submitter: Submitter,
  input: ReportInput,
  media: readonly MediaUpload[],
): Promise<SubmittedReport> {
  const db = feedbackDb(ctx);
  const category = await activeCategory(db, input.categoryCode);
  if (!category) throw feedbackErrors.CATEGORY_NOT_FOUND({ categoryCode: input.categoryCode });
  const attributes = checkAttributes(category.attributes, input.attributes ?? {});
  if (!attributes.ok) throw feedbackErrors.REPORT_ATTRIBUTES_INVALID(attributes.violations);
  if (
    media.filter((file) => file.kind === 'image').length > MAX_PHOTOS ||
    media.filter((file) => file.kind === 'video').length > MAX_VIDEOS
  ) {
    throw feedbackErrors.REPORT_TOO_MANY_FILES();
  }
  const contact = contactOf(input, category, submitter.principal);
  const located = await locateCommune(ctx.db, input.lat, input.lon);
  if (!located) throw feedbackErrors.REPORT_OUTSIDE_PROVINCE({ lat: input.lat, lon: input.lon });

  const agencyId =
    (await responsibleAgencyId(db, category.code, located.commune.code)) ??
    (await rootAgencyId(db));
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
  const submittedAt = ctx.clock.now();
  const deadlineAt = deadlineFrom(calendar, category, submittedAt);
  const secret = randomBytes(24).toString('base64url');
  const id = randomUUID();
  const locale: Locale = input.locale ?? 'vi';
  const actor: Actor = {
    type:
      submitter.principal?.kind === 'api_key' ? 'api_key' : contact.userId ? 'user' : 'reporter',
    id: submitter.principal?.id ?? null,
    ip: submitter.ip,
    requestId: submitter.requestId,
  };

  const trackingCode = await db.transaction().execute(async (trx) => {
    const code = await insertReport(
      trx,
      {
        id,
        categoryCode: category.code,
        status: 'new',
        agencyId,
        communeCode: located.commune.code,
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
      },
      () => newTrackingCode(submittedAt),
    );
    await insertReporter(trx, {
      reportId: id,
      userId: contact.userId,
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      secretHash: hashSecret(secret),
    });
    if (contact.userId || contact.email) {
      await addFollower(trx, id, { userId: contact.userId, email: contact.email, locale });
    }
    for (const [position, file] of media.entries()) {
      await attachFile(trx, {
        fileId: file.fileId,
        uploadedBy: submitter.uploaderKey,
        ownerType: 'feedback_report',
        ownerId: id,
        agencyId,
      });
      await trx
        .insertInto('feedbackMedia')
        .values({
          reportId: id,
          fileId: file.fileId,
          kind: 'report',
          mediaType: file.mediaType,
          position,
        })
        .execute();
    }
    const report = await trx
      .selectFrom('feedbackReport')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await applyChange(ctx, trx, report, {
      action: 'submitted',
      actor,
      visibility: 'public',
      details: { source: submitter.source, media: media.length },
    });
    const agency = await trx
      .selectFrom('agency')
      .select('name')
      .where('id', '=', agencyId)
      .executeTakeFirstOrThrow();
    const to = contact.email ?? (contact.userId ? await accountEmail(trx, contact.userId) : null);
    if (to) {
      await queueNotification(trx, {
        channel: 'email',
        to,
        template: reportReceivedTemplate,
        locale,
        variables: {
          trackingCode: code,
          category: locale === 'en' ? category.nameEn : category.name,
          agency: agency.name,
          deadline: formatVietnamTime(deadlineAt),
          url: trackingUrl(ctx, code),
        },
      });
    }
    return code;
  });

  const agency = await db
    .selectFrom('agency')
    .select('name')
    .where('id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return {
    id,
    trackingCode,
    secret,
    status: 'new',
    agencyId,
    agencyName: agency.name,
    communeCode: located.commune.code,
    communeName: located.commune.fullName,
    submittedAt,
    deadlineAt,
  };
}

async function accountEmail(trx: FeedbackDb, userId: string): Promise<string | null> {
  const user = await trx
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
