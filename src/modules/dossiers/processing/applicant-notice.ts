/**
 * Telling the applicant of each step (an e-mail when they gave an address), queued in the
 * step's transaction so a notice goes out only for a change that happened. The address is
 * kept encrypted with the dossier and opened only here.
 */
import type { AppContext } from '../../../kernel/context';
import { fieldCipher } from '../../../kernel/auth';
import { queueNotification } from '../../../kernel/notify/notify.service';
import type { DossiersTrx } from '../dossiers-db';
import type { DossierStatus } from '../dossiers.tables';
import { STATUS_LABELS } from '../dossier-status-labels';
import { dossierChangedTemplate } from '../dossiers.templates';

export interface NoticeSubject {
  id: string;
  code: string;
  procedureName: string;
  applicantEmail: string | null;
}

export async function noticeToApplicant(
  ctx: AppContext,
  trx: DossiersTrx,
  dossier: NoticeSubject,
  status: DossierStatus,
  message: string,
): Promise<void> {
  if (!dossier.applicantEmail) return;
  const to = fieldCipher(ctx.config).decrypt(dossier.applicantEmail, dossier.id).toString('utf8');
  await queueNotification(trx, {
    channel: 'email',
    to,
    template: dossierChangedTemplate,
    locale: 'vi',
    variables: {
      code: dossier.code,
      procedure: dossier.procedureName,
      status: STATUS_LABELS[status].vi,
      message,
      url: `${ctx.config.publicUrl}/ho-so/${encodeURIComponent(dossier.code)}`,
    },
  });
}
