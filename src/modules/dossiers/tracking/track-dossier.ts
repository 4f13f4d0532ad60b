/**
 * Public tracking (tra cứu hồ sơ): a dossier's code and the last four digits of its
 * applicant's identity number show its status and timeline, with nothing personal. A wrong
 * code and wrong digits answer alike, so neither is confirmed; after a few wrong digits for
 * one code the code is refused for a while, so the 10,000 combinations cannot be walked.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { fieldCipher } from '../../../kernel/auth';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { dossierSummaries, dossierTimeline, summaryView } from './dossier-timeline';

/** Wrong digits allowed for one code in a window, and the window. */
export const TRACKING_ATTEMPTS = 5;
export const TRACKING_WINDOW_MS = 60 * 60 * 1000;

export async function trackDossier(ctx: AppContext, code: string, idLast4: string) {
  const db = dossiersDb(ctx);
  const row = await dossierSummaries(db)
    .select([
      'dossier.applicantIdNumber',
      'dossier.trackingFailures',
      'dossier.trackingWindowStart',
    ])
    .where('dossier.code', '=', code)
    .executeTakeFirst();
  if (!row) throw dossierErrors.TRACKING_NOT_FOUND();
  const now = ctx.clock.now();
  const windowOpen =
    row.trackingWindowStart !== null &&
    now.getTime() - row.trackingWindowStart.getTime() < TRACKING_WINDOW_MS;
  if (windowOpen && row.trackingFailures >= TRACKING_ATTEMPTS) {
    throw dossierErrors.TRACKING_LOCKED({
      retryAfterSeconds: Math.ceil(
        (row.trackingWindowStart!.getTime() + TRACKING_WINDOW_MS - now.getTime()) / 1000,
      ),
    });
  }
  const idNumber = fieldCipher(ctx.config).decrypt(row.applicantIdNumber, row.id);
  const last4 = idNumber.subarray(idNumber.length - 4);
  if (!timingSafeEqual(last4, Buffer.from(idLast4, 'utf8'))) {
    await db
      .updateTable('dossier')
      .set((eb) =>
        windowOpen
          ? { trackingFailures: eb('trackingFailures', '+', 1) }
          : { trackingFailures: 1, trackingWindowStart: now },
      )
      .where('id', '=', row.id)
      .execute();
    throw dossierErrors.TRACKING_NOT_FOUND();
  }
  return { ...summaryView(row), timeline: await dossierTimeline(db, row.id) };
}
