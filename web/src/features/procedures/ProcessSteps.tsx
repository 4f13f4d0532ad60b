/**
 * The one-stop process (quy trình nội bộ): who handles the dossier at each step and what
 * share of the processing time the step has, so an applicant knows where a dossier waits.
 * A step "at the receiving agency" is the commune where the applicant lives, or the
 * provincial service centre; other agencies are named as the procedure's view gives them.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { ProcedureView } from './procedures-api';
import { ROLE_KEY } from './labels';

export function ProcessSteps({
  steps,
  agencies,
  receivingName,
}: {
  steps: ProcedureView['process']['steps'];
  agencies: ProcedureView['agencies'];
  /** The receiving agency's name, or null when it is the applicant's commune. */
  receivingName: string | null;
}) {
  const { t, locale } = useI18n();
  const agencyName = (agency: (typeof steps)[number]['agency']): string => {
    if (agency === 'receiving') return receivingName ?? t('procedures.receiving.commune');
    const found = agencies.find((each) => each.code === agency.code);
    if (!found) return agency.code;
    return locale === 'en' && found.nameEn ? found.nameEn : found.name;
  };

  return (
    <ol className="procedure-process">
      {steps.map((step) => (
        <li key={step.id}>
          <span className="procedure-process-name">{step.name[locale]}</span>
          <span className="procedure-aside">
            {t('procedures.process.who', {
              role: t(ROLE_KEY[step.role]),
              agency: agencyName(step.agency),
            })}
          </span>
          <span className="procedure-share">
            <span className="procedure-share-bar" aria-hidden="true">
              <span style={{ width: `${step.share}%` }} />
            </span>
            {t('procedures.process.share', { share: formatNumber(step.share, locale) })}
          </span>
        </li>
      ))}
    </ol>
  );
}
