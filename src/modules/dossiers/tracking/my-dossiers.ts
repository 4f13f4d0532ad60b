/** A citizen's own dossiers: the list, and one whole with what they typed and uploaded. */
import type { AppContext } from '../../../kernel/context';
import { fieldCipher, type Principal } from '../../../kernel/auth';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import type { DossierStatus } from '../dossiers.tables';
import { dossierSummaries, dossierTimeline, summaryView } from './dossier-timeline';

export async function listMyDossiers(
  ctx: AppContext,
  principal: Principal,
  query: { status?: DossierStatus; page?: number; pageSize?: number },
) {
  const db = dossiersDb(ctx);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  let mine = dossierSummaries(db).where('dossier.applicantUserId', '=', principal.id);
  if (query.status) mine = mine.where('dossier.status', '=', query.status);
  const [rows, total] = await Promise.all([
    mine
      .orderBy('dossier.submittedAt', 'desc')
      .orderBy('dossier.code', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('applicantUserId', '=', principal.id)
      .$if(query.status !== undefined, (q) => q.where('status', '=', query.status!))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summaryView), total: Number(total.n), page, pageSize };
}

export async function myDossier(ctx: AppContext, principal: Principal, code: string) {
  const db = dossiersDb(ctx);
  const row = await dossierSummaries(db)
    .select([
      'dossier.applicantType',
      'dossier.applicantName',
      'dossier.applicantIdNumber',
      'dossier.applicantPhone',
      'dossier.applicantEmail',
      'dossier.communeCode',
      'dossier.formValues',
      'procedure.tthc',
    ])
    .where('dossier.code', '=', code)
    .where('dossier.applicantUserId', '=', principal.id)
    .executeTakeFirst();
  // Another person's dossier answers as if it did not exist.
  if (!row) throw dossierErrors.DOSSIER_NOT_FOUND();
  const cipher = fieldCipher(ctx.config);
  const open = (stored: string) => cipher.decrypt(stored, row.id).toString('utf8');
  const documents = await db
    .selectFrom('dossierDocument')
    .select(['slot', 'storedFileId as fileId', 'name', 'mediaType', 'size'])
    .where('dossierId', '=', row.id)
    .orderBy('addedAt')
    .execute();
  // In the order the procedure lists its documents, as the applicant filled them in.
  const listed = row.tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo.map((d) => d.MaGiayTo));
  const position = (slot: string) => {
    const index = listed.indexOf(slot);
    return index < 0 ? listed.length : index;
  };
  documents.sort((a, b) => position(a.slot) - position(b.slot));
  return {
    ...summaryView(row),
    applicant: {
      type: row.applicantType,
      fullName: row.applicantName,
      idNumber: open(row.applicantIdNumber),
      phone: row.applicantPhone ? open(row.applicantPhone) : null,
      email: row.applicantEmail ? open(row.applicantEmail) : null,
    },
    communeCode: row.communeCode,
    values: JSON.parse(open(row.formValues)) as Record<string, unknown>,
    documents: documents.map((document) => ({ ...document, size: Number(document.size) })),
    timeline: await dossierTimeline(db, row.id),
  };
}
