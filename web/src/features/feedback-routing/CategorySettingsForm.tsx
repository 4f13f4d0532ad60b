/**
 * A category's settings (PATCH /api/feedback/admin/categories/{code}): how long agencies
 * have to answer, on the working calendar, whether citizens can choose it, and the answer
 * templates officers start from. Only new reports take a new deadline. What was typed is
 * kept when the server refuses it.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { Alert } from '../../shared/ui/Alert';
import { Field } from '../../shared/ui/Field';
import {
  ROUTING_KEY,
  saveCategorySettings,
  type CategorySettings,
  type DeadlineUnit,
} from './routing-api';

const MAX_TEMPLATES = 20;

export function CategorySettingsForm({ setting }: { setting: CategorySettings }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [amount, setAmount] = useState(String(setting.deadline.amount));
  const [unit, setUnit] = useState<DeadlineUnit>(setting.deadline.unit);
  const [active, setActive] = useState(setting.active);
  const [templates, setTemplates] = useState(setting.answerTemplates);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const updateTemplate = (index: number, part: 'title' | 'body', text: string): void =>
    setTemplates(templates.map((tpl, i) => (i === index ? { ...tpl, [part]: text } : tpl)));

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const found: Record<string, string> = {};
    const days = Number(amount);
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      found.amount = t('feedbackRouting.deadlineInvalid');
    }
    templates.forEach((tpl, index) => {
      if (tpl.title.trim() === '') found[`title${index}`] = t('form.required');
      if (tpl.body.trim() === '') found[`body${index}`] = t('form.required');
    });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await saveCategorySettings(setting.code, {
        deadline: { amount: days, unit },
        active,
        answerTemplates: templates.map((tpl) => ({
          title: tpl.title.trim(),
          body: tpl.body.trim(),
        })),
      });
      setSaved(true);
      await client.invalidateQueries({ queryKey: ROUTING_KEY });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form routing-settings" noValidate onSubmit={(event) => void submit(event)}>
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      {saved ? (
        <Alert kind="success">
          <p>{t('feedbackRouting.settingsSaved')}</p>
        </Alert>
      ) : null}
      <div className="routing-deadline">
        <Field
          label={t('feedbackRouting.deadline')}
          hint={t('feedbackRouting.deadlineHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={problems.amount}
        />
        <div className="field">
          <label htmlFor={`unit-${setting.code}`}>{t('feedbackRouting.deadlineUnit')}</label>
          <select
            id={`unit-${setting.code}`}
            value={unit}
            onChange={(event) =>
              setUnit(event.target.value === 'working_hours' ? 'working_hours' : 'working_days')
            }
          >
            <option value="working_days">{t('feedbackRouting.unit.working_days')}</option>
            <option value="working_hours">{t('feedbackRouting.unit.working_hours')}</option>
          </select>
        </div>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={active}
          onChange={(event) => setActive(event.target.checked)}
        />
        {t('feedbackRouting.active')}
      </label>

      <fieldset className="routing-templates">
        <legend>{t('feedbackRouting.templates')}</legend>
        <p className="field-hint">{t('feedbackRouting.templatesHint')}</p>
        {templates.length === 0 ? (
          <p className="muted">{t('feedbackRouting.noTemplates')}</p>
        ) : null}
        {templates.map((tpl, index) => (
          <div className="routing-template" key={index}>
            <Field
              label={t('feedbackRouting.templateTitle', { number: index + 1 })}
              value={tpl.title}
              maxLength={200}
              onChange={(event) => updateTemplate(index, 'title', event.target.value)}
              error={problems[`title${index}`]}
            />
            <TemplateBody
              id={`template-body-${setting.code}-${index}`}
              label={t('feedbackRouting.templateBody', { number: index + 1 })}
              value={tpl.body}
              error={problems[`body${index}`]}
              onChange={(text) => updateTemplate(index, 'body', text)}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setTemplates(templates.filter((_, i) => i !== index))}
            >
              {t('feedbackRouting.removeTemplate', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          disabled={templates.length >= MAX_TEMPLATES}
          onClick={() => setTemplates([...templates, { title: '', body: '' }])}
        >
          {t('feedbackRouting.addTemplate')}
        </button>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('form.submitting') : t('feedbackRouting.saveSettings')}
      </button>
    </form>
  );
}

function TemplateBody({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string;
  onChange: (text: string) => void;
}) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={4}
        maxLength={5000}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
