/**
 * Verifying a file someone brings: a PDF with its embedded signatures, or any file with a
 * detached CMS signature (.p7s, DER or PEM). Nothing is stored; the report is the answer.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context';
import { verifyDetachedCms } from './cms-verify';
import { verifyPdf } from './pades-verify';
import { derFromPemOrDer } from './pem';
import { PdfStructureError } from './pdf';
import { signingErrors } from './signing.errors';
import { platformTrustStore } from './trust';
import { cmsReport, pdfReport, type VerificationReport } from './verification-report';

export interface FileToVerify {
  name: string;
  content: Buffer;
  /** A detached signature of `content`, DER or PEM. */
  signature?: Buffer;
}

function looksLikePdf(content: Buffer): boolean {
  return content.subarray(0, 1024).includes('%PDF-');
}

export async function verifySignedFile(
  ctx: Pick<AppContext, 'config' | 'db' | 'log' | 'clock'>,
  file: FileToVerify,
): Promise<VerificationReport> {
  const trust = await platformTrustStore(ctx);
  const now = ctx.clock.now();
  const facts = {
    name: file.name,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  };
  if (file.signature) {
    const check = verifyDetachedCms({
      cms: derFromPemOrDer(file.signature),
      digestOf: (algorithm) => createHash(algorithm).update(file.content).digest(),
      trust,
      now,
    });
    if (check.problems.includes('MALFORMED')) throw signingErrors.SIGNATURE_UNREADABLE();
    return cmsReport(facts, check, now);
  }
  if (!looksLikePdf(file.content)) throw signingErrors.NOT_A_PDF();
  try {
    return pdfReport(facts, verifyPdf(file.content, trust, now), now);
  } catch (error) {
    if (error instanceof PdfStructureError) throw signingErrors.NOT_A_PDF();
    throw error;
  }
}
