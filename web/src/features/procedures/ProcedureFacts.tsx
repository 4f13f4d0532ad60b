/** The facts at the top of a procedure's page: code, field, level, agencies, applicants. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { ProcedureView } from './procedures-api';
import { APPLICANT_KEY, LEVEL_KEY } from './labels';
import { OnlineLevelBadge } from './OnlineLevelBadge';

export function ProcedureFacts({ procedure }: { procedure: ProcedureView }) {
  const { t, locale } = useI18n();
  const { tthc } = procedure;
  return (
    <dl className="facts procedure-facts">
      <dt>{t('procedures.facts.code')}</dt>
      <dd>{procedure.code}</dd>
      <dt>{t('procedures.facts.onlineLevel')}</dt>
      <dd>
        <OnlineLevelBadge level={tthc.MucDo} />
      </dd>
      <dt>{t('procedures.facts.field')}</dt>
      <dd lang="vi">{tthc.LinhVuc.TenLinhVuc}</dd>
      <dt>{t('procedures.facts.level')}</dt>
      <dd>{tthc.CapThucHien.map((level) => t(LEVEL_KEY[level])).join(', ')}</dd>
      <dt>{t('procedures.facts.applicants')}</dt>
      <dd>{tthc.DoiTuongThucHien.map((type) => t(APPLICANT_KEY[type])).join(', ')}</dd>
      <dt>{t('procedures.facts.receiving')}</dt>
      <dd>{procedure.receivingAgency?.name ?? t('procedures.receiving.commune')}</dd>
      <dt>{t('procedures.facts.agency')}</dt>
      <dd lang="vi">{tthc.CoQuanThucHien}</dd>
      <dt>{t('procedures.facts.authority')}</dt>
      <dd lang="vi">{tthc.CoQuanCoThamQuyen}</dd>
      <dt>{t('procedures.facts.updated')}</dt>
      <dd>
        {t('procedures.facts.revision', {
          revision: procedure.revision,
          time: formatDateTime(procedure.updatedAt, locale),
        })}
      </dd>
    </dl>
  );
}
