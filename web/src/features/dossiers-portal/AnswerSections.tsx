/**
 * A filled form read back with its labels, section by section (submitted-values.ts), for
 * the review before submitting and for "what I submitted" on the dossier's page.
 */
import type { FormDefinition } from '../../../../src/kernel/forms';
import { usePublicConfig } from '../../shared/api/public-config';
import { useI18n } from '../../shared/i18n/i18n';
import { useCommunes } from '../feedback-public/public-api';
import { answeredSections } from './submitted-values';

/**
 * The full name of a commune by its code ("Phường Hạ Long"), from the province's list the
 * portal loads anyway.
 */
export function useCommuneName(): (code: string) => string | undefined {
  const { locale } = useI18n();
  const config = usePublicConfig();
  const communes = useCommunes(config.data?.provinceCode);
  return (code) => {
    const commune = communes.data?.find((each) => each.code === code);
    return commune ? (locale === 'en' ? commune.nameEn : commune.fullName) : undefined;
  };
}

export function AnswerSections({
  definition,
  values,
  headingLevel,
}: {
  definition: FormDefinition | undefined;
  values: Readonly<Record<string, unknown>>;
  headingLevel: 3 | 4;
}) {
  const { t, locale } = useI18n();
  const communeName = useCommuneName();
  const sections = answeredSections(definition, values, {
    locale,
    yes: t('dossiersPortal.answer.yes'),
    no: t('dossiersPortal.answer.no'),
    communeName,
  });
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  if (sections.length === 0) return <p className="note">{t('dossiersPortal.answer.none')}</p>;
  return (
    <>
      {sections.map((section) => (
        <div key={section.id || 'other'} className="dossier-answers">
          <Heading>{section.title || t('dossiersPortal.answer.other')}</Heading>
          <dl className="dossier-facts">
            {section.lines.map((line) => (
              <div key={line.fieldId} className="dossier-answer">
                <dt>{line.label}</dt>
                <dd>{line.text}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}
