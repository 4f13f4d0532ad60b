/**
 * The leader signs the result (ký kết quả): the platform lays out the electronic result from
 * what the applicant declared and the procedure names as its result, and signs it PAdES with
 * the leader's own certificate (kernel/signing), their handwritten signature in the box the
 * layout leaves between position and name. The leader confirms with a fresh authenticator
 * code: a signature is an act in law, not a click. The dossier is then resolved; a result
 * the applicant takes electronically is returned at once, the fees being paid.
 */
import { Readable } from 'node:stream';
import type { AppContext } from '../../../kernel/context';
import { confirmStepUp, fieldCipher } from '../../../kernel/auth';
import { currentKeystoreId, loadKeystore } from '../../../kernel/signing/keystores';
import { signPdf } from '../../../kernel/signing/pades-sign';
import { imageAppearance } from '../../../kernel/signing/appearance';
import { insertStoredFile } from '../../../kernel/storage/storage.queries';
import { sanitiseFileName } from '../../../kernel/storage/file-names';
import type { FormValues } from '../../../kernel/forms';
import { writeDossierHistory, type DossierActor } from '../submission';
import { dossiersDb, type DossiersTrx } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';
import { renderResult, signatureBoxRect } from '../slips';
import { feesOutstanding } from '../payments';
import { dossierForStepHolder, expectStatus, lockDossier } from './dossier-for-action';
import { assertDossierAccess } from './dossier-scope';
import { PERMISSION_OF_ROLE } from './dossier-for-action';
import { finishStep, startStep } from './step-plan';
import { DOSSIER_RESULT_OWNER } from '../dossier-file-owners';
import { completeReturn } from './return-result';
import { noticeToApplicant } from './applicant-notice';
import { resultFacts } from './result-facts';
import { slipAgencyOf } from './slip-agency';

export interface SignedResult {
  code: string;
  status: 'resolved' | 'returned';
  finishedAt: Date;
  returnedAt?: Date;
}

export async function signResult(
  ctx: AppContext,
  actor: DossierActor,
  code: string,
  totpCode: string,
): Promise<SignedResult> {
  // Checked before the code is spent: a code is good for one act only.
  await dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      await dossierForStepHolder(trx, actor.principal, code, ['signing'], 'sign');
    });
  const keystoreId = await currentKeystoreId(ctx.db, { userId: actor.principal.id });
  const keystore = keystoreId ? await loadKeystore(ctx, ctx.db, keystoreId) : undefined;
  if (!keystore?.appearanceImage) throw dossierErrors.SIGNER_CERTIFICATE_MISSING();
  await confirmStepUp(ctx, actor.request, actor.principal.id, totpCode, 'dossiers.sign');

  const signer = await ctx.db
    .selectFrom('appUser')
    .select('fullName')
    .where('id', '=', actor.principal.id)
    .executeTakeFirstOrThrow();
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const { dossier, step } = await dossierForStepHolder(
        trx,
        actor.principal,
        code,
        ['signing'],
        'sign',
      );
      expectStatus(dossier, ['processing'], 'sign');
      const now = ctx.clock.now();
      const rendered = await renderResult(
        await resultInput(ctx, trx, dossier.id, step.agencyId, signer.fullName, now),
      );
      const box = rendered.signatureBox;
      const { appearance } = await imageAppearance({
        rect: signatureBoxRect(box),
        imagePng: keystore.appearanceImage!,
      });
      const signed = await signPdf(Buffer.from(rendered.pdf), {
        identity: keystore.identity,
        signingTime: now,
        appearance,
        pageIndex: box.page,
        fieldName: 'ChuKyNguoiKy',
        name: signer.fullName,
        reason: 'Ký kết quả giải quyết thủ tục hành chính',
      });
      const name = sanitiseFileName(`Kết quả ${dossier.code}.pdf`, 'pdf');
      const fileId = await storeResult(ctx, trx, {
        dossierId: dossier.id,
        agencyId: dossier.receivingAgencyId,
        bytes: signed,
        name,
        storedBy: actor.principal.id,
      });
      await finishStep(trx, step.id, 'done', now, actor.principal.id);
      await trx
        .updateTable('dossier')
        .set({
          status: 'resolved',
          finishedAt: now,
          resultFileId: fileId,
          resultName: name,
          resultSigned: true,
          resultSignedAt: now,
          updatedAt: now,
        })
        .where('id', '=', dossier.id)
        .execute();
      await writeDossierHistory(trx, actor, now, {
        dossierId: dossier.id,
        action: 'signed',
        status: 'resolved',
        agencyId: step.agencyId,
        details: { certificate: keystore.subjectName },
      });
      const returnNo = step.stepNo + 1;
      if (!dossier.steps[returnNo]) {
        await trx
          .updateTable('dossier')
          .set({ currentStep: null })
          .where('id', '=', dossier.id)
          .execute();
        await noticeToApplicant(ctx, trx, dossier, 'resolved', 'Hồ sơ đã có kết quả.');
        return { code: dossier.code, status: 'resolved' as const, finishedAt: now };
      }
      await startStep(trx, {
        dossierId: dossier.id,
        steps: dossier.steps,
        stepNo: returnNo,
        receivingAgencyId: dossier.receivingAgencyId,
        at: now,
        dueAt: dossier.dueAt ?? now,
      });
      const electronic =
        dossier.returnMethod === 'electronic' && (await feesOutstanding(trx, dossier.id)) === 0;
      if (!electronic) {
        await noticeToApplicant(
          ctx,
          trx,
          dossier,
          'resolved',
          'Hồ sơ đã có kết quả; mời ông/bà nộp phí, lệ phí (nếu có) và nhận kết quả.',
        );
        return { code: dossier.code, status: 'resolved' as const, finishedAt: now };
      }
      // An electronic result is handed over by being there to download.
      const reloaded = await lockDossier(trx, dossier.code);
      assertDossierAccess(actor.principal, PERMISSION_OF_ROLE.leader, reloaded.agencies);
      const returned = await completeReturn(
        ctx,
        trx,
        actor,
        reloaded,
        reloaded.active!,
        'electronic',
      );
      return {
        code: dossier.code,
        status: 'returned' as const,
        finishedAt: now,
        returnedAt: returned.returnedAt,
      };
    });
}

async function resultInput(
  ctx: AppContext,
  trx: DossiersTrx,
  dossierId: string,
  agencyId: string,
  signerName: string,
  now: Date,
) {
  const row = await trx
    .selectFrom('dossier')
    .innerJoin('procedure', 'procedure.id', 'dossier.procedureId')
    .select([
      'dossier.code',
      'dossier.formValues',
      'procedure.name',
      'procedure.tthc',
      'procedure.form',
    ])
    .where('dossier.id', '=', dossierId)
    .executeTakeFirstOrThrow();
  const values = JSON.parse(
    fieldCipher(ctx.config).decrypt(row.formValues, dossierId).toString('utf8'),
  ) as FormValues;
  const communeCodes = Object.values(values).filter(
    (value): value is string => typeof value === 'string' && /^[0-9]{5}$/.test(value),
  );
  const communes =
    communeCodes.length > 0
      ? await trx
          .selectFrom('adminCommune')
          .select(['code', 'fullName'])
          .where('code', 'in', communeCodes)
          .execute()
      : [];
  const agency = await slipAgencyOf(trx, agencyId);
  const committee = /^ủy ban nhân dân/iu.test(agency.name);
  const title = row.tthc.KetQuaThucHien[0]?.TenKetQua.replace(/\s*\(.*\)\s*$/u, '') ?? row.name;
  return {
    agency,
    title: title.toLocaleUpperCase('vi'),
    subtitle: row.name,
    facts: resultFacts(
      row.form,
      values,
      new Map(communes.map((commune) => [commune.code, commune.fullName])),
    ),
    dossierCode: row.code,
    issuedAt: now,
    timezone: ctx.config.timezone,
    signer: {
      competence: committee ? 'TM. ỦY BAN NHÂN DÂN' : null,
      position: committee ? 'CHỦ TỊCH' : 'GIÁM ĐỐC',
      fullName: signerName,
    },
  };
}

async function storeResult(
  ctx: AppContext,
  trx: DossiersTrx,
  file: { dossierId: string; agencyId: string; bytes: Buffer; name: string; storedBy: string },
): Promise<string> {
  const put = await ctx.files.put(Readable.from([file.bytes]));
  const stored = await insertStoredFile(trx, {
    sha256: put.sha256,
    size: put.size,
    mediaType: 'application/pdf',
    originalName: file.name,
    ownerType: DOSSIER_RESULT_OWNER,
    ownerId: file.dossierId,
    agencyId: file.agencyId,
    uploadedBy: file.storedBy,
    createdAt: ctx.clock.now(),
  });
  return stored.id;
}
