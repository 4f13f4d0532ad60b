/**
 * The storage clean-up, run by the scheduler: uploads never attached to a record are
 * dropped after a day, and content no live file points at is removed from the store.
 *
 * Content is shared between files and written before its row exists, so removal must not
 * race a new upload of the same bytes: a content is removed only when no live row points
 * at it AND it was not (re)written during the grace period; a re-upload re-writes it, which
 * refreshes that time.
 */
import type { AppContext } from '../context';
import {
  deleteTombstones,
  isContentReferenced,
  markStaleOwnerFilesDeleted,
  orphanedContents,
} from './storage.queries';
import { UPLOAD_OWNER_TYPE } from './storage.service';

const HOUR_MS = 60 * 60 * 1000;
/** How long an unattached upload waits for the form that will reference it. */
export const UPLOAD_TTL_MS = 24 * HOUR_MS;
/** Deleted content is kept this long (undo window, and the race with re-uploads). */
export const CONTENT_GRACE_MS = HOUR_MS;
const BATCH = 200;

export interface CleanupResult {
  expiredUploads: number;
  removedContents: number;
  removedTemporaryFiles: number;
}

export async function cleanUpStorage(ctx: AppContext): Promise<CleanupResult> {
  const now = ctx.clock.now();
  const expiredUploads = await markStaleOwnerFilesDeleted(
    ctx.db,
    UPLOAD_OWNER_TYPE,
    new Date(now.getTime() - UPLOAD_TTL_MS),
    now,
  );

  const graceStart = new Date(now.getTime() - CONTENT_GRACE_MS);
  let removedContents = 0;
  for (const sha256 of await orphanedContents(ctx.db, graceStart, BATCH)) {
    if (await isContentReferenced(ctx.db, sha256)) continue;
    const stat = await ctx.files.stat(sha256);
    if (stat && stat.lastWrittenAt.getTime() > graceStart.getTime()) continue;
    // Content first, rows second: if the row deletion fails, the next run finds the
    // tombstones again and removing absent content is a no-op.
    await ctx.files.delete(sha256);
    await deleteTombstones(ctx.db, sha256);
    removedContents += 1;
  }

  const removedTemporaryFiles = await ctx.files.sweep(new Date(now.getTime() - UPLOAD_TTL_MS));
  if (expiredUploads + removedContents + removedTemporaryFiles > 0) {
    ctx.log.info({ expiredUploads, removedContents, removedTemporaryFiles }, 'storage cleaned up');
  }
  return { expiredUploads, removedContents, removedTemporaryFiles };
}
