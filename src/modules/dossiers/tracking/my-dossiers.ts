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
      'dossier.receivedAt',
      'dossier.returnMethod',
      'dossier.refusalReason',
      'dossier.resultFileId',
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
  const [supplement, apology, survey] = await Promise.all([
    db
      .selectFrom('dossierSupplement')
      .select(['requestedAt', 'note', 'slots'])
      .where('dossierId', '=', row.id)
      .where('suppliedAt', 'is', null)
      .orderBy('requestedAt', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('dossierApology')
      .select(['issuedAt', 'newDueAt', 'reason'])
      .where('dossierId', '=', row.id)
      .orderBy('issuedAt', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('dossierSurvey')
      .select(['rating', 'answeredAt'])
      .where('dossierId', '=', row.id)
      .executeTakeFirst(),
  ]);
  const papers = [
    ...(row.receivedAt ? ['receipt' as const] : []),
    ...((await db
      .selectFrom('dossierSupplement')
      .select('id')
      .where('dossierId', '=', row.id)
      .executeTakeFirst())
      ? ['supplement' as const]
      : []),
    ...(row.status === 'refused' && row.refusalReason ? ['refusal' as const] : []),
    ...(apology ? ['apology' as const] : []),
    ...(row.resultFileId && row.status === 'returned' ? ['result' as const] : []),
  ];
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
    returnMethod: row.returnMethod,
    refusalReason: row.refusalReason,
    /** What the desk asked for and the applicant has not yet given. */
    supplementRequest: supplement ?? null,
    /** The latest apology: the new appointment the agency gave. */
    apology: apology ?? null,
    survey: survey ?? null,
    papers,
  };
}

/**
 * The applicant's personal data store: the documents they gave with their earlier dossiers
 * and the results they received, which a new dossier may reuse instead of an upload.
 */
export async function myReusableDocuments(ctx: AppContext, principal: Principal) {
  const db = dossiersDb(ctx);
  const documents = await db
    .selectFrom('dossierDocument')
    .innerJoin('dossier', 'dossier.id', 'dossierDocument.dossierId')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .select([
      'dossierDocument.storedFileId as fileId',
      'dossierDocument.slot',
      'dossierDocument.name',
      'dossierDocument.mediaType',
      'dossierDocument.size',
      'dossierDocument.addedAt',
      'dossier.code as dossierCode',
      'procedure.name as procedureName',
      'procedure.tthc',
    ])
    .where('dossier.applicantUserId', '=', principal.id)
    .orderBy('dossierDocument.addedAt', 'desc')
    .limit(200)
    .execute();
  const results = await db
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .innerJoin('storedFile', 'storedFile.id', 'dossier.resultFileId')
    .select([
      'dossier.resultFileId as fileId',
      'dossier.resultName as name',
      'dossier.returnedAt as addedAt',
      'dossier.code as dossierCode',
      'procedure.name as procedureName',
      'storedFile.size',
    ])
    .where('dossier.applicantUserId', '=', principal.id)
    .where('dossier.status', '=', 'returned')
    .orderBy('dossier.returnedAt', 'desc')
    .limit(100)
    .execute();
  // One entry per content and slot: the same certificate given to three dossiers is one.
  const seen = new Set<string>();
  const items = [
    ...results.map((result) => ({
      kind: 'result' as const,
      fileId: result.fileId!,
      name: result.name ?? `Kết quả ${result.dossierCode}.pdf`,
      mediaType: 'application/pdf',
      size: Number(result.size),
      slot: null,
      slotName: null,
      dossierCode: result.dossierCode,
      procedureName: result.procedureName,
      addedAt: result.addedAt!,
    })),
    ...documents.map((document) => ({
      kind: 'document' as const,
      fileId: document.fileId,
      name: document.name,
      mediaType: document.mediaType,
      size: Number(document.size),
      slot: document.slot,
      slotName:
        document.tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo).find(
          (d) => d.MaGiayTo === document.slot,
        )?.TenGiayTo ?? null,
      dossierCode: document.dossierCode,
      procedureName: document.procedureName,
      addedAt: document.addedAt,
    })),
  ];
  const shas = new Map(
    (
      await db
        .selectFrom('storedFile')
        .select(['id', 'sha256'])
        .where(
          'id',
          'in',
          items.length > 0 ? items.map((i) => i.fileId) : ['00000000-0000-0000-0000-000000000000'],
        )
        .execute()
    ).map((file) => [file.id, file.sha256]),
  );
  return {
    items: items.filter((item) => {
      const key = `${shas.get(item.fileId) ?? item.fileId}/${item.slot ?? item.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  };
}
