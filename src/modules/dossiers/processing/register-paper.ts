/**
 * A paper dossier at the desk (tiếp nhận trực tiếp) or arriving by post: the desk officer
 * types the applicant and the form, scans each paper document (an upload of their own, kept
 * as a scanned document: what Decision 766 counts as digitised), and the dossier is received
 * at once — the same code, the same appointment on the working calendar, the same steps as
 * an online one. The form is checked as the portal checks it; the applicant has no account
 * here, so the dossier belongs to no user and is followed by code and identity digits.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../kernel/context';
import { fieldCipher } from '../../../kernel/auth';
import { loadWorkingCalendar, localDateIn } from '../../../kernel/calendar';
import { validateForm } from '../../../kernel/forms';
import {
  attachDocuments,
  checkDocuments,
  receivingAgency,
  takeDossierCode,
  writeDossierHistory,
  type DossierActor,
  type GivenDocument,
} from '../submission';
import { findProcedure } from '../catalog';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { DOSSIER_PERMISSIONS } from '../dossiers.permissions';
import type { ReturnMethod } from '../dossiers.tables';
import type { ApplicantType } from '../catalog';
import { lockDossier } from './dossier-for-action';
import { assertDossierAccess } from './dossier-scope';
import { startProcessing } from './receive-dossier';

export interface PaperDossier {
  procedureCode: string;
  channel: 'TRUC_TIEP' | 'BUU_CHINH';
  communeCode?: string;
  case?: number;
  applicant: {
    type: ApplicantType;
    fullName: string;
    idNumber: string;
    phone?: string;
    email?: string;
  };
  values: Record<string, unknown>;
  /** The officer's scans, one per document of the case. */
  documents: GivenDocument[];
  returnMethod?: ReturnMethod;
}

export async function registerPaperDossier(
  ctx: AppContext,
  actor: DossierActor,
  input: PaperDossier,
): Promise<{ code: string; receivedAt: Date; dueAt: Date }> {
  const db = dossiersDb(ctx);
  const procedure = await findProcedure(db, input.procedureCode);
  if (!procedure) throw dossierErrors.PROCEDURE_NOT_FOUND();
  const agency = await receivingAgency(db, procedure.receivingCode, input.communeCode);
  // Only the desk of the agency that receives this procedure (for this commune).
  assertDossierAccess(actor.principal, DOSSIER_PERMISSIONS.receive, [agency.id], agency.id);
  const { tthc } = procedure;
  if (!tthc.CachThucThucHien.some((way) => way.Kenh === input.channel)) {
    throw dossierErrors.DOSSIER_INVALID({ fields: [{ field: 'channel', code: 'option' }] });
  }
  const now = ctx.clock.now();
  const caseIndex = input.case ?? 0;
  const documentCase = tthc.ThanhPhanHoSo[caseIndex];
  const form = validateForm(procedure.form, input.values, {
    today: localDateIn(now, ctx.config.timezone),
  });
  const listed = documentCase?.GiayTo ?? [];
  const documents = await checkDocuments(
    db,
    actor.principal,
    input.documents,
    listed.map((document) => document.MaGiayTo),
    listed.filter((document) => document.BatBuoc).map((document) => document.MaGiayTo),
  );
  const caseProblem =
    tthc.ThanhPhanHoSo.length > 0 && !documentCase ? [{ field: 'case', code: 'option' }] : [];
  if (!form.ok || documents.length > 0 || caseProblem.length > 0) {
    throw dossierErrors.DOSSIER_INVALID({
      fields: [...caseProblem, ...(form.ok ? [] : form.errors)],
      documents,
    });
  }

  // Loaded before the transaction: the embedded database has one connection.
  const calendar = await loadWorkingCalendar(ctx.db, ctx.config);
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
        communeCode: procedure.receivingCode ? null : (input.communeCode ?? null),
        channel: input.channel,
        caseIndex,
        applicantType: input.applicant.type,
        applicantUserId: null,
        applicantName: input.applicant.fullName.normalize('NFC').trim(),
        applicantIdNumber: seal(input.applicant.idNumber),
        applicantPhone: input.applicant.phone ? seal(input.applicant.phone) : null,
        applicantEmail: input.applicant.email ? seal(input.applicant.email) : null,
        formValues: seal(JSON.stringify(form.ok ? form.values : {})),
        status: 'submitted',
        submittedAt: now,
        returnMethod: input.returnMethod ?? (input.channel === 'BUU_CHINH' ? 'post' : 'desk'),
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await attachDocuments(trx, actor.principal, {
      dossierId: id,
      agencyId: agency.id,
      documents: input.documents,
      origin: 'scan',
      at: now,
    });
    await writeDossierHistory(trx, actor, now, {
      dossierId: id,
      action: 'submitted',
      status: 'submitted',
      agencyId: agency.id,
      details: {
        code,
        procedure: procedure.code,
        channel: input.channel,
        documents: input.documents.length,
      },
    });
    const dossier = await lockDossier(trx, code);
    return startProcessing(ctx, trx, calendar, actor, dossier, {});
  });
}
