/**
 * Step 2, what: the categories as cards grouped by their field (one radio group per
 * field), then the chosen category's own questions.
 */
import { useMemo } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Loading } from '../../shared/ui/Loading';
import { useCategories, type Category } from './feedback-api';
import type { Draft, Problems } from './draft';
import { QuestionField } from './QuestionField';

interface WhatStepProps {
  draft: Draft;
  problems: Problems;
  update: (change: Partial<Draft>) => void;
}

export function WhatStep({ draft, problems, update }: WhatStepProps) {
  const { t, locale } = useI18n();
  const categories = useCategories();
  const groups = useMemo(() => {
    const byGroup = new Map<string, Category[]>();
    for (const category of categories.data ?? []) {
      const name = locale === 'en' ? category.groupEn : category.group;
      byGroup.set(name, [...(byGroup.get(name) ?? []), category]);
    }
    return [...byGroup.entries()];
  }, [categories.data, locale]);
  const category = categories.data?.find((item) => item.code === draft.categoryCode);

  if (categories.isPending) return <Loading />;
  if (categories.error) return <Alert kind="error" error={categories.error} />;

  return (
    <div className="form">
      <fieldset
        className="feedback-categories"
        aria-describedby={problems.categoryCode ? 'feedback-category-error' : undefined}
      >
        <legend>{t('feedback.what.category')}</legend>
        {problems.categoryCode ? (
          <p id="feedback-category-error" className="field-error">
            <span aria-hidden="true">⚠ </span>
            {problems.categoryCode}
          </p>
        ) : null}
        {groups.map(([group, items]) => (
          <div key={group} className="feedback-group">
            <h3>{group}</h3>
            <ul className="feedback-category-cards">
              {items.map((item) => (
                <li key={item.code}>
                  <label
                    className={`feedback-category-card${
                      item.code === draft.categoryCode ? ' feedback-category-chosen' : ''
                    }`}
                  >
                    <input
                      type="radio"
                      name="feedback-category"
                      value={item.code}
                      checked={item.code === draft.categoryCode}
                      onChange={() => update({ categoryCode: item.code, answers: {} })}
                    />
                    <span className="feedback-category-name">
                      {locale === 'en' ? item.nameEn : item.name}
                    </span>
                    <span className="feedback-category-text">
                      {locale === 'en' ? item.descriptionEn : item.description}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </fieldset>
      {category && category.attributes.length > 0 ? (
        <section aria-labelledby="feedback-questions-title" className="panel">
          <h3 id="feedback-questions-title">
            {t('feedback.what.questions', {
              category: locale === 'en' ? category.nameEn : category.name,
            })}
          </h3>
          <p className="note">{t('feedback.what.requiredNote')}</p>
          <div className="form">
            {category.attributes.map((question) => (
              <QuestionField
                key={question.code}
                question={question}
                answer={draft.answers[question.code]}
                error={problems[`attributes.${question.code}`]}
                onChange={(answer) =>
                  update({ answers: { ...draft.answers, [question.code]: answer } })
                }
              />
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
