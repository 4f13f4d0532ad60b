/**
 * The papers of a dossier, as the applicant and the desk print them: the receipt and
 * appointment slip (once received), the request for more documents, the refusal slip, the
 * apology with its new appointment (each once issued), and the signed result. Slips are laid
 * out again on each request from what the dossier holds, so they always agree with it; the
 * result is the signed file itself and is never laid out again.
 */
import type { Readable } from 'node:stream';
import type { AppContext } from '../../../kernel/context';
import { fieldCipher } from '../../../kernel/auth';
import { findStoredFile } from '../../../kernel/storage/storage.queries';
import type { DossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import {
  renderApologyLetter,
  renderReceiptSlip,
  renderRefusalSlip,
  renderSupplementRequest,
  type SlipApplicant,
} from '../slips';
import { slipAgencyOf } from './slip-agency';

export const DOSSIER_PAPERS = ['receipt', 'supplement', 'refusal', 'apology', 'result'] as const;
export type DossierPaper = (typeof DOSSIER_PAPERS)[number];

export interface PaperDossier {
  id: string;
  code: string;
  status: string;
  channel: 'TRUC_TUYEN' | 'TRUC_TIEP' | 'BUU_CHINH';
  receivingAgencyId: string;
  applicantName: string;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureId: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  returnMethod: 'electronic' | 'desk' | 'post';
  refusalReason: string | null;
  resultFileId: string | null;
  resultName: string | null;
}

export type Paper =
  | { kind: 'bytes'; bytes: Uint8Array; name: string }
  | { kind: 'stream'; content: Readable; size: number; name: string };

/** The name of who did `action` last, from the dossier's history. */
async function actorOf(db: DossiersDb, dossierId: string, action: string): Promise<string> {
  const row = await db
    .selectFrom('dossierHistory')
    .select('actorName')
    .where('dossierId', '=', dossierId)
    .where('action', '=', action)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.actorName ?? '';
}

export async function dossierPaper(
  ctx: AppContext,
  db: DossiersDb,
  dossier: PaperDossier,
  paper: DossierPaper,
): Promise<Paper> {
  const name = (title: string) => `${title} ${dossier.code}.pdf`;
  if (paper === 'result') {
    if (!dossier.resultFileId || !['resolved', 'returned'].includes(dossier.status)) {
      throw dossierErrors.NO_RESULT();
    }
    const file = (await findStoredFile(db, dossier.resultFileId))!;
    return {
      kind: 'stream',
      content: await ctx.files.get(file.sha256),
      size: Number(file.size),
      name: dossier.resultName ?? name('Kết quả'),
    };
  }
  const procedure = await db
    .selectFrom('procedure')
    .select(['name', 'tthc'])
    .where('id', '=', dossier.procedureId)
    .executeTakeFirstOrThrow();
  const cipher = fieldCipher(ctx.config);
  const open = (stored: string | null) =>
    stored ? cipher.decrypt(stored, dossier.id).toString('utf8') : null;
  const applicant: SlipApplicant = {
    name: dossier.applicantName,
    phone: open(dossier.applicantPhone),
    email: open(dossier.applicantEmail),
  };
  const agency = await slipAgencyOf(db, dossier.receivingAgencyId);
  const timezone = ctx.config.timezone;
  const common = {
    agency,
    dossierCode: dossier.code,
    applicant,
    procedureName: procedure.name,
    timezone,
  };
  const now = ctx.clock.now();

  switch (paper) {
    case 'receipt': {
      if (!dossier.receivedAt || !dossier.dueAt) throw dossierErrors.NO_PAPER({ paper });
      const documents = await db
        .selectFrom('dossierDocument')
        .select(['slot'])
        .where('dossierId', '=', dossier.id)
        .where('addedAt', '<=', dossier.receivedAt)
        .execute();
      const listed = procedure.tthc.ThanhPhanHoSo.flatMap((c) => c.GiayTo);
      const time = procedure.tthc.CachThucThucHien.find((way) => way.Kenh === dossier.channel);
      const unit = { NGAY_LAM_VIEC: 'ngày làm việc', NGAY: 'ngày', GIO_LAM_VIEC: 'giờ làm việc' };
      return {
        kind: 'bytes',
        name: name('Giấy tiếp nhận'),
        bytes: await renderReceiptSlip({
          ...common,
          channel: dossier.channel,
          documents: [...new Set(documents.map((document) => document.slot))].map((slot) => {
            const document = listed.find((d) => d.MaGiayTo === slot);
            return {
              name: document?.TenGiayTo ?? slot,
              originals: document?.SoBanChinh ?? 1,
              copies: document?.SoBanSao ?? 0,
            };
          }),
          ...(time
            ? {
                resolutionTime: `${String(time.ThoiGianGiaiQuyet).padStart(2, '0')} ${unit[time.DonViTinh]}`,
              }
            : {}),
          receivedAt: dossier.receivedAt,
          appointmentAt: dossier.dueAt,
          returnMethod: dossier.returnMethod,
          officerName: await actorOf(db, dossier.id, 'received'),
          publicUrl: ctx.config.publicUrl,
        }),
      };
    }
    case 'supplement': {
      const request = await db
        .selectFrom('dossierSupplement')
        .select(['requestedAt', 'note', 'slots'])
        .where('dossierId', '=', dossier.id)
        .orderBy('requestedAt', 'desc')
        .executeTakeFirst();
      if (!request) throw dossierErrors.NO_PAPER({ paper });
      const names = new Map(
        procedure.tthc.ThanhPhanHoSo.flatMap((c) =>
          c.GiayTo.map((d) => [d.MaGiayTo, d.TenGiayTo] as const),
        ),
      );
      return {
        kind: 'bytes',
        name: name('Phiếu yêu cầu bổ sung'),
        bytes: await renderSupplementRequest({
          ...common,
          receivedAt: dossier.receivedAt,
          missing:
            request.slots.length > 0
              ? request.slots.map((slot) => names.get(slot) ?? slot)
              : [request.note],
          reason: request.note,
          officerName: await actorOf(db, dossier.id, 'supplement_requested'),
          issuedAt: request.requestedAt,
        }),
      };
    }
    case 'refusal': {
      if (dossier.status !== 'refused' || !dossier.refusalReason) {
        throw dossierErrors.NO_PAPER({ paper });
      }
      const refused = await db
        .selectFrom('dossier')
        .select('finishedAt')
        .where('id', '=', dossier.id)
        .executeTakeFirstOrThrow();
      return {
        kind: 'bytes',
        name: name('Phiếu từ chối'),
        bytes: await renderRefusalSlip({
          ...common,
          channel: dossier.channel,
          receivedAt: dossier.receivedAt,
          reason: dossier.refusalReason,
          officerName: await actorOf(db, dossier.id, 'refused'),
          issuedAt: refused.finishedAt ?? now,
        }),
      };
    }
    case 'apology': {
      const apology = await db
        .selectFrom('dossierApology')
        .leftJoin('appUser', 'appUser.id', 'dossierApology.issuedBy')
        .select([
          'dossierApology.issuedAt',
          'dossierApology.previousDueAt',
          'dossierApology.newDueAt',
          'dossierApology.reason',
          'appUser.fullName',
        ])
        .where('dossierApology.dossierId', '=', dossier.id)
        .orderBy('dossierApology.issuedAt', 'desc')
        .executeTakeFirst();
      if (!apology || !dossier.receivedAt) throw dossierErrors.NO_PAPER({ paper });
      const committee = /^ủy ban nhân dân/iu.test(agency.name);
      return {
        kind: 'bytes',
        name: name('Phiếu xin lỗi'),
        bytes: await renderApologyLetter({
          ...common,
          receivedAt: dossier.receivedAt,
          originalAppointmentAt: apology.previousDueAt,
          newAppointmentAt: apology.newDueAt,
          reason: apology.reason,
          head: {
            competence: committee ? 'TM. ỦY BAN NHÂN DÂN' : null,
            position: committee ? 'CHỦ TỊCH' : 'THỦ TRƯỞNG CƠ QUAN',
            fullName: apology.fullName ?? '',
          },
          issuedAt: apology.issuedAt,
        }),
      };
    }
  }
}
