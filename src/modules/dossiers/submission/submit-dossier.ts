/**
 * An online submission (nộp hồ sơ trực tuyến): the form validated by the same code the portal
 * ran (kernel/forms), the documents checked against the procedure's list for the chosen case,
 * the receiving agency found (the service center, or the People's Committee of the
 * applicant's commune), then in one transaction the code taken, the dossier written with its
 * personal data encrypted, the uploads attached, and the first line of its history. A retry
 * with the same Idempotency-Key is answered from the first (kernel/http/idempotency), so it
 * never makes a second dossier.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { fieldCipher, type Principal, type RequestInfo } from '../../../kernel/auth';
import { validateForm, type FormError } from '../../../kernel/forms';
import { dossiersDb, type DossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import type { SubmitBody } from '../dossiers.schemas';
import { findProcedure } from '../catalog';
import { localDateIn } from '../../../kernel/calendar';
import { takeDossierCode } from './dossier-code';
import { writeDossierHistory } from './dossier-history';
import { attachDocuments, checkDocuments } from './dossier-documents';

export interface SubmittedDossier {
  id: string;
  code: string;
  status: 'submitted';
  submittedAt: Date;
  procedure: { code: string; name: string };
  receivingAgency: { code: string; name: string };
}

export async function submitDossier(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  body: SubmitBody,
): Promise<SubmittedDossier> {
  if (principal.type !== 'citizen') throw dossierErrors.CITIZENS_ONLY();
  const db = dossiersDb(ctx);
  const procedure = await findProcedure(db, body.procedureCode);
  if (!procedure) throw dossierErrors.PROCEDURE_NOT_FOUND();
  const { tthc } = procedure;
  if (!tthc.CachThucThucHien.some((channel) => channel.Kenh === 'TRUC_TUYEN')) {
    throw dossierErrors.PROCEDURE_NOT_ONLINE();
  }

  const now = ctx.clock.now();
  const caseIndex = body.case ?? 0;
  const documentCase = tthc.ThanhPhanHoSo[caseIndex];
  const form = validateForm(procedure.form, body.values, {
    today: localDateIn(now, ctx.config.timezone),
  });
  const fields: FormError[] = form.ok ? [] : form.errors;
  const listed = documentCase?.GiayTo ?? [];
  const documents = await checkDocuments(
    db,
    principal,
    body.documents,
    listed.map((document) => document.MaGiayTo),
    listed.filter((document) => document.BatBuoc).map((document) => document.MaGiayTo),
  );
  const caseProblem =
    tthc.ThanhPhanHoSo.length > 0 && !documentCase ? [{ field: 'case', code: 'option' }] : [];
  if (!form.ok || documents.length > 0 || caseProblem.length > 0) {
    throw dossierErrors.DOSSIER_INVALID({ fields: [...caseProblem, ...fields], documents });
  }

  const agency = await receivingAgency(db, procedure.receivingCode, body.communeCode);
  const cipher = fieldCipher(ctx.config);
  const id = randomUUID();
  const seal = (text: string) => cipher.encrypt(Buffer.from(text, 'utf8'), id);

  return db.transaction().execute(async (trx) => {
    const code = await takeDossierCode(trx, agency, now, ctx.config.timezone);
    await trx
      .insertInto('dossier')
      .values({
        id,
        code,
        procedureId: procedure.id,
        procedureCode: procedure.code,
        procedureRevision: procedure.revision,
        receivingAgencyId: agency.id,
        communeCode: procedure.receivingCode ? null : (body.communeCode ?? null),
        channel: 'TRUC_TUYEN',
        caseIndex,
        applicantType: body.applicant.type,
        applicantUserId: principal.id,
        applicantName: body.applicant.fullName.normalize('NFC').trim(),
        applicantIdNumber: seal(body.applicant.idNumber),
        applicantPhone: body.applicant.phone ? seal(body.applicant.phone) : null,
        applicantEmail: body.applicant.email ? seal(body.applicant.email) : null,
        formValues: seal(JSON.stringify(form.ok ? form.values : {})),
        status: 'submitted',
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await attachDocuments(trx, principal, {
      dossierId: id,
      agencyId: agency.id,
      documents: body.documents,
      origin: 'upload',
      at: now,
    });
    await writeDossierHistory(trx, { principal, request }, now, {
      dossierId: id,
      action: 'submitted',
      status: 'submitted',
      agencyId: agency.id,
      details: { code, procedure: procedure.code, documents: body.documents.length },
    });
    return {
      id,
      code,
      status: 'submitted' as const,
      submittedAt: now,
      procedure: { code: procedure.code, name: procedure.name },
      receivingAgency: { code: agency.code, name: agency.name },
    };
  });
}

/** The service center the procedure names, or the committee of the applicant's commune. */
export async function receivingAgency(
  db: DossiersDb,
  receivingCode: string | null,
  communeCode: string | undefined,
): Promise<{ id: string; code: string; name: string }> {
  if (receivingCode) {
    return db
      .selectFrom('agency')
      .select(['id', 'code', 'name'])
      .where('code', '=', receivingCode)
      .executeTakeFirstOrThrow();
  }
  if (!communeCode) throw dossierErrors.COMMUNE_NOT_SERVED({ communeCode: null });
  const committee = await db
    .selectFrom('agencyCommune')
    .innerJoin('agency', 'agency.id', 'agencyCommune.agencyId')
    .select(['agency.id', 'agency.code', 'agency.name'])
    .where('agencyCommune.communeCode', '=', communeCode)
    .where('agency.kind', '=', 'commune_committee')
    .where('agency.active', '=', true)
    .executeTakeFirst();
  if (!committee) throw dossierErrors.COMMUNE_NOT_SERVED({ communeCode });
  return committee;
}
