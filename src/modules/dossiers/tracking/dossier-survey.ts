/**
 * The applicant's rating of a returned dossier (khảo sát mức độ hài lòng), once per dossier:
 * what Decision 766/QĐ-TTg counts as satisfaction. Only the applicant rates their own.
 */
import type { AppContext } from '../../../kernel/context';
import type { Principal, RequestInfo } from '../../../kernel/auth';
import { writeDossierHistory } from '../submission';
import { dossiersDb } from '../dossiers-db';
import { dossierErrors } from '../dossiers.errors';

export interface SurveyAnswer {
  rating: number;
  comment?: string;
}

export async function answerSurvey(
  ctx: AppContext,
  principal: Principal,
  request: RequestInfo,
  code: string,
  answer: SurveyAnswer,
): Promise<{ code: string; rating: number; answeredAt: Date }> {
  return dossiersDb(ctx)
    .transaction()
    .execute(async (trx) => {
      const dossier = await trx
        .selectFrom('dossier')
        .select(['id', 'status', 'receivingAgencyId'])
        .where('code', '=', code)
        .where('applicantUserId', '=', principal.id)
        .forUpdate()
        .executeTakeFirst();
      if (!dossier) throw dossierErrors.DOSSIER_NOT_FOUND();
      if (dossier.status !== 'returned') {
        throw dossierErrors.DOSSIER_WRONG_STATUS({ status: dossier.status, action: 'rate' });
      }
      const now = ctx.clock.now();
      const inserted = await trx
        .insertInto('dossierSurvey')
        .values({
          dossierId: dossier.id,
          answeredAt: now,
          rating: answer.rating,
          comment: answer.comment?.trim() || null,
        })
        .onConflict((oc) => oc.column('dossierId').doNothing())
        .returning('dossierId')
        .executeTakeFirst();
      if (!inserted) throw dossierErrors.SURVEY_ANSWERED();
      await writeDossierHistory(trx, { principal, request }, now, {
        dossierId: dossier.id,
        action: 'rated',
        agencyId: dossier.receivingAgencyId,
        details: { rating: answer.rating },
      });
      return { code, rating: answer.rating, answeredAt: now };
    });
}
