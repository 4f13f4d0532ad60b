/** Where the person is in the wizard: the steps by name, the current one marked, done ones ticked. */
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import type { Step } from './wizard-draft';

export const STEP_TITLE: Record<Step, MessageKey> = {
  applicant: 'dossiersPortal.step.applicant',
  form: 'dossiersPortal.step.form',
  documents: 'dossiersPortal.step.documents',
  review: 'dossiersPortal.step.review',
};

export function StepIndicator({ steps, current }: { steps: readonly Step[]; current: Step }) {
  const { t } = useI18n();
  const index = steps.indexOf(current);
  return (
    <ol className="dossier-steps" aria-label={t('dossiersPortal.step.indicator')}>
      {steps.map((name, position) => (
        <li
          key={name}
          aria-current={name === current ? 'step' : undefined}
          className={position < index ? 'dossier-step-done' : undefined}
        >
          <span className="dossier-step-number" aria-hidden="true">
            {position < index ? '✓' : position + 1}
          </span>
          <span>
            {t(STEP_TITLE[name])}
            {position < index ? (
              <span className="visually-hidden"> ({t('dossiersPortal.step.done')})</span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
