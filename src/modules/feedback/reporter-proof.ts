/**
 * Whether someone is the person who filed a report: they hold the secret handed out at
 * submission (kept on the phone for people without an account), or they are signed in as
 * the account that filed it.
 */
import { timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../../kernel/crypto/sha256';
import type { Principal } from '../../kernel/auth';
import type { FeedbackDb } from './feedback-db';
import { findReporter } from './report.queries';

export interface ReporterClaim {
  principal: Principal | null;
  /** The secret from submission, when the client kept it. */
  secret: string | null;
}

export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function isReporter(
  db: FeedbackDb,
  reportId: string,
  claim: ReporterClaim,
): Promise<boolean> {
  const reporter = await findReporter(db, reportId);
  if (!reporter) return false;
  if (claim.secret && sameHash(hashSecret(claim.secret), reporter.secretHash)) return true;
  return (
    claim.principal?.kind === 'user' &&
    reporter.userId !== null &&
    reporter.userId === claim.principal.id
  );
}
